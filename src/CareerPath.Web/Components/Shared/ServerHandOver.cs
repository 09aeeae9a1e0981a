using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// View models a prerender leaves in server memory for the live page of the same visit to pick up, for views that are
/// object graphs rather than plain data (a roadmap view holds the catalog's roles, skills and resources). An entry
/// is taken once, only by the user it was read for, and lapses after <see cref="Lifetime"/>; at most
/// <see cref="MaxEntries"/> wait at a time (entries, not bytes: a roadmap view is some tens of kilobytes), so
/// prerenders whose circuit never starts (a crawler, no JavaScript, a signed-in user requesting pages by hand) cannot
/// pile up: past the limit a page simply reads again when it goes live. A page reached by enhanced navigation leaves
/// nothing, as on .NET 9 the live circuit it updates never takes handed state.
/// </summary>
/// <remarks>The live circuit runs in the process that prerendered the page, which a Blazor Server app needs anyway.</remarks>
public sealed class HandOverStore : IDisposable
{
    public const int MaxEntries = 1000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _entries;

    private readonly IHttpContextAccessor _requests;

    public HandOverStore(TimeProvider clock, IHttpContextAccessor requests)
    {
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new CacheClock(clock) });
        _requests = requests;
    }

    /// <summary>
    /// Leaves <paramref name="value"/> for <paramref name="ownerId"/>; returns the key to take it with, or null when
    /// nothing is left (the prerender answers an enhanced navigation, whose page no circuit starts for).
    /// </summary>
    public string? Put(string ownerId, object value)
    {
        if (_requests.HttpContext?.Request.Headers.ContainsKey("blazor-enhanced-nav") == true)
        {
            return null;
        }

        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _entries.Set(key, new Entry(ownerId, value), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return key;
    }

    /// <summary>The value left under <paramref name="key"/> for <paramref name="ownerId"/>, removed as it is taken; otherwise null.</summary>
    public T? Take<T>(string key, string ownerId)
        where T : class
    {
        if (!_entries.TryGetValue(key, out Entry? entry) || entry is null)
        {
            return null;
        }

        _entries.Remove(key);
        return entry.OwnerId == ownerId ? entry.Value as T : null;
    }

    /// <summary>How many entries wait now (expired ones count until the cache next looks at them).</summary>
    public int Count => _entries.Count;

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(string OwnerId, object Value);

    private sealed class CacheClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}

/// <summary>
/// A page's view read while prerendering and handed to the live page through <see cref="HandOverStore"/>: the
/// page's persisted state carries only the entry's key (protected by the app's data-protection keys).
/// </summary>
/// <remarks>Like <see cref="PrerenderHandOver{T}"/>, on .NET 9 a page reached by enhanced navigation reads again.</remarks>
public sealed class ServerHandOver<T> : IDisposable
    where T : class
{
    private readonly PersistentComponentState _state;
    private readonly HandOverStore _store;
    private readonly string _key;
    private readonly PersistingComponentStateSubscription _subscription;
    private string? _ownerId;

    public ServerHandOver(PersistentComponentState state, HandOverStore store, string key)
    {
        _state = state;
        _store = store;
        _key = key;
        _subscription = state.RegisterOnPersisting(() =>
        {
            if (_read is not null && _ownerId is not null && store.Put(_ownerId, _read) is { } entry)
            {
                state.PersistAsJson(key, entry);
            }

            // The store holds it now; the page holds its own reference for as long as it shows it.
            _read = null;
            return Task.CompletedTask;
        });
    }

    /// <summary>A prerender's view, kept until it is left for the live page. A live page keeps nothing here: one that
    /// has moved on to a newer view must not hold its first one for as long as it is open.</summary>
    private T? _read;

    /// <summary>
    /// The prerender's view when it was left for <paramref name="userId"/> and is still there; otherwise
    /// <paramref name="read"/>'s, left for the live page when <paramref name="prerendering"/>.
    /// </summary>
    public async Task<T> ReadAsync(string userId, Func<Task<T>> read, bool prerendering)
    {
        _ownerId = userId;
        if (_state.TryTakeFromJson<string>(_key, out var entry) && entry is not null && _store.Take<T>(entry, userId) is { } handed)
        {
            // The live page's: there is nothing left to hand over, so nothing is kept here.
            return handed;
        }

        var value = await read();
        _read = prerendering ? value : null;
        return value;
    }

    public void Dispose() => _subscription.Dispose();
}
