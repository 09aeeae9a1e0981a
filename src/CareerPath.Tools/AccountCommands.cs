using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareerPath.Data;
using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerPath.Tools;

/// <summary>What the operator can do for an account from the server: list accounts, reset a forgotten password.</summary>
public static class AccountCommands
{
    // No look-alike characters (0/O, 1/l/I), so a password read out or copied by hand survives.
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int PasswordLength = 20;

    /// <summary>
    /// Gives the account a new random password (returned, shown once), signs out every session and clears any
    /// lockout. Works while the app runs.
    /// </summary>
    public static string ResetPassword(string databasePath, string email)
    {
        using var db = Open(databasePath);
        var user = Find(db, email);
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, PasswordLength);
        var hasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordPolicy.HashIterations }));
        user.PasswordHash = hasher.HashPassword(user, password);
        // A new stamp invalidates reset links and remembered sign-ins issued before.
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        db.AuthSessions.RemoveRange(db.AuthSessions.Where(s => s.UserId == user.Id));
        db.SaveChanges();
        return password;
    }

    /// <summary>Makes the account an administrator, or with <paramref name="remove"/> ends that (never for the last one).</summary>
    public static string MakeAdmin(string databasePath, string email, bool remove)
    {
        using var db = Open(databasePath);
        var user = Find(db, email);
        try
        {
            if (remove)
            {
                Administrators.RevokeAsync(db, user.Id).GetAwaiter().GetResult();
                return $"{user.Email} is no longer an administrator.";
            }

            Administrators.GrantAsync(db, user.Id).GetAwaiter().GetResult();
            return $"{user.Email} is an administrator.";
        }
        catch (LastAdministratorException ex)
        {
            throw new BackupException(ex.Message, ex);
        }
    }

    /// <summary>One line per account, by email: email, name, created, open sessions, administrator, lockout.</summary>
    public static string ListUsers(string databasePath)
    {
        using var db = Open(databasePath);
        var sessions = db.AuthSessions.GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count);
        var users = db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToList();
        var administrators = Administrators.UserIdsAsync(db).GetAwaiter().GetResult();
        if (users.Count == 0)
        {
            return "No accounts yet.";
        }

        var now = DateTimeOffset.UtcNow;
        var text = new StringBuilder();
        foreach (var user in users)
        {
            var open = sessions.GetValueOrDefault(user.Id);
            text.Append(CultureInfo.InvariantCulture, $"{user.Email}\t{user.DisplayName ?? "(no name)"}\tsince {user.CreatedAt:yyyy-MM-dd}\t{open} {(open == 1 ? "session" : "sessions")}");
            if (administrators.Contains(user.Id))
            {
                text.Append("\tadministrator");
            }

            if (user.LockoutEnd is { } end && end > now)
            {
                text.Append(CultureInfo.InvariantCulture, $"\tlocked until {end:yyyy-MM-dd HH:mm} UTC");
            }

            text.AppendLine();
        }

        return text.Append(CultureInfo.InvariantCulture, $"{users.Count} {(users.Count == 1 ? "account" : "accounts")}.").ToString();
    }

    private static ApplicationUser Find(CareerPathDbContext db, string email)
    {
        var normalized = email.Trim().Normalize().ToUpperInvariant();
        return db.Users.SingleOrDefault(u => u.NormalizedEmail == normalized)
            ?? throw new BackupException($"No account has the email {email.Trim()}. `list-users` shows them.");
    }

    private static CareerPathDbContext Open(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            throw new BackupException($"There is no database at {databasePath}.");
        }

        var options = new DbContextOptionsBuilder<CareerPathDbContext>()
            .UseSqlite($"Data Source={databasePath};Mode=ReadWrite;Default Timeout=10")
            .Options;
        return new CareerPathDbContext(options);
    }
}
