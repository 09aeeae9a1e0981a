namespace CareerPath.Data.Identity;

/// <summary>
/// One signed-in browser. The sign-in cookie names its row; a cookie whose row is gone is refused, so signing
/// out (here or everywhere), changing the password or deleting the account ends the session on the server.
/// </summary>
public sealed class AuthSession
{
    public const int IdMaxLength = 64;

    /// <summary>256 random bits, URL-safe base64.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The last request or interactive action, kept to the minute (not written on every request).</summary>
    public DateTime LastSeenAtUtc { get; set; }
}
