using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Security.Cryptography;
using CareerPath.Data;
using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Security;

/// <summary>
/// Every sign-in is a row in <c>AuthSessions</c>, and the sign-in cookie names its row. A cookie whose row is gone
/// is refused on its next request (and an open interactive page at its next action), so signing out, "sign out
/// everywhere", a password change and deleting the account end sessions on the server, not just in one browser.
/// </summary>
/// <remarks>
/// Checked on every authenticated request and before every inbound activity of an open page, with no cache: one
/// primary-key read. The last-seen time is written at most once a minute. See docs/decisions/004-server-side-sessions.md.
/// </remarks>
public sealed class ServerSessions(IDbContextFactory<CareerPathDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The claim carrying the session id, so an interactive circuit knows which session it belongs to.</summary>
    public const string ClaimType = "careerpath:session";

    // The ticket's properties carry the id across cookie renewals and RefreshSignInAsync, which rebuild the principal.
    private const string ItemKey = ".careerpath.session";

    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private string? _connectionString;

    /// <summary>Opens a session for the user and returns its id (256 random bits); sweeps sessions that can no longer be used.</summary>
    public async Task<string> StartAsync(string userId)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync();
        await WriteGate.WriteAsync(() => ExpiredSessions(db, now).ExecuteDeleteAsync());
        db.AuthSessions.Add(new AuthSession { Id = id, UserId = userId, CreatedAtUtc = now, LastSeenAtUtc = now });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>
    /// Whether the session still exists, belongs to the user, and is within the idle and absolute limits. Unless told
    /// otherwise (a background re-check is not activity), records the activity at most once a minute, so an
    /// interactive page in use keeps its session alive.
    /// </summary>
    public async Task<bool> IsActiveAsync(string? sessionId, string? userId, bool recordActivity = true)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return false;
        }

        var now = Now;
        var (session, _) = await FindAsync(sessionId, withStamp: false);
        if (!Usable(session, userId, now))
        {
            return false;
        }

        if (recordActivity && now - session.LastSeenAtUtc >= TouchEvery)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await WriteGate.WriteAsync(() => db.AuthSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now)));
        }

        return true;
    }

    /// <summary>
    /// The background re-check of an open page: its session is still usable (as <see cref="IsActiveAsync"/>, which it
    /// does not count as activity) and the account's security stamp is still the one its sign-in carried. One query
    /// on a pooled connection: every open page asks once a minute, so 10,000 open pages ask 170 times a second, and
    /// Identity's way (a service scope, a user manager, the whole user row) took about 1.3 ms of CPU each
    /// (docs/benchmarks.md, "CPU per action").
    /// </summary>
    public async Task<bool> IsStillSignedInAsync(string? sessionId, string? userId, string? securityStamp)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return false;
        }

        var (session, stamp) = await FindAsync(sessionId, withStamp: true);
        return Usable(session, userId, Now) && securityStamp is not null && string.Equals(stamp, securityStamp, StringComparison.Ordinal);
    }

    /// <summary>Whether a session row can still be used: it exists, is the user's, and is within the idle and absolute limits.</summary>
    private static bool Usable([NotNullWhen(true)] AuthSession? session, string userId, DateTime now) =>
        // Idle allows one touch interval of slack: the last-seen time is only written once a minute.
        session is not null && session.UserId == userId
        && now - session.LastSeenAtUtc <= SessionLifetime.Idle + TouchEvery
        && now - session.CreatedAtUtc <= SessionLifetime.Absolute;

    /// <summary>
    /// The session's row, read afresh from the database on every call (so a session ended by another process, such as
    /// the command-line tool, is seen at once), by primary key on a pooled connection. An open page checks this before
    /// every inbound activity (its events and each render acknowledgement), so it skips the DbContext: creating one,
    /// its services and the pragmas on open cost several times the lookup itself (see docs/benchmarks.md, "Load").
    /// </summary>
    private async Task<(AuthSession? Session, string? SecurityStamp)> FindAsync(string sessionId, bool withStamp)
    {
        await using var connection = new SqliteConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = withStamp
            ? "SELECT s.UserId, s.CreatedAtUtc, s.LastSeenAtUtc, u.SecurityStamp FROM AuthSessions s LEFT JOIN AspNetUsers u ON u.Id = s.UserId WHERE s.Id = $id"
            : "SELECT UserId, CreatedAtUtc, LastSeenAtUtc FROM AuthSessions WHERE Id = $id";
        command.Parameters.AddWithValue("$id", sessionId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return (null, null);
        }

        var session = new AuthSession { Id = sessionId, UserId = reader.GetString(0), CreatedAtUtc = reader.GetDateTime(1), LastSeenAtUtc = reader.GetDateTime(2) };
        return (session, withStamp && !reader.IsDBNull(3) ? reader.GetString(3) : null);
    }

    private async Task<string> ConnectionStringAsync()
    {
        if (_connectionString is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            _connectionString = db.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The database has no connection string.");
        }

        return _connectionString;
    }

    public async Task EndAsync(string sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await WriteGate.WriteAsync(() => db.AuthSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync());
    }

    /// <summary>Ends every session of the user, except <paramref name="keepSessionId"/> when given; returns how many ended.</summary>
    public async Task<int> EndAllAsync(string userId, string? keepSessionId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await WriteGate.WriteAsync(() => db.AuthSessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync());
    }

    /// <summary>The user's sessions that can still be used, newest activity first.</summary>
    public async Task<IReadOnlyList<AuthSession>> ListAsync(string userId)
    {
        var now = Now;
        var idleCutoff = now - SessionLifetime.Idle - TouchEvery;
        var absoluteCutoff = now - SessionLifetime.Absolute;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuthSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.LastSeenAtUtc >= idleCutoff && s.CreatedAtUtc >= absoluteCutoff)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .ToListAsync();
    }

    public static string? SessionIdOf(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimType);

    /// <summary>Hooks the session table into the application cookie: open on sign-in, check on every request, end on sign-out.</summary>
    public static void Apply(CookieAuthenticationOptions options)
    {
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<ServerSessions>();
            if (!context.Properties.Items.TryGetValue(ItemKey, out var sessionId) || sessionId is null)
            {
                // A fresh sign-in (a refresh keeps the ticket's properties, and so its session): a new session id,
                // and whatever session this browser held before is ended rather than left usable by a copied cookie.
                if (SessionIdOf(context.HttpContext.User) is { } previous)
                {
                    await sessions.EndAsync(previous);
                }

                var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier)
                    ?? throw new InvalidOperationException("Signing in a principal without a user id.");
                sessionId = await sessions.StartAsync(userId);
                context.Properties.Items[ItemKey] = sessionId;
            }

            SetClaim(context.Principal, sessionId);
            await signingIn(context);
        };

        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<ServerSessions>();
            var sessionId = context.Properties.Items.TryGetValue(ItemKey, out var id) ? id : null;
            if (!await sessions.IsActiveAsync(sessionId, context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier)))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
            // The security stamp check may have rebuilt the principal from the database, without the session claim.
            SetClaim(context.Principal, sessionId!);
        };

        var signingOut = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            if (SessionIdOf(context.HttpContext.User) is { } sessionId)
            {
                await context.HttpContext.RequestServices.GetRequiredService<ServerSessions>().EndAsync(sessionId);
            }

            await signingOut(context);
        };
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static IQueryable<AuthSession> ExpiredSessions(CareerPathDbContext db, DateTime now)
    {
        var idleCutoff = now - SessionLifetime.Idle - TouchEvery;
        var absoluteCutoff = now - SessionLifetime.Absolute;
        return db.AuthSessions.Where(s => s.LastSeenAtUtc < idleCutoff || s.CreatedAtUtc < absoluteCutoff);
    }

    private static void SetClaim(ClaimsPrincipal? principal, string sessionId)
    {
        if (principal?.Identity is not ClaimsIdentity identity || principal.FindFirstValue(ClaimType) == sessionId)
        {
            return;
        }

        foreach (var old in identity.FindAll(ClaimType).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(ClaimType, sessionId));
    }
}
