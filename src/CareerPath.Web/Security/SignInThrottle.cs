using Microsoft.Extensions.Caching.Memory;

namespace CareerPath.Web.Security;

/// <summary>
/// Failed sign-ins counted per account <em>and</em> client address: after <see cref="AccountRules.MaxFailedSignIns"/>
/// failures within <see cref="AccountRules.LockoutDuration"/>, that address may not try that account again until
/// the period since its last failure has passed. Anyone else, the owner included, signs in as usual, so a stranger
/// cannot lock someone out; a guesser is held to 5 tries per address per 15 minutes (and the per-address rate limit).
/// </summary>
/// <remarks>
/// Counted in memory (a restart forgets the counts) for every email typed, known or not, so an unknown email
/// behaves exactly as a real one. At most <see cref="MaxTracked"/> pairs are tracked.
/// </remarks>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxTracked = 100_000;

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = MaxTracked });

    public bool IsHeldBack(string email, string? address) =>
        _failures.TryGetValue(Key(email, address), out Failures? failures)
        && failures!.Count >= AccountRules.MaxFailedSignIns
        && clock.GetUtcNow() - failures.Last < AccountRules.LockoutDuration;

    public void RecordFailure(string email, string? address)
    {
        var key = Key(email, address);
        var now = clock.GetUtcNow();
        lock (_failures)
        {
            var failures = _failures.TryGetValue(key, out Failures? known) && now - known!.Last < AccountRules.LockoutDuration
                ? known with { Count = known.Count + 1, Last = now }
                : new Failures(1, now);
            _failures.Set(key, failures, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = AccountRules.LockoutDuration * 2 });
        }
    }

    public void Forget(string email, string? address) => _failures.Remove(Key(email, address));

    private static string Key(string email, string? address) => $"{email.Trim().ToUpperInvariant()}\n{address ?? "unknown"}";

    private sealed record Failures(int Count, DateTimeOffset Last);
}
