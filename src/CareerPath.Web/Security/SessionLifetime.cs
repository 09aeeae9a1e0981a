using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareerPath.Web.Security;

/// <summary>Signed out after 30 minutes idle (sliding cookie) and after 12 hours whatever happens.</summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    // Sliding renewal resets IssuedUtc, so the moment of sign-in is kept in the ticket separately.
    private const string SignedInAtKey = ".careerpath.signed-in-at";

    public static void Apply(CookieAuthenticationOptions options)
    {
        options.ExpireTimeSpan = Idle;
        options.SlidingExpiration = true;
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = context =>
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToString("O"));
            return signingIn(context);
        };
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            var signedInAt = context.Properties.Items.TryGetValue(SignedInAtKey, out var stamp) && DateTimeOffset.TryParse(stamp, out var at)
                ? at
                : context.Properties.IssuedUtc;
            if (signedInAt is null || clock.GetUtcNow() - signedInAt > Absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
        };
    }
}
