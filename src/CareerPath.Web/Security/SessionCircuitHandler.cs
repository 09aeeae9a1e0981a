using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace CareerPath.Web.Security;

/// <summary>
/// An open interactive page acts only while its sign-in session exists: before each inbound activity (a click, a
/// keystroke bound to the server, a navigation, a JS reply) the circuit's session row is looked up; once it is gone
/// (signed out, signed out everywhere, password changed elsewhere, account deleted, idle or too old) the activity is
/// not dispatched and the browser is sent to the sign-in page.
/// </summary>
/// <remarks>
/// The handler runs outside the renderer's dispatcher (CircuitHost calls it around <c>Dispatcher.InvokeAsync</c>).
/// <see cref="NavigationManager.NavigateTo(string, bool, bool)"/> first runs the page's location-changing handlers
/// (component code, which needs the dispatcher, and may await a JS reply that this handler would refuse), so the
/// browser is told to navigate through JS interop directly, with a full page load.
/// </remarks>
internal sealed class SessionCircuitHandler(
        AuthenticationStateProvider authentication,
        ServerSessions sessions,
        NavigationManager navigation,
        IJSRuntime js,
        ILogger<SessionCircuitHandler> logger)
    : CircuitHandler
{
    private string? _sessionId;
    private string? _userId;
    private bool _ended;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (await SessionEndedAsync())
            {
                SendToSignIn();
                return;
            }

            await next(context);
        };

    private async Task<bool> SessionEndedAsync()
    {
        if (_ended)
        {
            return true;
        }

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        // Remember the session the circuit started with: if revalidation later turns the user anonymous, the
        // circuit still belongs to that (ended) session and must not act.
        if (ServerSessions.SessionIdOf(user) is { } sessionId)
        {
            _sessionId = sessionId;
            _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        }

        if (_sessionId is null)
        {
            return false;
        }

        _ended = !await sessions.IsActiveAsync(_sessionId, _userId);
        return _ended;
    }

    private void SendToSignIn()
    {
        string returnUrl;
        try
        {
            returnUrl = navigation.ToBaseRelativePath(navigation.Uri);
        }
        catch (InvalidOperationException)
        {
            // Not initialised yet (the circuit is still starting): sign-in then leads to the dashboard.
            returnUrl = "";
        }

        var signIn = "/Account/Login" + (returnUrl.Length == 0 ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        logger.LogInformation("Refused an action on an open page: its sign-in session has ended.");
        // Blazor.navigateTo is blazor.web.js's public navigation API; its reply would be refused too, so it is not awaited.
        _ = js.InvokeVoidAsync("Blazor.navigateTo", signIn, new { forceLoad = true, replaceHistoryEntry = false })
            .AsTask()
            .ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }
}
