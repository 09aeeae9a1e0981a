using System.Security.Claims;
using CareerPath.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareerPath.Web.Components.Account;

// Re-checks a connected circuit's user every minute: the sign-in session must still exist and the security stamp
// must still match. An open page left alone then drops its data within a minute of the session ending; any action
// on it is refused at once by SessionCircuitHandler. Both are one query (ServerSessions.IsStillSignedInAsync), not a
// service scope and a user manager per page per minute.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        ServerSessions sessions,
        IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillSignedInAsync(authenticationState.User);

    /// <summary>The minute's check of a page's user, as sign-in built it: its session, account and security stamp.</summary>
    internal Task<bool> IsStillSignedInAsync(ClaimsPrincipal principal) =>
        sessions.IsStillSignedInAsync(
            ServerSessions.SessionIdOf(principal),
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType));
}
