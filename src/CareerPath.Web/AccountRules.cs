namespace CareerPath.Web;

/// <summary>Account policy in one place, so the pages' hints and Identity's checks agree.</summary>
public static class AccountRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;
    public const int MaxFailedSignIns = 5;
    public const int PasswordHashIterations = CareerPath.Data.Identity.PasswordPolicy.HashIterations;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a password reset or confirmation link works.</summary>
    public static readonly TimeSpan EmailLinkLifetime = TimeSpan.FromHours(1);
}
