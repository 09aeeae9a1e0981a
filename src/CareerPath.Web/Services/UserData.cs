using System.Security.Claims;
using CareerPath.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>
/// The one way services reach personal data: a short-lived context bound to the signed-in user, so every
/// query is filtered to their records and no save can touch anyone else's.
/// </summary>
public sealed class UserData(
    IDbContextFactory<CareerPathDbContext> dbFactory,
    AuthenticationStateProvider authentication,
    IHttpContextAccessor httpContextAccessor)
{
    public async Task<string> UserIdAsync() =>
        await TryUserIdAsync() ?? throw new UnauthorizedAccessException("Sign in to see your own data.");

    /// <summary>The signed-in user's id, or null for a visitor.</summary>
    public async Task<string?> TryUserIdAsync()
    {
        // Plain HTTP endpoints (exports) have the user on the request; components have it on the circuit.
        var user = httpContextAccessor.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser
            ? requestUser
            : (await authentication.GetAuthenticationStateAsync()).User;
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    public async Task<CareerPathDbContext> OpenAsync()
    {
        var userId = await UserIdAsync();
        var db = await dbFactory.CreateDbContextAsync();
        db.CurrentOwnerId = userId;
        return db;
    }
}

/// <summary>A personal record that does not exist, or is not the signed-in user's (the two look the same).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The record changed since it was loaded (another tab or device saved first).</summary>
public sealed class ConflictException(string message) : Exception(message);

public static class UserDataExtensions
{
    /// <summary>Saves, turning a lost optimistic-concurrency race into a clear <see cref="ConflictException"/>.</summary>
    public static async Task SaveOrConflictAsync(this CareerPathDbContext db, string what)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"This {what} was changed somewhere else (another tab or device) since you opened it. Reload to see the latest version; your last change was not saved.");
        }
    }
}
