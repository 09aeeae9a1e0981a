using System.Net;
using System.Text;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>Defects a code review found, each pinned by a test that failed before its fix.</summary>
[Collection(AppCollection.Name)]
public sealed class ReviewRegressionTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task A_first_reflection_saved_in_two_tabs_refuses_the_second_instead_of_overwriting()
    {
        var user = await app.CreateAsync();
        await using var scope = app.ScopeFor(user);
        var aspirations = scope.ServiceProvider.GetRequiredService<AspirationService>();

        await aspirations.SaveAsync(new AspirationInput(null, null, null, 12, "Tab A", null, null, new Dictionary<string, int>()), null);
        await Assert.ThrowsAsync<ConflictException>(() => aspirations.SaveAsync(new AspirationInput(null, null, null, null, "Tab B", null, null, new Dictionary<string, int>()), null));

        Assert.Equal("Tab A", (await aspirations.GetAsync())!.Motivation);
    }

    [Theory]
    [InlineData("""{"status":"Draft","currentRoleSlug":null,"startedAtUtc":"2025-01-01T00:00:00Z","completedAtUtc":null,"ratings":[]}""", "[]", "[]")]
    [InlineData("[]", """{"respondentName":"A","relationship":"Peer","createdAtUtc":"2025-01-01T00:00:00Z","expiresAtUtc":"2025-02-01T00:00:00Z","revokedAtUtc":null,"submittedAtUtc":"2025-01-02T00:00:00Z","comment":null,"answers":[{"skill":"communication","level":3},{"skill":"communication","level":4}]}""", "[]")]
    [InlineData("[]", "[]", """{"name":"R","startRoleSlug":"product-manager","targetRoleSlug":"technical-product-manager","trackSlug":null,"createdAtUtc":"2025-01-01T00:00:00Z","milestones":[{"title":"M","targetDate":"9999-12-31","resourceSlug":null,"stepRoleSlug":null,"skills":[],"estimatedCostUsd":0,"estimatedWeeks":0,"completedOn":null}]}""")]
    public async Task Odd_values_in_an_import_file_get_a_clear_message(string audit, string feedback, string roadmap)
    {
        var json = $$"""{"format":"careerpath-export","version":1,"exportedAtUtc":"2025-01-01T00:00:00Z","profile":{"email":null,"displayName":"X","currentRoleSlug":"product-manager"},"audits":[{{(audit == "[]" ? "" : audit)}}],"feedbackRequests":[{{(feedback == "[]" ? "" : feedback)}}],"aspiration":null,"roadmaps":[{{(roadmap == "[]" ? "" : roadmap)}}],"goals":[]}""";
        var user = await app.CreateAsync();
        await using var scope = app.ScopeFor(user);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("Nothing was imported", ex.Message);
    }

    [Fact]
    public async Task A_goal_whose_milestone_was_removed_can_still_be_edited()
    {
        var user = await app.CreateAsync();
        await using var scope = app.ScopeFor(user);
        var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var roadmap = await roadmaps.CreateAsync("Plan", "product-manager", "technical-product-manager", null);
        roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Stretch project", (await roadmaps.TodayAsync()).AddDays(30), null)).Roadmap;
        var fields = new GoalFields("Lead the stretch project end to end", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, "Time", [], roadmap.Id, roadmap.Milestones[0].Id, null, (await goals.TodayAsync()).AddDays(30));
        var goal = await goals.CreateAsync(fields);
        await roadmaps.RemoveMilestoneAsync(roadmap.Id, roadmap.Version, roadmap.Milestones[0].Id);

        var saved = await goals.UpdateAsync(goal.Id, goal.Version, fields with { Deadline = (await goals.TodayAsync()).AddDays(45) });

        Assert.Equal((await goals.TodayAsync()).AddDays(45), saved.Deadline);
        Assert.Null(saved.MilestoneId);
        Assert.Equal(roadmap.Id, saved.RoadmapId);
    }

    [Fact]
    public void Calendar_lines_stay_within_75_octets_even_for_one_very_long_character()
    {
        var summary = "e" + new string('\u0301', 60) + " launch";

        var ics = ICalendar.Write([new CalendarEvent("a", new DateOnly(2027, 1, 1), summary, null)], DateTime.UtcNow);

        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75));
        Assert.DoesNotContain("\r\n \r\n", ics);
        Assert.Contains($"SUMMARY:{summary}", ics.Replace("\r\n ", ""));
    }

    [Fact]
    public async Task An_oversized_import_is_refused_before_it_is_read()
    {
        var user = await app.CreateAsync();
        var client = await app.SignedInClientAsync(user);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[AccountDataService.MaxImportBytes + 100_000]), "file", "big.json" } };

        var response = await client.PostAsync("/Account/Manage/ImportData", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("larger than 5 MB", WebUtility.UrlDecode(string.Join(";", response.Headers.GetValues("Set-Cookie"))));
    }
}
