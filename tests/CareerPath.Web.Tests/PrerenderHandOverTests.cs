using System.Text.Json;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath.Web.Tests;

/// <summary>What the prerender hands to the live page is used only by the user it was read for.</summary>
public sealed class PrerenderHandOverTests
{
    private sealed record Model(string Text, string OwnerId) : IOwnedView;

    private sealed class Store(IDictionary<string, byte[]> state) : IPersistentComponentStateStore
    {
        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(state);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state) => Task.CompletedTask;
    }

    private static async Task<PersistentComponentState> HandedAsync(Model model)
    {
        var manager = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(model, JsonSerializerOptions.Web);
        await manager.RestoreStateAsync(new Store(new Dictionary<string, byte[]> { ["page"] = bytes }));
        return manager.State;
    }

    [Fact]
    public async Task The_live_page_takes_what_was_read_for_its_own_user_without_reading_again()
    {
        using var handOver = new PrerenderHandOver<Model>(await HandedAsync(new Model("read while prerendering", "ana")), "page");
        var reads = 0;

        var model = await handOver.ReadAsync("ana", () => { reads++; return Task.FromResult(new Model("read again", "ana")); });

        Assert.Equal(("read while prerendering", 0), (model.Text, reads));
    }

    [Fact]
    public async Task What_was_read_for_someone_else_is_thrown_away_and_read_afresh()
    {
        // Signed in as someone else between the prerender and the live page (another tab, say).
        using var handOver = new PrerenderHandOver<Model>(await HandedAsync(new Model("Ana's goals", "ana")), "page");

        var model = await handOver.ReadAsync("ben", () => Task.FromResult(new Model("Ben's goals", "ben")));

        Assert.Equal("Ben's goals", model.Text);
        Assert.Same(model, handOver.Value);
    }
}
