using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Data.Identity;

/// <summary>
/// Who runs this server: administrators (Identity's role "Administrator"). The first account on a new server becomes
/// one; administrators, and the operator's <c>make-admin</c> command, can make others administrators. The last one
/// cannot be removed.
/// </summary>
public static class Administrators
{
    public const string RoleName = "Administrator";
    private const string RoleId = "administrator";

    public static Task<bool> IsAdministratorAsync(CareerPathDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.Set<IdentityUserRole<string>>().AnyAsync(r => r.RoleId == RoleId && r.UserId == userId, cancellationToken);

    public static Task<int> CountAsync(CareerPathDbContext db, CancellationToken cancellationToken = default) =>
        db.Set<IdentityUserRole<string>>().CountAsync(r => r.RoleId == RoleId, cancellationToken);

    public static async Task<HashSet<string>> UserIdsAsync(CareerPathDbContext db, CancellationToken cancellationToken = default) =>
        [.. await db.Set<IdentityUserRole<string>>().Where(r => r.RoleId == RoleId).Select(r => r.UserId).ToListAsync(cancellationToken)];

    /// <summary>Makes the user an administrator when the server has none yet; true if it did. One write transaction.</summary>
    public static async Task<bool> GrantIfFirstAsync(CareerPathDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        if (await CountAsync(db, cancellationToken) > 0)
        {
            return false;
        }

        await GrantAsync(db, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Makes the user an administrator (nothing changes if they are one).</summary>
    public static async Task GrantAsync(CareerPathDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        if (!await db.Roles.AnyAsync(r => r.Id == RoleId, cancellationToken))
        {
            db.Roles.Add(new IdentityRole { Id = RoleId, Name = RoleName, NormalizedName = RoleName.ToUpperInvariant(), ConcurrencyStamp = RoleId });
        }

        if (!await IsAdministratorAsync(db, userId, cancellationToken))
        {
            db.Set<IdentityUserRole<string>>().Add(new IdentityUserRole<string> { RoleId = RoleId, UserId = userId });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the user's administrator rights; refused for the last administrator, so the server always has one.</summary>
    public static async Task RevokeAsync(CareerPathDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var row = await db.Set<IdentityUserRole<string>>().FirstOrDefaultAsync(r => r.RoleId == RoleId && r.UserId == userId, cancellationToken);
        if (row is null)
        {
            return;
        }

        if (await CountAsync(db, cancellationToken) <= 1)
        {
            throw new LastAdministratorException();
        }

        db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

public sealed class LastAdministratorException()
    : Exception("This is the server's only administrator. Make someone else an administrator first, so the server always has one.");
