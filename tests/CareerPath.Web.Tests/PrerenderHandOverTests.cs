using System.Text.Json;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Assessment;
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

    private static async Task<PersistentComponentState> HandedAsync<T>(T model)
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

        var model = await handOver.ReadAsync("ana", () => { reads++; return Task.FromResult(new Model("read again", "ana")); }, prerendering: false);

        Assert.Equal(("read while prerendering", 0), (model.Text, reads));
    }

    [Fact]
    public async Task What_was_read_for_someone_else_is_thrown_away_and_read_afresh()
    {
        // Signed in as someone else between the prerender and the live page (another tab, say).
        using var handOver = new PrerenderHandOver<Model>(await HandedAsync(new Model("Ana's goals", "ana")), "page");

        var model = await handOver.ReadAsync("ben", () => Task.FromResult(new Model("Ben's goals", "ben")), prerendering: false);

        Assert.Equal("Ben's goals", model.Text);
    }

    [Fact]
    public async Task A_prerender_writes_its_view_for_the_live_page_and_a_live_page_keeps_nothing_to_write()
    {
        // The prerender: what it read is written into the page state for the live page.
        var prerender = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        using var handOver = new PrerenderHandOver<Model>(prerender.State, "page");
        await handOver.ReadAsync("ana", () => Task.FromResult(new Model("Ana's goals", "ana")), prerendering: true);
        Assert.Equal("{\"text\":\"Ana\\u0027s goals\",\"ownerId\":\"ana\"}", await PersistedAsync(prerender));

        // A live page that read for itself (nothing handed, or handed for someone else): nothing kept, so a page that
        // reads again after an action (the feedback page) holds one view, not its first one as well.
        var live = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        await live.RestoreStateAsync(new Store(new Dictionary<string, byte[]>()));
        using var liveHandOver = new PrerenderHandOver<Model>(live.State, "page");
        await liveHandOver.ReadAsync("ana", () => Task.FromResult(new Model("Ana's goals", "ana")), prerendering: false);
        Assert.Equal("null", await PersistedAsync(live));
    }

    /// <summary>What persisting the page state now writes under "page".</summary>
    private static async Task<string> PersistedAsync(ComponentStatePersistenceManager manager)
    {
        var written = new Capture();
        using var renderer = new NoRenderer();
        await renderer.Dispatcher.InvokeAsync(() => manager.PersistStateAsync(written, renderer));
        return System.Text.Encoding.UTF8.GetString(written.State["page"]);
    }

    private sealed class Capture : IPersistentComponentStateStore
    {
        public Dictionary<string, byte[]> State { get; } = [];

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult<IDictionary<string, byte[]>>(State);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state)
        {
            foreach (var (key, value) in state)
            {
                State[key] = value;
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Page_models_with_results_and_levels_arrive_whole_through_the_page_state()
    {
        var results = new FeedbackResults(
            4,
            new FeedbackGroup(null, 4, new Dictionary<string, double> { ["communication"] = 3.5 }),
            [new FeedbackGroup(Relationship.Peer, 3, new Dictionary<string, double> { ["communication"] = 3.3 })],
            ["Clear writer"]);
        var feedback = new FeedbackPageModel(
            null,
            [new FeedbackRoundLine(Guid.NewGuid(), "Mid-year", new DateOnly(2026, 6, 30), new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), 4,
                [new FeedbackRequestLine(Guid.NewGuid(), "Jo", Relationship.Peer, FeedbackStatus.Answered, new DateTime(2026, 6, 2, 0, 0, 0, DateTimeKind.Utc), null)], results)],
            new Dictionary<string, int> { ["communication"] = 2 },
            "ana");
        var assessment = new AssessmentPageModel(
            new AssessmentOverview("product-manager", null, []),
            new AuditLevels(Guid.NewGuid(), "product-manager", new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), new Dictionary<string, int> { ["communication"] = 2 }),
            null,
            "senior-product-manager",
            "ana");

        var handedFeedback = await RoundTripAsync(feedback);
        var handedAssessment = await RoundTripAsync(assessment);

        var round = Assert.Single(handedFeedback.Closed);
        Assert.Equal(3.5, round.Results!.Overall.Averages["communication"]);
        Assert.Equal((Relationship.Peer, 3, 3.3), (round.Results.Groups[0].Relationship, round.Results.Groups[0].Responses, round.Results.Groups[0].Averages["communication"]));
        Assert.Equal(["Clear writer"], round.Results.Comments);
        Assert.Equal(FeedbackStatus.Answered, round.Requests[0].Status);
        Assert.Equal(2, handedFeedback.SelfLevels!["communication"]);
        Assert.Equal(2, handedAssessment.Latest!.Levels["communication"]);
        Assert.Equal("senior-product-manager", handedAssessment.DefaultTargetSlug);
    }

    /// <summary>A model persisted by one page state and read back by another, as from the prerender to the live page.</summary>
    private static async Task<T> RoundTripAsync<T>(T model)
        where T : class, IOwnedView
    {
        using var handOver = new PrerenderHandOver<T>(await HandedAsync(model), "page");
        return await handOver.ReadAsync(model.OwnerId, () => throw new InvalidOperationException("read again instead of handed over"), prerendering: false);
    }
}
