using CareerPath.Data;
using CareerPath.Data.Identity;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AccountDeletionTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Deleting_an_account_removes_every_row_that_belonged_to_it_and_nothing_else()
    {
        var (leaver, stayer) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(leaver);
        await FillAsync(stayer);
        var stayerRowsBefore = await CountRowsAsync(stayer.Id);
        Assert.True(await CountRowsAsync(leaver.Id) >= 12);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(leaver.Id))!)).Succeeded);
        }

        Assert.Equal(0, await CountRowsAsync(leaver.Id));
        Assert.Equal(0, await CountOrphansAsync());
        Assert.Equal(stayerRowsBefore, await CountRowsAsync(stayer.Id));
    }

    private async Task FillAsync(ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var audit = await assessment.StartOrResumeAsync("product-manager");
        await assessment.RateAsync(audit.Id, audit.Version, "communication", 3, "evidence");
        // A closed round with results (figures and a comment) and an open one with an answer still held.
        var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
        foreach (var name in new[] { "Alex", "Sam", "Kim" })
        {
            var link = await feedback.AskInOpenRoundAsync(name, Relationship.Peer);
            await scope.ServiceProvider.GetRequiredService<RespondentService>().SubmitAsync(link.Token, new Dictionary<string, int?> { ["communication"] = 4 }, "ok");
        }

        await feedback.CloseAsync((await feedback.ListRoundsAsync())[0].Id);
        var created = await feedback.AskInOpenRoundAsync("Lee", Relationship.Mentor);
        await scope.ServiceProvider.GetRequiredService<RespondentService>().SubmitAsync(created.Token, new Dictionary<string, int?> { ["communication"] = 2 }, "held");
        await scope.ServiceProvider.GetRequiredService<AspirationService>().SaveAsync(
            new AspirationInput(null, null, null, null, "why", null, null, new Dictionary<string, int> { ["advancement"] = 5 }), null);
        var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        var roadmap = await roadmaps.CreateAsync("Plan", "product-manager", "technical-product-manager", null);
        await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Milestone", (await roadmaps.TodayAsync()).AddDays(10), null);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var goal = await goals.CreateAsync(new CareerPath.Domain.Goals.GoalFields("Run twelve customer interviews now", CareerPath.Domain.Goals.GoalHorizon.ShortTerm,
            CareerPath.Domain.Goals.ProgressMode.Measure, "interviews", 0, 12, "time", [], null, null, null, (await goals.TodayAsync()).AddDays(30)),
            [new("Step one", (await goals.TodayAsync()).AddDays(30))]);
        await goals.CheckInAsync(goal.Id, goal.Version, (await goals.TodayAsync()), 1, "note");
        await scope.ServiceProvider.GetRequiredService<CareerPath.Web.Security.ServerSessions>().StartAsync(user.Id);
        var imported = await scope.ServiceProvider.GetRequiredService<CareerPath.Web.Features.Frameworks.FrameworkService>()
            .ImportAsync("mine.json", await File.ReadAllTextAsync(CareerPath.Web.Services.CatalogFile.Resolve(null)), forServer: false, into: null);
        Assert.True(imported.Succeeded);
    }

    /// <summary>Child rows whose parent is gone: there must never be any.</summary>
    private async Task<long> CountOrphansAsync() => await ScalarAsync("""
        SELECT
          (SELECT COUNT(*) FROM SkillRatings WHERE SkillAuditId NOT IN (SELECT Id FROM SkillAudits))
        + (SELECT COUNT(*) FROM FeedbackRatings WHERE FeedbackRequestId NOT IN (SELECT Id FROM FeedbackRequests))
        + (SELECT COUNT(*) FROM AspirationFactorWeights WHERE CareerAspirationId NOT IN (SELECT Id FROM CareerAspirations))
        + (SELECT COUNT(*) FROM SkillAudits WHERE OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM FeedbackRequests WHERE OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM FeedbackRequests WHERE RoundId NOT IN (SELECT Id FROM FeedbackRounds))
        + (SELECT COUNT(*) FROM FeedbackRounds WHERE OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM FeedbackFigures WHERE FeedbackRoundId NOT IN (SELECT Id FROM FeedbackRounds))
        + (SELECT COUNT(*) FROM FeedbackComments WHERE FeedbackRoundId NOT IN (SELECT Id FROM FeedbackRounds))
        + (SELECT COUNT(*) FROM CareerAspirations WHERE OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM Milestones WHERE RoadmapId NOT IN (SELECT Id FROM Roadmaps))
        + (SELECT COUNT(*) FROM Roadmaps WHERE OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM GoalSteps WHERE GoalId NOT IN (SELECT Id FROM Goals))
        + (SELECT COUNT(*) FROM GoalCheckIns WHERE GoalId NOT IN (SELECT Id FROM Goals))
        + (SELECT COUNT(*) FROM Goals WHERE OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM AuthSessions WHERE UserId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM Frameworks WHERE OwnerId IS NOT NULL AND OwnerId NOT IN (SELECT Id FROM AspNetUsers))
        + (SELECT COUNT(*) FROM FrameworkVersions WHERE FrameworkId NOT IN (SELECT Id FROM Frameworks))
        """, null);

    /// <summary>Counts, straight from SQLite, every personal row that hangs off the user.</summary>
    private Task<long> CountRowsAsync(string userId) => ScalarAsync("""
        SELECT
          (SELECT COUNT(*) FROM AspNetUsers WHERE Id = $id)
        + (SELECT COUNT(*) FROM SkillAudits WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM SkillRatings WHERE SkillAuditId IN (SELECT Id FROM SkillAudits WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM FeedbackRequests WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM FeedbackRounds WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM FeedbackFigures WHERE FeedbackRoundId IN (SELECT Id FROM FeedbackRounds WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM FeedbackComments WHERE FeedbackRoundId IN (SELECT Id FROM FeedbackRounds WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM FeedbackRatings WHERE FeedbackRequestId IN (SELECT Id FROM FeedbackRequests WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM CareerAspirations WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM AspirationFactorWeights WHERE CareerAspirationId IN (SELECT Id FROM CareerAspirations WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM Roadmaps WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM Milestones WHERE RoadmapId IN (SELECT Id FROM Roadmaps WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM Goals WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM GoalSteps WHERE GoalId IN (SELECT Id FROM Goals WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM GoalCheckIns WHERE GoalId IN (SELECT Id FROM Goals WHERE OwnerId = $id))
        + (SELECT COUNT(*) FROM AuthSessions WHERE UserId = $id)
        + (SELECT COUNT(*) FROM Frameworks WHERE OwnerId = $id)
        + (SELECT COUNT(*) FROM FrameworkVersions WHERE FrameworkId IN (SELECT Id FROM Frameworks WHERE OwnerId = $id))
        """, userId);

    private async Task<long> ScalarAsync(string sql, string? userId)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (userId is not null)
        {
            command.Parameters.AddWithValue("$id", userId);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
