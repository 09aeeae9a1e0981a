using System.Net.Mime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

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
        // Past these Kestrel closes new connections at once, so sockets never take the files the database needs. Upgraded
        // connections (the circuits' WebSockets) are counted apart from plain ones, so both are bounded.
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<CircuitCapacity>((options, capacity) =>
            {
                options.Limits.MaxConcurrentConnections = capacity.MaxConnections;
                options.Limits.MaxConcurrentUpgradedConnections = capacity.HardLimit;
            });
        builder.Services.AddOptions<CircuitOptions>()
            .Configure<CircuitCapacity>((options, capacity) => options.DisconnectedCircuitMaxRetained = capacity.MaxRetainedDisconnected);
    }

    /// <summary>
    /// Refuses, with a 503: an interactive page asked for by a newcomer when the circuits are at the cap (a page that
    /// explains, with Retry-After), and a new circuit connection (negotiation or WebSocket) past the hard limit, the
    /// user's share or the share of visitors without an account. Everything else passes: static pages (signing in,
    /// the catalog), files, form posts, and everything of those already here.
    /// </summary>
    public static IApplicationBuilder UseCircuitAdmission(this WebApplication app)
    {
        var admission = app.Services.GetRequiredService<CircuitAdmission>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdmissionControl));
        logger.LogInformation("Admitting at most {Circuits} live circuits ({Reason}), {Sockets} circuit connections and {Connections} other connections.",
            admission.Capacity.MaxLiveCircuits, admission.Capacity.Reason, admission.Capacity.HardLimit, admission.Capacity.MaxConnections);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
            {
                await CircuitConnectionAsync(context, next, admission, logger);
                return;
            }

            if (!IsInteractivePage(context) || admission.AdmitPage(context.User, context.Connection.RemoteIpAddress?.ToString()))
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

    /// <summary>A WebSocket is counted for as long as it is open; a negotiation only checks there would be room for one.</summary>
    private static async Task CircuitConnectionAsync(HttpContext context, RequestDelegate next, CircuitAdmission admission, ILogger logger)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.WebSockets.IsWebSocketRequest)
        {
            if (!admission.TryOpenSocket(context.User))
            {
                Refuse(context, admission, logger);
                return;
            }

            ForgetCookies(context);
            try
            {
                await next(context);
            }
            finally
            {
                admission.CloseSocket(context.User);
            }

            return;
        }

        if (context.Request.Path.Equals("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            // The connection itself over long polling or server-sent events: SignalR's fallbacks when a WebSocket is
            // refused. Sockets are what is counted and capped, so circuits run over WebSockets only (the deployment's
            // proxy passes them on, docs/operations.md); a fallback would slip past every limit above.
            // Information, not a warning: a client whose WebSocket was refused tries these fallbacks in turn, under load.
            logger.LogInformation("Refused a circuit connection that was not a WebSocket ({Method}).", context.Request.Method);
            NoStatusPage(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (path.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase))
        {
            // Room for one more socket now; the socket itself is counted (and may still be refused) when it opens.
            if (!admission.TryOpenSocket(context.User))
            {
                Refuse(context, admission, logger);
                return;
            }

            admission.CloseSocket(context.User);
        }

        // Disconnect beacons, initializers and the like free places or cost nothing: never refused.
        await next(context);
    }

    /// <summary>
    /// A circuit's socket keeps its request for the circuit's life. Its cookies (the sign-in ticket and the
    /// antiforgery token, about 6 KB a circuit as the header and again as parsed values) were read by authentication,
    /// before admission, and nothing in a circuit reads them again: its user is fixed when it connects.
    /// </summary>
    private static void ForgetCookies(HttpContext context)
    {
        context.Request.Headers.Remove(HeaderNames.Cookie);
        context.Features.Set<IRequestCookiesFeature>(new RequestCookiesFeature(context.Features));
    }

    private static void Refuse(HttpContext context, CircuitAdmission admission, ILogger logger)
    {
        logger.LogWarning("Busy: refused a circuit connection with {Sockets} open (limit {Limit}).", admission.Sockets, admission.Capacity.HardLimit);
        NoStatusPage(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A refusal on the circuit's endpoint goes to a script, as it is: not re-run as the "not found" page.</summary>
    private static void NoStatusPage(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }

    /// <summary>A page whose component runs interactively (it will open a circuit); static pages never count.</summary>
    private static bool IsInteractivePage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component
        && InteractivePages.GetOrAdd(component.Type, static type => type.IsDefined(typeof(RenderModeAttribute), inherit: true));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> InteractivePages = new();

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
