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

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

}
