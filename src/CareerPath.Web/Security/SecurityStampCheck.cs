using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareerPath.Web.Security;

/// <summary>
/// Asks Identity to check a cookie's security stamp only when that check is due (every
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> since the cookie was issued), which is when Identity's
/// own validator would do anything. Asking it on every request builds its whole graph first (sign-in manager, user
/// manager, user store, a database context) in the request's scope; a page's circuit runs over one long request (its
/// WebSocket), so every open page kept that graph for as long as it was open (docs/benchmarks.md, "Load").
/// </summary>
public static class SecurityStampCheck
{
    /// <summary>Wraps Identity's validator: call before anything else wraps <c>OnValidatePrincipal</c>.</summary>
    public static void Apply(CookieAuthenticationOptions options)
    {
        var identityCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = context => IsDue(context) ? identityCheck(context) : Task.CompletedTask;
    }

    /// <summary>Identity's own rule (<c>SecurityStampValidator.ValidateAsync</c>): no issue time, or more than the interval since it.</summary>
    private static bool IsDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }
}
