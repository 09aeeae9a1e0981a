using System.Text.Json;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath.Web.Tests;

/// <summary>A view left in server memory by a prerender is taken once, by its own user, within its lifetime.</summary>
public sealed class ServerHandOverTests
{
    private sealed class View(string text)
    {
        public string Text { get; } = text;
    }

    private sealed class Store(IDictionary<string, byte[]> state) : IPersistentComponentStateStore
    {
        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(state);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state) => Task.CompletedTask;
    }

    /// <summary>The live page's state as the prerender left it: the entry's key under the page's key.</summary>
    private static async Task<PersistentComponentState> LiveStateAsync(string entryKey)
    {
        var manager = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        await manager.RestoreStateAsync(new Store(new Dictionary<string, byte[]> { ["page"] = JsonSerializer.SerializeToUtf8Bytes(entryKey, JsonSerializerOptions.Web) }));
        return manager.State;
    }

    private static Task<View> ReadAgain(ref int reads)
    {
        reads++;
        return Task.FromResult(new View("read again"));
    }

    [Fact]
    public async Task The_live_page_takes_the_prerendered_view_once_and_only_for_its_own_user()
    {
        using var store = new HandOverStore(new FakeClock(DateTimeOffset.UnixEpoch));
        var left = new View("computed while prerendering");
        var key = store.Put("ana", left);
        var reads = 0;

        using (var live = new ServerHandOver<View>(await LiveStateAsync(key), store, "page"))
        {
            Assert.Same(left, await live.ReadAsync("ana", () => ReadAgain(ref reads)));
        }

        // Taken: a second page with the same key (a replayed state) reads for itself.
        using (var replay = new ServerHandOver<View>(await LiveStateAsync(key), store, "page"))
        {
            Assert.Equal("read again", (await replay.ReadAsync("ana", () => ReadAgain(ref reads))).Text);
        }

        // Someone else's entry is never given out, and is gone once asked for.
        var bens = store.Put("ben", new View("Ben's roadmap"));
        using (var other = new ServerHandOver<View>(await LiveStateAsync(bens), store, "page"))
        {
            Assert.Equal("read again", (await other.ReadAsync("ana", () => ReadAgain(ref reads))).Text);
        }

        Assert.Null(store.Take<View>(bens, "ben"));
        Assert.Equal(2, reads);
    }

    [Fact]
    public void An_entry_lapses_after_its_lifetime_and_no_more_than_the_limit_wait()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        using var store = new HandOverStore(clock);
        var key = store.Put("ana", new View("soon stale"));

        clock.Advance(HandOverStore.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(store.Take<View>(key, "ana"));

        var keys = Enumerable.Range(0, HandOverStore.MaxEntries + 50).Select(i => store.Put("ana", new View($"view {i}"))).ToList();
        // Past the limit a view is not kept, or an older one makes room (its page reads again when live); the ones
        // kept are each their own.
        var kept = keys.Select((k, i) => (Index: i, View: store.Take<View>(k, "ana"))).Where(x => x.View is not null).ToList();
        Assert.InRange(kept.Count, 1, HandOverStore.MaxEntries);
        Assert.All(kept, x => Assert.Equal($"view {x.Index}", x.View!.Text));
    }
}
