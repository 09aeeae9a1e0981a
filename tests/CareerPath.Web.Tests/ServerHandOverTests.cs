using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath.Web.Tests;

/// <summary>
/// A view the prerender leaves in server memory is found by the live page of the same visit: once, by its own user,
/// within its lifetime; a page answering an enhanced navigation leaves nothing.
/// </summary>
public sealed class ServerHandOverTests
{
    private sealed class View(string text)
    {
        public string Text { get; } = text;
    }

    /// <summary>The persisted page state, as the prerender writes it and the live page reads it.</summary>
    private sealed class Store(IDictionary<string, byte[]> state) : IPersistentComponentStateStore
    {
        public IDictionary<string, byte[]> State => state;

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(state);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> persisted)
        {
            foreach (var (key, value) in persisted)
            {
                state[key] = value;
            }

            return Task.CompletedTask;
        }
    }


    private sealed class Request(HttpContext? context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; } = context;
    }

    private static int _reads;

    private static Task<View> Read(string text)
    {
        _reads++;
        return Task.FromResult(new View(text));
    }

    /// <summary>Prerenders a page for <paramref name="userId"/>: reads its view and persists what it hands over.</summary>
    private static async Task<Store> PrerenderAsync(HandOverStore store, string userId, string text)
    {
        var prerender = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        using var handOver = new ServerHandOver<View>(prerender.State, store, "page");
        await handOver.ReadAsync(userId, () => Read(text), prerendering: true);
        var persisted = new Store(new Dictionary<string, byte[]>());
        using var renderer = new NoRenderer();
        await renderer.Dispatcher.InvokeAsync(() => prerender.PersistStateAsync(persisted, renderer));
        return persisted;
    }

    /// <summary>The live page of the visit whose state was <paramref name="persisted"/>, for <paramref name="userId"/>.</summary>
    private static async Task<View> GoLiveAsync(HandOverStore store, Store persisted, string userId)
    {
        var live = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        await live.RestoreStateAsync(new Store(new Dictionary<string, byte[]>(persisted.State)));
        using var handOver = new ServerHandOver<View>(live.State, store, "page");
        return await handOver.ReadAsync(userId, () => Read("read again when live"), prerendering: false);
    }

    [Fact]
    public async Task A_view_read_by_the_live_page_is_not_kept_for_handing_over()
    {
        using var store = new HandOverStore(new FakeClock(DateTimeOffset.UnixEpoch), new Request(new DefaultHttpContext()));
        var live = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        await live.RestoreStateAsync(new Store(new Dictionary<string, byte[]>()));
        using var handOver = new ServerHandOver<View>(live.State, store, "page");
        Assert.Equal("read when live", (await handOver.ReadAsync("ana", () => Read("read when live"), prerendering: false)).Text);

        // Were the view kept, persisting would leave it in the store: a page that moved on to newer views would hold its first.
        using var renderer = new NoRenderer();
        await renderer.Dispatcher.InvokeAsync(() => live.PersistStateAsync(new Store(new Dictionary<string, byte[]>()), renderer));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task The_live_page_takes_the_prerendered_view_once_and_only_for_its_own_user()
    {
        using var store = new HandOverStore(new FakeClock(DateTimeOffset.UnixEpoch), new Request(new DefaultHttpContext()));
        _reads = 0;

        var visit = await PrerenderAsync(store, "ana", "computed while prerendering");
        Assert.Equal(1, store.Count);
        Assert.Equal("computed while prerendering", (await GoLiveAsync(store, visit, "ana")).Text);
        Assert.Equal(1, _reads);

        // Taken: the same state replayed gets nothing, and reads for itself.
        Assert.Equal("read again when live", (await GoLiveAsync(store, visit, "ana")).Text);

        // Signed in as someone else between the prerender and the live page: Ana's view is never given out, and is gone.
        var anas = await PrerenderAsync(store, "ana", "Ana's roadmap");
        Assert.Equal("read again when live", (await GoLiveAsync(store, anas, "ben")).Text);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task A_page_answering_an_enhanced_navigation_leaves_nothing_behind()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["blazor-enhanced-nav"] = "on";
        using var store = new HandOverStore(new FakeClock(DateTimeOffset.UnixEpoch), new Request(context));

        var visit = await PrerenderAsync(store, "ana", "computed while prerendering");

        Assert.Equal(0, store.Count);
        Assert.Empty(visit.State);
    }

    [Fact]
    public void An_entry_lapses_after_its_lifetime_and_no_more_than_the_limit_wait()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        using var store = new HandOverStore(clock, new Request(null));
        var key = store.Put("ana", new View("soon stale"))!;

        clock.Advance(HandOverStore.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(store.Take<View>(key, "ana"));

        var keys = Enumerable.Range(0, HandOverStore.MaxEntries + 50).Select(i => store.Put("ana", new View($"view {i}"))!).ToList();
        // Past the limit a view is not kept, or older ones make room (their pages read again when live); most are kept,
        // and each is its own.
        var kept = keys.Select((k, i) => (Index: i, View: store.Take<View>(k, "ana"))).Where(x => x.View is not null).ToList();
        Assert.InRange(kept.Count, HandOverStore.MaxEntries / 2, HandOverStore.MaxEntries);
        Assert.All(kept, x => Assert.Equal($"view {x.Index}", x.View!.Text));
    }
}
