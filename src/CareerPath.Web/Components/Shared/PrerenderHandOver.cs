using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Components.Shared;

/// <summary>A page's view model that belongs to one user, so a hand-over can be checked against the live page's user.</summary>
public interface IOwnedView
{
    string OwnerId { get; }
}

/// <summary>
/// A page's view model read while prerendering and handed to the live page (PersistentComponentState, protected by
/// the app's data-protection keys) instead of read again when the circuit starts. What was handed over is used only
/// if it was read for the user the live page belongs to; anything else is read afresh.
/// </summary>
/// <remarks>
/// On .NET 9 the hand-over works on a full page load; a page reached by enhanced navigation inside a live circuit
/// gets no handed state and reads again (dotnet/aspnetcore#51584; .NET 10 adds updates for that case).
/// </remarks>
public sealed class PrerenderHandOver<T> : IDisposable
    where T : class, IOwnedView
{
    private readonly PersistentComponentState _state;
    private readonly string _key;
    private readonly PersistingComponentStateSubscription _subscription;

    public PrerenderHandOver(PersistentComponentState state, string key)
    {
        _state = state;
        _key = key;
        _subscription = state.RegisterOnPersisting(() =>
        {
            state.PersistAsJson(key, _read);
            // Written into the page's state now: the page holds its own reference for as long as it shows it.
            _read = null;
            return Task.CompletedTask;
        });
    }

    /// <summary>A prerender's view model, kept until it is written for the live page. A live page keeps nothing here:
    /// one that reads again after an action (the feedback page) must not hold its first view for as long as it is open.</summary>
    private T? _read;

    /// <summary>
    /// The prerender's view model when it was read for <paramref name="userId"/>; otherwise <paramref name="read"/>'s,
    /// handed to the live page when <paramref name="prerendering"/>.
    /// </summary>
    public async Task<T> ReadAsync(string userId, Func<Task<T>> read, bool prerendering)
    {
        if (_state.TryTakeFromJson<T>(_key, out var handed) && handed is not null && handed.OwnerId == userId)
        {
            return handed;
        }

        var value = await read();
        _read = prerendering ? value : null;
        return value;
    }

    public void Dispose() => _subscription.Dispose();
}
