using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>A create request repeated with the same form key (a double click, a resent form) makes one record.</summary>
[Collection(AppCollection.Name)]
public sealed class CreationKeyTests(CareerPathAppFactory app)
{
    private const int Repeats = 4;

    [Fact]
    public async Task Four_roadmap_creates_at_once_with_one_key_make_one_roadmap()
    {
        var user = await app.CreateAsync();
        var key = Guid.NewGuid();

        var made = await AtOnceAsync(user, Repeats, services =>
            services.GetRequiredService<RoadmapService>().CreateAsync("To TPM", "product-manager", "technical-product-manager", null, key));

        Assert.Single(made.Select(r => r.Id).Distinct());
        Assert.Single(await ListRoadmapsAsync(user));
    }

    [Fact]
    public async Task Four_goal_creates_at_once_with_one_key_make_one_goal_with_one_set_of_steps()
    {
        var user = await app.CreateAsync();
        var key = Guid.NewGuid();

        var made = await AtOnceAsync(user, Repeats, async services =>
        {
            var goals = services.GetRequiredService<GoalService>();
            var today = await goals.TodayAsync();
            return await goals.CreateAsync(Fields(today), [new("Book interviews", today.AddDays(7)), new("Write up", today.AddDays(14))], key);
        });

        Assert.Single(made.Select(g => g.Id).Distinct());
        var goal = Assert.Single(await ListGoalsAsync(user));
        Assert.Equal(["Book interviews", "Write up"], goal.Steps.Select(s => s.Title).Order());
    }

    [Fact]
    public async Task A_repeated_create_after_the_first_finished_returns_the_first_goal()
    {
        var user = await app.CreateAsync();
        var key = Guid.NewGuid();
        await using var scope = app.ScopeFor(user);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();

        var first = await goals.CreateAsync(Fields((await goals.TodayAsync())), creationKey: key);
        var again = await goals.CreateAsync(Fields((await goals.TodayAsync())) with { Outcome = "Sent again after an edit" }, creationKey: key);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Outcome, again.Outcome);
        Assert.Single(await goals.ListAsync());
    }

    [Fact]
    public async Task Different_keys_and_no_key_make_one_record_each()
    {
        var user = await app.CreateAsync();
        await using var scope = app.ScopeFor(user);
        var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();

        await roadmaps.CreateAsync("One", "product-manager", "technical-product-manager", null, Guid.NewGuid());
        await roadmaps.CreateAsync("Two", "product-manager", "technical-product-manager", null, Guid.NewGuid());
        await roadmaps.CreateAsync("Three", "product-manager", "technical-product-manager", null);
        await roadmaps.CreateAsync("Four", "product-manager", "technical-product-manager", null);

        Assert.Equal(4, (await roadmaps.ListAsync()).Count);
    }

    [Fact]
    public async Task Another_users_key_makes_a_roadmap_of_ones_own_and_never_returns_theirs()
    {
        var (owner, other) = (await app.CreateAsync(), await app.CreateAsync());
        var key = Guid.NewGuid();
        Guid ownersId;
        await using (var scope = app.ScopeFor(owner))
        {
            ownersId = (await scope.ServiceProvider.GetRequiredService<RoadmapService>().CreateAsync("Private plan", "product-manager", "technical-product-manager", null, key)).Id;
        }

        await using var otherScope = app.ScopeFor(other);
        var made = await otherScope.ServiceProvider.GetRequiredService<RoadmapService>().CreateAsync("Mine", "product-manager", "technical-product-manager", null, key);

        Assert.NotEqual(ownersId, made.Id);
        Assert.Equal("Mine", made.Name);
        Assert.Single(await ListRoadmapsAsync(owner));
    }

    private static GoalFields Fields(DateOnly today) => new(
        "Run twelve customer discovery interviews", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, "Two a week", ["customer-focus"], null, null, null, today.AddDays(60));

    /// <summary>Runs the same request <paramref name="count"/> times at once, each in its own scope (as separate HTTP requests or circuits are).</summary>
    private async Task<T[]> AtOnceAsync<T>(CareerPath.Data.Identity.ApplicationUser user, int count, Func<IServiceProvider, Task<T>> request)
    {
        using var start = new Barrier(count);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.ScopeFor(user);
            start.SignalAndWait();
            return await request(scope.ServiceProvider);
        })));
    }

    private async Task<IReadOnlyList<CareerPath.Domain.Roadmaps.Roadmap>> ListRoadmapsAsync(CareerPath.Data.Identity.ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        return await scope.ServiceProvider.GetRequiredService<RoadmapService>().ListAsync();
    }

    private async Task<IReadOnlyList<Goal>> ListGoalsAsync(CareerPath.Data.Identity.ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        return await scope.ServiceProvider.GetRequiredService<GoalService>().ListAsync();
    }
}
