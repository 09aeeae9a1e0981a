using System.Net.Mime;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CareerPath.Web.Capacity;

/// <summary>Wires admission control: the cap, the circuit counter, Kestrel's connection limit and the "busy" answer.</summary>
public static class AdmissionControl
{
    /// <summary>Seconds a refused visitor is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public static void AddCircuitAdmission(this WebApplicationBuilder builder)
    {
        // Resolved when the app is built and its database opened (UseCircuitAdmission), so the files open by then count.
        builder.Services.AddSingleton(_ => CircuitCapacity.Resolve(
            builder.Configuration, CircuitCapacity.ReadOpenFileLimit(), CircuitCapacity.CountOpenFiles(), GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));
        builder.Services.AddSingleton<CircuitAdmission>();
        builder.Services.AddScoped<CircuitHandler, AdmissionCircuitHandler>();
        // Past this Kestrel closes new connections at once, so sockets never take the files the database needs.
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<CircuitCapacity>((options, capacity) => options.Limits.MaxConcurrentConnections = capacity.MaxConnections);
    }

    /// <summary>
    /// Refuses, with a 503 and a page that says to try again shortly: a page a newcomer asks for when the circuits are
    /// at the cap, and any new SignalR connection past the hard limit. Everything else passes, so those already here
    /// keep working.
    /// </summary>
    public static IApplicationBuilder UseCircuitAdmission(this WebApplication app)
    {
        var admission = app.Services.GetRequiredService<CircuitAdmission>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdmissionControl));
        logger.LogInformation("Admitting at most {Circuits} live circuits ({Reason}) and {Connections} connections.",
            admission.Capacity.MaxLiveCircuits, admission.Capacity.Reason, admission.Capacity.MaxConnections);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var refuse = request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
                ? !admission.AdmitsConnection
                : IsPageRequest(request) && !admission.Admits(context.User);
            if (!refuse)
            {
                await next(context);
                return;
            }

            logger.LogWarning("Busy: refused {Path} with {Connected} connected circuits (cap {Cap}).", request.Path.Value, admission.Connected, admission.Capacity.MaxLiveCircuits);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
            await context.Response.WriteAsync(BusyPage);
        });
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !Path.HasExtension(request.Path.Value)
        && !request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Self-contained (no stylesheet to fetch from a busy server), readable on a phone, in the app's colours.</summary>
    public const string BusyPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>CareerPath is busy</title>
        <style>
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f5f6fa; color: #1f2430; }
        main { box-sizing: border-box; width: calc(100% - 2rem); max-width: 32rem; margin: 12vh auto; padding: 2rem 1.5rem; background: #fff; border: 1px solid #dfe3ec; border-radius: 12px; }
        h1 { font-size: 1.5rem; margin: 0 0 .75rem; color: #303f9f; }
        p { line-height: 1.55; margin: 0 0 1rem; }
        a { color: #303f9f; font-weight: 600; }
        </style>
        </head>
        <body>
        <main>
        <h1>CareerPath is busy right now</h1>
        <p>So many people are using CareerPath at the moment that there is no room for another page without slowing everyone down.</p>
        <p>Nothing of yours is lost. Please try again in a minute: <a href="">reload this page</a>.</p>
        </main>
        </body>
        </html>
        """;
}
