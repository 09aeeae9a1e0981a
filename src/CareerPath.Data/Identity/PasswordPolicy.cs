namespace CareerPath.Data.Identity;

/// <summary>How passwords are hashed, shared by the app and the operator's tools so both write the same hashes.</summary>
public static class PasswordPolicy
{
    /// <summary>PBKDF2 iterations; ASVS 5.0 asks for at least 210,000.</summary>
    public const int HashIterations = 210_000;
}
