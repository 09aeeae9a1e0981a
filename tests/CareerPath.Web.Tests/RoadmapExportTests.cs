using System.Net;
using System.Text;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>The roadmap's Markdown and print views carry what its page shows; the goals' activity CSV carries steps and check-ins.</summary>
[Collection(AppCollection.Name)]
public sealed class RoadmapExportTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Markdown_and_print_carry_the_forecast_the_plan_and_each_steps_salary_gaps_and_suggestions()
    {
        var user = await app.CreateAsync();
        await app.CompleteAuditAsync(user, level: 1);
        Guid roadmapId;
        string accepted;
        int typicalMonths;
        await using (var scope = app.ScopeFor(user))
        {
            var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
            var today = await roadmaps.TodayAsync();
            // Product Manager since ten months and a few days ago.
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentRoleSince, today.AddMonths(-10).AddDays(-3))));
            var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
            var view = await roadmaps.GetViewAsync(roadmap.Id);
            var suggestion = view.Plan!.Steps[0].Suggestions[0];
            accepted = suggestion.Resource.Name;
            await roadmaps.AcceptSuggestionAsync(roadmap.Id, roadmap.Version, suggestion.Resource.Slug, view.Plan.Steps[0].Role.Slug, inParallel: false);
            roadmapId = roadmap.Id;
            typicalMonths = (await roadmaps.GetViewAsync(roadmap.Id)).TypicalMonthsToTarget;
        }

        // The catalog holds Product Manager typically 30 months: 30 − 10 already served = 20.
        Assert.Equal(20, typicalMonths);
        var client = await app.SignedInClientAsync(user);
        var markdown = await client.GetStringAsync($"/roadmap/{roadmapId}/export/md");
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/roadmap/{roadmapId}/print"));

        foreach (var document in new[] { markdown, print })
        {
            Assert.Contains("Ready by (your plan)", document);
            Assert.Contains("needs a second finished audit", document);
            Assert.Contains("Typical time to target", document);
            Assert.Contains("1 year 8 months", document);
            Assert.Contains("after 10 months already as Product Manager", document);
            Assert.Contains("Product Manager → Technical Product Manager", document);
            Assert.Contains("Salary: ", document);
            Assert.Contains("Gaps to close", document);
            Assert.Contains("Suggested actions", document);
            Assert.Contains(accepted, document);
            Assert.DoesNotContain("Add to plan", document);
            Assert.DoesNotContain("Re-rate", document);
        }

        Assert.Contains("in your plan", markdown);
    }

    [Fact]
    public async Task The_activity_csv_lists_every_step_and_check_in_with_a_byte_order_mark()
    {
        var user = await app.CreateAsync();
        await using (var scope = app.ScopeFor(user))
        {
            var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
            var today = await goals.TodayAsync();
            var goal = await goals.CreateAsync(new CareerPath.Domain.Goals.GoalFields("Run twelve customer discovery interviews", CareerPath.Domain.Goals.GoalHorizon.ShortTerm,
                CareerPath.Domain.Goals.ProgressMode.Measure, "interviews", 0, 12, "Two a week", [], null, null, null, today.AddDays(60)),
                [new("Book the café rooms", today.AddDays(7)), new("=SUM(A1) write-up", today.AddDays(30))]);
            await goals.CheckInAsync(goal.Id, goal.Version, today, 4, "Four done 🎉");
        }

        var client = await app.SignedInClientAsync(user);
        var bytes = await client.GetByteArrayAsync("/goals/export/activity.csv");

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Goal,Kind,Date,Text,StepStatus,Value", lines[0]);
        Assert.Equal(3, lines.Length - 1);
        Assert.True(lines.Any(l => l.Contains(",step,", StringComparison.Ordinal) && l.Contains("Book the café rooms,to do,", StringComparison.Ordinal)), string.Join("\n", lines));
        var all = string.Join("\n", lines);
        Assert.True(lines.Any(l => l.Contains("\"'=SUM(A1) write-up\"", StringComparison.Ordinal)), all);
        Assert.True(lines.Any(l => l.Contains(",check-in,", StringComparison.Ordinal) && l.EndsWith("Four done 🎉,,4", StringComparison.Ordinal)), all);
    }

    [Fact]
    public async Task Accepting_a_suggestion_returns_the_page_the_next_load_would_show()
    {
        var user = await app.CreateAsync();
        await app.CompleteAuditAsync(user, level: 1);
        await using var scope = app.ScopeFor(user);
        var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        var today = await roadmaps.TodayAsync();
        var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
        var before = await roadmaps.GetViewAsync(roadmap.Id);
        var suggestion = before.Plan!.Steps[0].Suggestions[0];
        // An empty plan has no time to speak of (it once read "Ongoing of activities").
        Assert.Equal("no activities with a set length yet", before.PlannedTime);

        var returned = await roadmaps.AcceptSuggestionAsync(roadmap.Id, roadmap.Version, suggestion.Resource.Slug, before.Plan.Steps[0].Role.Slug, inParallel: false);
        var reloaded = await roadmaps.GetViewAsync(roadmap.Id);

        // The only item in the plan ends its typical weeks from today; that is when the plan is ready.
        var ends = today.AddDays(7 * suggestion.Resource.TypicalWeeks);
        Assert.Equal(ends, Assert.Single(returned.Roadmap.Milestones).TargetDate);
        Assert.Equal(ends, returned.Forecast!.FromMilestones);
        Assert.Equal(reloaded.Forecast, returned.Forecast);
        Assert.Equal(reloaded.Roadmap.Version, returned.Roadmap.Version);
        Assert.Equal(reloaded.Plan!.Steps.Select(s => s.Gaps.Count), returned.Plan!.Steps.Select(s => s.Gaps.Count));
    }
}
