using CareerPath.Domain.Catalog;

namespace CareerPath.Domain.Frameworks;

/// <summary>One role's expectation of one skill, before and after; null is "not expected".</summary>
public sealed record ExpectationChange(string RoleName, string SkillName, int? Before, int? After);

/// <summary>A skill or role kept under its key whose name changed.</summary>
public sealed record Renamed(string Before, string After);

/// <summary>
/// What differs between two frameworks (or two versions of one), matched by key: the skills and roles added, removed
/// and renamed, each expectation that moved, and whether the rating scales mean the same. This is what a person
/// moving their plan is shown, and what decides whether their ratings can come with them.
/// </summary>
public sealed record FrameworkChanges(
    IReadOnlyList<string> SkillsAdded,
    IReadOnlyList<string> SkillsRemoved,
    IReadOnlyList<Renamed> SkillsRenamed,
    IReadOnlyList<string> RolesAdded,
    IReadOnlyList<string> RolesRemoved,
    IReadOnlyList<Renamed> RolesRenamed,
    IReadOnlyList<ExpectationChange> ExpectationsMoved,
    bool ScaleChanged,
    bool RatingsCarry)
{
    public bool None =>
        SkillsAdded.Count + SkillsRemoved.Count + SkillsRenamed.Count + RolesAdded.Count + RolesRemoved.Count + RolesRenamed.Count
        + ExpectationsMoved.Count == 0 && !ScaleChanged;

    public static FrameworkChanges Between(CareerCatalog from, CareerCatalog to)
    {
        var expectations = new List<ExpectationChange>();
        foreach (var role in to.Roles)
        {
            if (from.FindRole(role.Slug) is not { } before)
            {
                continue;
            }

            // Every skill either version of the role could expect, in the new framework's order, then the old one's.
            foreach (var slug in to.Skills.Select(s => s.Slug).Concat(from.Skills.Select(s => s.Slug)).Distinct(StringComparer.Ordinal))
            {
                var was = before.ExpectedLevel(slug)?.Value;
                var now = role.ExpectedLevel(slug)?.Value;
                if (was != now)
                {
                    var name = to.FindSkill(slug)?.Name ?? from.FindSkill(slug)!.Name;
                    expectations.Add(new ExpectationChange(role.Name, name, was, now));
                }
            }
        }

        var scaleChanged = from.Scale.Count != to.Scale.Count
            || from.Scale.Levels.Zip(to.Scale.Levels).Any(pair => pair.First.Name != pair.Second.Name);
        return new FrameworkChanges(
            Added(from.Skills, to.Skills, s => s.Slug, s => s.Name),
            Added(to.Skills, from.Skills, s => s.Slug, s => s.Name),
            RenamedIn(from.Skills, to.FindSkill, s => s.Slug, s => s.Name),
            Added(from.Roles, to.Roles, r => r.Slug, r => r.Name),
            Added(to.Roles, from.Roles, r => r.Slug, r => r.Name),
            RenamedIn(from.Roles, to.FindRole, r => r.Slug, r => r.Name),
            expectations,
            scaleChanged,
            CanCarryRatings(from, to));
    }

    /// <summary>
    /// A rating means the same on the other framework when both scales have the same number of levels: level 3 of 5
    /// is not level 3 of 6, so ratings across scales of different sizes are not carried or compared.
    /// </summary>
    public static bool CanCarryRatings(CareerCatalog from, CareerCatalog to) => from.Scale.Count == to.Scale.Count;

    private static IReadOnlyList<string> Added<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string> name)
    {
        var known = before.Select(key).ToHashSet(StringComparer.Ordinal);
        return after.Where(item => !known.Contains(key(item))).Select(name).ToList();
    }

    private static IReadOnlyList<Renamed> RenamedIn<T>(IReadOnlyList<T> before, Func<string, T?> find, Func<T, string> key, Func<T, string> name)
        where T : class =>
        before.Select(item => (Before: name(item), After: find(key(item)) is { } kept ? name(kept) : null))
            .Where(pair => pair.After is not null && pair.After != pair.Before)
            .Select(pair => new Renamed(pair.Before, pair.After!))
            .ToList();
}
