using CareerPath.Domain.Catalog;

namespace CareerPath.Domain.Roles;

/// <summary>The one rule for the role an audit is compared with and a new roadmap aims at, when the user has not picked one.</summary>
public static class TargetRoles
{
    /// <summary>
    /// The next role from the user's aspirations, else their five-year role, else the least senior role their
    /// current role leads to; a choice equal to the current role, or no longer in the catalog, is skipped.
    /// </summary>
    public static Role? Default(CareerCatalog catalog, string? currentRoleSlug, string? nextRoleSlug, string? fiveYearRoleSlug)
    {
        foreach (var slug in new[] { nextRoleSlug, fiveYearRoleSlug })
        {
            if (!string.IsNullOrEmpty(slug) && slug != currentRoleSlug && catalog.FindRole(slug) is { } role)
            {
                return role;
            }
        }

        return string.IsNullOrEmpty(currentRoleSlug) ? null : catalog.NextRoles(currentRoleSlug).FirstOrDefault();
    }
}
