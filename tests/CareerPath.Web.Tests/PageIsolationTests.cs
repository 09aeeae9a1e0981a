using System.Net;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>Over HTTP, a second user requesting the first user's pages by id sees a not-found page, never the data.</summary>
[Collection(AppCollection.Name)]
public sealed class PageIsolationTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Another_users_roadmap_goal_and_print_pages_show_not_found()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        Guid roadmapId;
        Guid goalId;
        await using (var scope = app.ScopeFor(owner))
        {
            roadmapId = (await scope.ServiceProvider.GetRequiredService<RoadmapService>().CreateAsync("Secret roadmap name", "product-manager", "technical-product-manager", null)).Id;
            var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
            goalId = (await goals.CreateAsync(new GoalFields("Secret goal outcome for my eyes", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, null, [], null, null, null, (await goals.TodayAsync()).AddDays(30)))).Id;
        }

        var intruderClient = await app.SignedInClientAsync(intruder);
        var ownerClient = await app.SignedInClientAsync(owner);

        var roadmap = WebUtility.HtmlDecode(await intruderClient.GetStringAsync($"/roadmap/{roadmapId}"));
        var goal = WebUtility.HtmlDecode(await intruderClient.GetStringAsync($"/goals/{goalId}"));
        var print = await intruderClient.GetAsync($"/roadmap/{roadmapId}/print");

        Assert.Contains("We couldn't find that roadmap", roadmap);
        Assert.DoesNotContain("Secret roadmap name", roadmap);
        Assert.Contains("We couldn't find that goal", goal);
        Assert.DoesNotContain("Secret goal outcome", goal);
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
        Assert.DoesNotContain("Secret roadmap name", await print.Content.ReadAsStringAsync());
        Assert.Contains("Secret roadmap name", WebUtility.HtmlDecode(await ownerClient.GetStringAsync($"/roadmap/{roadmapId}")));
        Assert.Contains("Secret roadmap name", WebUtility.HtmlDecode(await ownerClient.GetStringAsync($"/roadmap/{roadmapId}/print")));
    }
}
