using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CareerPath.Web.Capacity;

/// <summary>
/// Who may open an interactive page or a circuit connection. Counts connected circuits against the cap, places
/// promised to newcomers whose page is on its way, and the sockets on /_blazor (in total, per signed-in user and for
/// visitors without an account), and remembers which signed-in users are here, so someone already using the app who
/// reloads or opens another tab is never turned away as a newcomer.
/// </summary>
public sealed class CircuitAdmission(CircuitCapacity capacity, TimeProvider clock)
{
    /// <summary>How long a user whose last circuit ended still counts as here: long enough for a reload or a new tab.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    /// <summary>How long a place promised with a page waits for its circuit.</summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _circuitsByUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _leftAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _socketsByUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _reservations = new(StringComparer.Ordinal);
    private readonly Lock _sockets = new();
    private int _connected;
    private int _socketCount;
    private int _anonymousSockets;
    private int _closes;

    public CircuitCapacity Capacity { get; } = capacity;

    /// <summary>Circuits with a live connection.</summary>
    public int Connected => Volatile.Read(ref _connected);

    /// <summary>Sockets open on /_blazor, whether or not a circuit runs on them yet.</summary>
    public int Sockets => Volatile.Read(ref _socketCount);

    /// <summary>
    /// Whether an interactive page may be served: yes to someone already here; to a newcomer only while connected
    /// circuits and places promised to other newcomers leave room, and then a place is promised to them. A place is
    /// promised per visitor (their account, else their address), so asking again and again holds one place, not many.
    /// </summary>
    public bool AdmitPage(ClaimsPrincipal user, string? address = null)
    {
        var id = UserId(user);
        if (id is not null && IsHere(id))
        {
            return true;
        }

        var visitor = id ?? "address:" + (address ?? "unknown");
        var now = clock.GetUtcNow();
        if (_reservations.TryGetValue(visitor, out var promised) && promised > now)
        {
            return true;
        }

        if (Connected + _reservations.Count >= Capacity.MaxLiveCircuits)
        {
            // Near the cap only: forget promises that lapsed, then count again.
            foreach (var (key, expires) in _reservations)
            {
                if (expires <= now)
                {
                    _reservations.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expires));
                }
            }

            if (Connected + _reservations.Count >= Capacity.MaxLiveCircuits)
            {
                return false;
            }
        }

        _reservations[visitor] = now + ReservationLifetime;
        return true;
    }

    /// <summary>
    /// Opens a socket on /_blazor if the total stays within the hard limit, the user within their share, and visitors
    /// without an account within theirs; false refuses it. Each opened socket is closed with <see cref="CloseSocket"/>.
    /// </summary>
    public bool TryOpenSocket(ClaimsPrincipal user)
    {
        var id = UserId(user);
        lock (_sockets)
        {
            if (_socketCount >= Capacity.HardLimit
                || (id is null && _anonymousSockets >= Capacity.MaxAnonymousSockets)
                || (id is not null && _socketsByUser.GetValueOrDefault(id) >= CircuitCapacity.MaxSocketsPerUser))
            {
                return false;
            }

            _socketCount++;
            if (id is null)
            {
                _anonymousSockets++;
            }
            else
            {
                _socketsByUser[id] = _socketsByUser.GetValueOrDefault(id) + 1;
            }

            return true;
        }
    }

    public void CloseSocket(ClaimsPrincipal user)
    {
        var id = UserId(user);
        lock (_sockets)
        {
            _socketCount--;
            if (id is null)
            {
                _anonymousSockets--;
            }
            else if (_socketsByUser.GetValueOrDefault(id) <= 1)
            {
                _socketsByUser.TryRemove(id, out _);
            }
            else
            {
                _socketsByUser[id]--;
            }
        }
    }

    private bool IsHere(string userId) =>
        _circuitsByUser.ContainsKey(userId) || (_leftAt.TryGetValue(userId, out var left) && clock.GetUtcNow() - left < Grace);

    internal void Up() => Interlocked.Increment(ref _connected);

    internal void Down() => Interlocked.Decrement(ref _connected);

    internal void Opened(string userId)
    {
        _circuitsByUser.AddOrUpdate(userId, 1, (_, n) => n + 1);
        _leftAt.TryRemove(userId, out _);
        // Their circuit has come: the place promised to them is taken, not promised.
        _reservations.TryRemove(userId, out _);
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
        // Forget those whose grace has passed, now and then rather than at every close.
        if (Interlocked.Increment(ref _closes) % 256 == 0)
        {
            foreach (var (id, left) in _leftAt)
            {
                if (now - left >= Grace)
                {
                    _leftAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, left));
                }
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
