using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CareerPath.Web.Capacity;

/// <summary>
/// Counts connected circuits (each holds a socket; a dropped one holds only memory, which Blazor bounds with its own
/// retention limits), and remembers which signed-in users are here, so admission can tell a newcomer from someone
/// already using the app who reloads a page or opens another.
/// </summary>
public sealed class CircuitAdmission(CircuitCapacity capacity, TimeProvider clock)
{
    /// <summary>How long a user whose last circuit ended still counts as here: long enough for a reload or a new tab.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, int> _circuitsByUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _leftAt = new(StringComparer.Ordinal);
    private int _connected;

    public CircuitCapacity Capacity { get; } = capacity;

    /// <summary>Circuits with a live connection.</summary>
    public int Connected => Volatile.Read(ref _connected);

    /// <summary>A page may be served if there is room for one more circuit, or if the visitor is already here.</summary>
    public bool Admits(ClaimsPrincipal user) => Connected < Capacity.MaxLiveCircuits || (UserId(user) is { } id && IsHere(id));

    /// <summary>
    /// A circuit may connect (start, or resume after a drop) below the hard limit: the cap plus a tenth, the room kept
    /// for those already here. Beyond it SignalR is refused before a socket is upgraded.
    /// </summary>
    public bool AdmitsConnection => Connected < HardLimit;

    public int HardLimit => Capacity.MaxLiveCircuits + Math.Max(1, Capacity.MaxLiveCircuits / 10);

    private bool IsHere(string userId) =>
        _circuitsByUser.ContainsKey(userId) || (_leftAt.TryGetValue(userId, out var left) && clock.GetUtcNow() - left < Grace);

    internal void Up() => Interlocked.Increment(ref _connected);

    internal void Down() => Interlocked.Decrement(ref _connected);

    internal void Opened(string userId)
    {
        _circuitsByUser.AddOrUpdate(userId, 1, (_, n) => n + 1);
        _leftAt.TryRemove(userId, out _);
    }

    internal void Closed(string userId)
    {
        while (_circuitsByUser.TryGetValue(userId, out var n))
        {
            if (n <= 1 ? _circuitsByUser.TryRemove(new KeyValuePair<string, int>(userId, n)) : _circuitsByUser.TryUpdate(userId, n - 1, n))
            {
                break;
            }
        }

        var now = clock.GetUtcNow();
        _leftAt[userId] = now;
        foreach (var (id, left) in _leftAt)
        {
            if (now - left >= Grace)
            {
                _leftAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, left));
            }
        }
    }

    internal static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}

/// <summary>Tells <see cref="CircuitAdmission"/> when a circuit opens, connects, drops and closes.</summary>
internal sealed class AdmissionCircuitHandler(CircuitAdmission admission, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _userId;
    private bool _up;

    // Before the session handler, so a circuit is counted however the others treat it.
    public override int Order => -100;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _userId = CircuitAdmission.UserId((await authentication.GetAuthenticationStateAsync()).User);
        if (_userId is not null)
        {
            admission.Opened(_userId);
        }
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_up)
        {
            _up = true;
            admission.Up();
        }

        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_up)
        {
            _up = false;
            admission.Down();
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        OnConnectionDownAsync(circuit, cancellationToken);
        if (_userId is not null)
        {
            admission.Closed(_userId);
            _userId = null;
        }

        return Task.CompletedTask;
    }
}
