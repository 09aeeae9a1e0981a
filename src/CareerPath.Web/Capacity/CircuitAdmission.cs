using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CareerPath.Web.Capacity;

/// <summary>Counts live circuits, and which signed-in users hold one, so admission can tell a newcomer from someone already here.</summary>
public sealed class CircuitAdmission(CircuitCapacity capacity)
{
    private readonly ConcurrentDictionary<string, int> _circuitsByUser = new(StringComparer.Ordinal);
    private int _live;

    public CircuitCapacity Capacity { get; } = capacity;

    public int Live => Volatile.Read(ref _live);

    /// <summary>
    /// A page may be served if there is room for one more circuit, or if the visitor already holds one (a reload or
    /// a new tab of someone already here reuses their place rather than taking a newcomer's).
    /// </summary>
    public bool Admits(ClaimsPrincipal user) =>
        Live < Capacity.MaxLiveCircuits || (UserId(user) is { } id && _circuitsByUser.ContainsKey(id));

    /// <summary>
    /// A circuit may start (or a dropped one reconnect) below the hard limit: the cap plus a tenth, the room kept for
    /// admitted users' reloads and reconnects. Beyond it SignalR is refused before a socket is upgraded.
    /// </summary>
    public bool AdmitsConnection => Live < HardLimit;

    public int HardLimit => Capacity.MaxLiveCircuits + Math.Max(1, Capacity.MaxLiveCircuits / 10);

    internal void Opened(string? userId)
    {
        Interlocked.Increment(ref _live);
        if (userId is not null)
        {
            _circuitsByUser.AddOrUpdate(userId, 1, (_, n) => n + 1);
        }
    }

    internal void Closed(string? userId)
    {
        Interlocked.Decrement(ref _live);
        if (userId is null)
        {
            return;
        }

        while (_circuitsByUser.TryGetValue(userId, out var n))
        {
            if (n <= 1 ? _circuitsByUser.TryRemove(new KeyValuePair<string, int>(userId, n)) : _circuitsByUser.TryUpdate(userId, n - 1, n))
            {
                return;
            }
        }
    }

    internal static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}

/// <summary>Tells <see cref="CircuitAdmission"/> when a circuit opens and closes (closed: after it was disconnected and not resumed).</summary>
internal sealed class AdmissionCircuitHandler(CircuitAdmission admission, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _userId;
    private bool _counted;

    // Before the session handler, so a circuit is counted however the others treat it.
    public override int Order => -100;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _userId = CircuitAdmission.UserId((await authentication.GetAuthenticationStateAsync()).User);
        admission.Opened(_userId);
        _counted = true;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_counted)
        {
            admission.Closed(_userId);
            _counted = false;
        }

        return Task.CompletedTask;
    }
}
