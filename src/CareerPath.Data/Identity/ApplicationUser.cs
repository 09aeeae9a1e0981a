using Microsoft.AspNetCore.Identity;

namespace CareerPath.Data.Identity;

/// <summary>An account. Everything personal in the database hangs off its id and is deleted with it.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    [PersonalData]
    public string? DisplayName { get; set; }

    /// <summary>The catalog role the user says they hold now, if they have said.</summary>
    [PersonalData]
    public string? CurrentRoleSlug { get; set; }

    /// <summary>The day the user started in the role in <see cref="CurrentRoleSlug"/>, if they have said; it shortens the typical time to a target.</summary>
    [PersonalData]
    public DateOnly? CurrentRoleSince { get; set; }

    /// <summary>The user's time zone (an IANA id such as "Europe/Berlin"): "today" for due dates and check-ins is their day, not UTC's.</summary>
    [PersonalData]
    public string? TimeZone { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The framework version the user plans against (a row of <c>FrameworkVersions</c>); null for the server's default
    /// framework, newest version.
    /// </summary>
    public Guid? FrameworkVersionId { get; set; }

}
