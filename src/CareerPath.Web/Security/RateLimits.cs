using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareerPath.Web.Security;

/// <summary>
/// Per-client limits on the requests worth attacking: sign-in and registration posts, and feedback links
/// (guessing tokens). Everything else is unlimited.
/// </summary>
public static class RateLimits
{
    public const int SignInPerMinute = 10;
    public const int RegisterPerMinute = 5;
    public const int ResetMailsPerMinute = 5;
    public const int FeedbackLinksPerMinute = 30;

    public static IServiceCollection AddCareerPathRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var scale = Math.Max(1, configuration.GetValue("RateLimits:Scale", 1));
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var (name, limit) = Classify(context.Request);
                if (name is null)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{name}:{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit * scale,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(TooManyRequestsPage, cancellationToken);
            };
        });
    }

    private static (string? Name, int Limit) Classify(HttpRequest request)
    {
        // Routing ignores a trailing slash, so the limiter must too.
        var path = (request.Path.Value ?? "").TrimEnd('/');
        if (HttpMethods.IsPost(request.Method) && path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            return ("sign-in", SignInPerMinute);
        }

        if (HttpMethods.IsPost(request.Method) && (path.Equals("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/Account/LoginWithRecoveryCode", StringComparison.OrdinalIgnoreCase)))
        {
            return ("second-factor", SignInPerMinute);
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals("/Account/ForgotPassword", StringComparison.OrdinalIgnoreCase))
        {
            return ("reset-mail", ResetMailsPerMinute);
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals("/Account/Register", StringComparison.OrdinalIgnoreCase))
        {
            return ("register", RegisterPerMinute);
        }

        return path.StartsWith("/feedback/", StringComparison.OrdinalIgnoreCase) || path.Equals("/feedback", StringComparison.OrdinalIgnoreCase)
            ? ("feedback", FeedbackLinksPerMinute)
            : (null, 0);
    }

    private const string TooManyRequestsPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Too many attempts · CareerPath</title><link rel="stylesheet" href="/app.css"></head>
        <body><main class="page"><section class="empty-state">
        <h1>Too many attempts</h1>
        <p>For your safety, this was tried too often from your connection. Please wait a minute and try again.</p>
        <a class="button button--primary" href="/">Back to CareerPath</a>
        </section></main></body></html>
        """;
}
