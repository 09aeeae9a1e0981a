using Microsoft.AspNetCore.StaticAssets;

namespace CareerPath.Web.Security;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy Blazor works under, and friends; and
/// <c>Cache-Control: no-store</c> on everything but the static files.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline or evaluated script anywhere. Styles allow inline attributes because the app sets a bar's
    /// width or a chart label's position in style="...". 'self' in connect-src covers SignalR's same-origin WebSocket.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // Feedback links carry a secret token in the path: never send it on to another site.
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // Pages, downloads and redirects may hold personal data: no browser, proxy or shared computer may keep
                // a copy (the back button re-asks the server, which checks the session). Static files (styles,
                // scripts, images, Blazor's own script) hold nothing personal and keep their own caching.
                if (!IsStaticFile(context))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });

    private static bool IsStaticFile(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        || context.Request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase);
}
