using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed partial class AccountDataTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task An_export_imported_into_a_new_account_restores_everything()
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var exported = await ExportAsync(original);

        await using (var scope = app.ScopeFor(fresh))
        {
            var message = await scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(exported)), useFileDisplayName: true);
            Assert.Contains("Imported 1 audit, 1 feedback round, 1 roadmap and 1 goal", message);
        }

        var restored = await ExportAsync(fresh);
        Assert.Equal(Comparable(exported), Comparable(restored));
    }

    [Fact]
    public async Task Every_time_whose_name_ends_in_utc_is_written_with_its_z()
    {
        var user = await app.CreateAsync();
        await FillAsync(user);

        var times = UtcValues(JsonNode.Parse(await ExportAsync(user))!).ToList();

        Assert.True(times.Count >= 8, $"only {times.Count} times found");
        Assert.All(times, t => Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$", t));
    }

    private static IEnumerable<string> UtcValues(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key.EndsWith("Utc", StringComparison.Ordinal) && p.Value is JsonValue v && v.TryGetValue<string>(out var text)
            ? [text]
            : UtcValues(p.Value)),
        JsonArray a => a.SelectMany(UtcValues),
        _ => [],
    };

    [Fact]
    public async Task Importing_into_an_account_that_holds_data_is_refused()
    {
        var user = await app.CreateAsync();
        await FillAsync(user);
        var exported = await ExportAsync(user);

        await using var scope = app.ScopeFor(user);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(exported))));

        Assert.Contains("already holds data", ex.Message);
    }

    [Theory]
    [InlineData("not json at all", "not a CareerPath export")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "not a CareerPath export file this version can read")]
    [InlineData("[1,2,3]", "not a CareerPath export")]
    public async Task Malformed_files_are_refused_with_a_clear_message(string content, string message)
    {
        var user = await app.CreateAsync();
        await using var scope = app.ScopeFor(user);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(content))));

        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("audits", "level", 6, "between 1 and 5")]
    [InlineData("audits", "skill", "juggling", "'juggling' is not a skill")]
    [InlineData("goals", "targetValue", -5, "cannot be negative")]
    [InlineData("goals", "outcome", "", "is required")]
    public async Task A_file_with_one_bad_record_imports_nothing(string section, string field, object value, string message)
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var json = JsonNode.Parse(await ExportAsync(original))!;
        var record = section == "audits" ? json["audits"]![0]!["ratings"]![0]! : json["goals"]![0]!;
        record[field] = JsonValue.Create(value);

        await using var scope = app.ScopeFor(fresh);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()))));

        Assert.Contains(message, ex.Message);
        Assert.Contains("Nothing was imported", ex.Message);
        var after = JsonNode.Parse(await ExportAsync(fresh))!;
        Assert.Empty(after["audits"]!.AsArray());
        Assert.Empty(after["goals"]!.AsArray());
        Assert.Empty(after["roadmaps"]!.AsArray());
    }

    [Fact]
    public async Task The_download_is_the_signed_in_users_only()
    {
        var (owner, other) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(owner);

        var mine = await (await app.SignedInClientAsync(owner)).GetStringAsync("/Account/Manage/DownloadData");
        var theirs = await (await app.SignedInClientAsync(other)).GetStringAsync("/Account/Manage/DownloadData");
        var anonymous = await app.CreateBrowserlessClient().GetAsync("/Account/Manage/DownloadData");

        Assert.Contains("Explains trade-offs clearly", mine);
        Assert.DoesNotContain("Explains trade-offs clearly", theirs);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_import_post_without_the_antiforgery_token_is_refused()
    {
        var user = await app.CreateAsync();
        var client = await app.SignedInClientAsync(user);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("{}")), "file", "data.json" } };

        var response = await client.PostAsync("/Account/Manage/ImportData", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_goal_made_from_a_roadmap_milestone_keeps_its_link_through_export_and_import()
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await using (var scope = app.ScopeFor(original))
        {
            var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
            var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
            roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Lead the API migration", (await roadmaps.TodayAsync()).AddDays(30), "communication")).Roadmap;
            roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Shadow a TPM", (await roadmaps.TodayAsync()).AddDays(60), null)).Roadmap;
            var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
            var second = roadmap.Milestones[1];
            await goals.CreateAsync(new GoalFields(second.Title, GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, null, [], roadmap.Id, second.Id, null, second.TargetDate));
            await goals.CreateAsync(new GoalFields("Linked to the roadmap only", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, null, [], roadmap.Id, null, null, null));

            // A note-only check-in, then the goal switches to a measured value: the check-in keeps its empty value.
            var measured = await goals.CreateAsync(new GoalFields("Interview customers", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, null, [], null, null, null, null));
            measured = await goals.CheckInAsync(measured.Id, measured.Version, (await goals.TodayAsync()), null, "Booked the first calls");
            await goals.UpdateAsync(measured.Id, measured.Version, measured.Fields with { Mode = ProgressMode.Measure, MeasureName = "interviews", StartValue = 0, TargetValue = 10 });
        }

        var exported = await ExportAsync(original);
        await ImportAsync(fresh, exported, useFileDisplayName: true);

        Assert.Equal(Comparable(exported), Comparable(await ExportAsync(fresh)));
        await using var freshScope = app.ScopeFor(fresh);
        var restoredRoadmap = Assert.Single(await freshScope.ServiceProvider.GetRequiredService<RoadmapService>().ListAsync());
        var restoredGoals = await freshScope.ServiceProvider.GetRequiredService<GoalService>().ListAsync();
        var linked = restoredGoals.Single(g => g.Outcome == "Shadow a TPM");
        Assert.Equal(restoredRoadmap.Id, linked.RoadmapId);
        Assert.Equal(restoredRoadmap.Milestones.Single(m => m.Title == "Shadow a TPM").Id, linked.MilestoneId);
        var roadmapOnly = restoredGoals.Single(g => g.Outcome == "Linked to the roadmap only");
        Assert.Equal((restoredRoadmap.Id, (Guid?)null), (roadmapOnly.RoadmapId!.Value, roadmapOnly.MilestoneId));
        Assert.Null(Assert.Single(restoredGoals.Single(g => g.Outcome == "Interview customers").CheckIns).Value);
    }

    [Fact]
    public async Task A_link_to_a_milestone_since_removed_is_left_out_of_the_export()
    {
        var user = await app.CreateAsync();
        await using (var scope = app.ScopeFor(user))
        {
            var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
            var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
            roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Soon removed", (await roadmaps.TodayAsync()).AddDays(30), null)).Roadmap;
            var milestone = roadmap.Milestones[0];
            await scope.ServiceProvider.GetRequiredService<GoalService>().CreateAsync(
                new GoalFields("Finish the removed milestone", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, null, [], roadmap.Id, milestone.Id, null, null));
            await roadmaps.RemoveMilestoneAsync(roadmap.Id, roadmap.Version, milestone.Id);
        }

        var goal = JsonNode.Parse(await ExportAsync(user))!["goals"]![0]!;

        Assert.NotNull(goal["roadmapId"]);
        Assert.Null(goal["milestoneId"]);
    }

    [Fact]
    public async Task Importing_keeps_the_accounts_display_name_unless_asked_to_use_the_files()
    {
        var (original, kept, replaced) = (await app.CreateAsync(), await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var exported = await ExportAsync(original);

        await ImportAsync(kept, exported);
        await ImportAsync(replaced, exported, useFileDisplayName: true);

        Assert.Equal(kept.DisplayName, JsonNode.Parse(await ExportAsync(kept))!["profile"]!["displayName"]!.GetValue<string>());
        Assert.Equal(original.DisplayName, JsonNode.Parse(await ExportAsync(replaced))!["profile"]!["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_import_form_uses_the_files_display_name_only_when_its_box_is_ticked(bool ticked)
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var client = await app.SignedInClientAsync(fresh);
        var page = await client.GetStringAsync("/Account/Manage/Data");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(await ExportAsync(original))), "file", "data.json" },
        };
        if (ticked)
        {
            form.Add(new StringContent("true"), "useFileDisplayName");
        }

        var response = await client.PostAsync("/Account/Manage/ImportData", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = JsonNode.Parse(await ExportAsync(fresh))!["profile"]!;
        Assert.Equal(ticked ? original.DisplayName : fresh.DisplayName, profile["displayName"]!.GetValue<string>());
        Assert.Single(JsonNode.Parse(await ExportAsync(fresh))!["goals"]!.AsArray());
    }

    [Fact]
    public async Task Four_imports_at_once_into_one_empty_account_make_one_copy_and_refuse_the_other_three()
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var exported = await ExportAsync(original);

        using var start = new Barrier(4);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.ScopeFor(fresh);
            var data = scope.ServiceProvider.GetRequiredService<AccountDataService>();
            start.SignalAndWait();
            try
            {
                return await data.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(exported)));
            }
            catch (DomainException ex)
            {
                return "Refused: " + ex.Message;
            }
        })));

        Assert.Single(outcomes, o => o.StartsWith("Imported", StringComparison.Ordinal));
        Assert.Equal(3, outcomes.Count(o => o.StartsWith("Refused: This account already holds data", StringComparison.Ordinal)));
        var restored = JsonNode.Parse(await ExportAsync(fresh))!;
        Assert.Single(restored["audits"]!.AsArray());
        Assert.Single(restored["roadmaps"]!.AsArray());
        Assert.Single(restored["goals"]!.AsArray());
        Assert.Equal(4, Assert.Single(restored["feedbackRounds"]!.AsArray())!["links"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_transaction_begun_through_EF_takes_the_write_lock_at_once()
    {
        // The import's emptiness check relies on this: Microsoft.Data.Sqlite begins transactions IMMEDIATE.
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}");
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            command.CommandTimeout = 1;

            var ex = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(5, ex.SqliteErrorCode); // SQLITE_BUSY
        });
    }

    [Theory]
    [InlineData("audits", "$.audits[1]")]
    [InlineData("audits/0/ratings", "$.audits[0].ratings[")]
    [InlineData("roadmaps/0/milestones", "$.roadmaps[0].milestones[1]")]
    [InlineData("goals/0/skills", "$.goals[0].skills[1]")]
    [InlineData("goals/0/steps", "$.goals[0].steps[2]")]
    [InlineData("goals/0/checkIns", "$.goals[0].checkIns[1]")]
    public async Task A_null_entry_in_any_list_is_refused_with_a_clear_message(string list, string path)
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var json = JsonNode.Parse(await ExportAsync(original))!;
        var node = list.Split('/').Aggregate(json, (n, part) => int.TryParse(part, out var i) ? n[i]! : n[part]!);
        node.AsArray().Add(null);

        var ex = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(fresh, json.ToJsonString()));

        Assert.Contains("empty entry (null)", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("Nothing was imported", ex.Message);
        Assert.Empty(JsonNode.Parse(await ExportAsync(fresh))!["goals"]!.AsArray());
    }

    [Fact]
    public async Task Import_keeps_the_forms_limits()
    {
        var original = await app.CreateAsync();
        await FillAsync(original);
        var exported = await ExportAsync(original);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var steps = JsonNode.Parse(exported)!;
        var step = steps["goals"]![0]!["steps"]![0]!;
        var tooMany = new JsonArray(Enumerable.Range(0, Goal.MaxSteps + 1).Select(_ => step.DeepClone()).ToArray());
        steps["goals"]![0]!["steps"] = tooMany;
        Assert.Contains($"at most {Goal.MaxSteps} steps", (await Assert.ThrowsAsync<DomainException>(() => ImportIntoNewAccountAsync(steps))).Message);

        var farStep = JsonNode.Parse(exported)!;
        farStep["goals"]![0]!["steps"]![0]!["dueDate"] = today.AddYears(21).ToString("yyyy-MM-dd");
        Assert.Contains("too far in the future", (await Assert.ThrowsAsync<DomainException>(() => ImportIntoNewAccountAsync(farStep))).Message);

        var checkIns = JsonNode.Parse(exported)!;
        var checkIn = checkIns["goals"]![0]!["checkIns"]![0]!;
        checkIns["goals"]![0]!["checkIns"] = new JsonArray(Enumerable.Range(0, Goal.MaxCheckIns + 1).Select(_ => checkIn.DeepClone()).ToArray());
        Assert.Contains($"at most {Goal.MaxCheckIns} check-ins", (await Assert.ThrowsAsync<DomainException>(() => ImportIntoNewAccountAsync(checkIns))).Message);

        var milestones = JsonNode.Parse(exported)!;
        var first = milestones["roadmaps"]![0]!["milestones"]![0]!;
        first["id"] = null;
        milestones["roadmaps"]![0]!["milestones"] = new JsonArray(Enumerable.Range(0, CareerPath.Domain.Roadmaps.Roadmap.MaxMilestones + 1).Select(_ => first.DeepClone()).ToArray());
        Assert.Contains($"at most {CareerPath.Domain.Roadmaps.Roadmap.MaxMilestones} milestones", (await Assert.ThrowsAsync<DomainException>(() => ImportIntoNewAccountAsync(milestones))).Message);

        var milestone = JsonNode.Parse(exported)!;
        milestone["roadmaps"]![0]!["milestones"]![0]!["targetDate"] = today.AddYears(CareerPath.Domain.Roadmaps.Milestone.MaxYearsAhead).AddDays(1).ToString("yyyy-MM-dd");
        Assert.Contains($"within {CareerPath.Domain.Roadmaps.Milestone.MaxYearsAhead} years", (await Assert.ThrowsAsync<DomainException>(() => ImportIntoNewAccountAsync(milestone))).Message);

        // A deadline moved out later is within the limit of the day it was moved, not of the day the goal was set.
        var moved = JsonNode.Parse(exported)!;
        moved["goals"]![0]!["createdOn"] = today.AddYears(-5).ToString("yyyy-MM-dd");
        moved["goals"]![0]!["deadline"] = today.AddYears(18).ToString("yyyy-MM-dd");
        await ImportIntoNewAccountAsync(moved);
    }

    private async Task ImportIntoNewAccountAsync(JsonNode json) => await ImportAsync(await app.CreateAsync(), json.ToJsonString());

    private async Task<string> ImportAsync(CareerPath.Data.Identity.ApplicationUser user, string json, bool useFileDisplayName = false)
    {
        await using var scope = app.ScopeFor(user);
        return await scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), useFileDisplayName);
    }

    private async Task FillAsync(CareerPath.Data.Identity.ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        var services = scope.ServiceProvider;
        var catalog = await services.GetRequiredService<CatalogProvider>().GetAsync();
        var assessment = services.GetRequiredService<AssessmentService>();
        var audit = await assessment.StartOrResumeAsync("product-manager");
        foreach (var skill in catalog.Skills)
        {
            audit = await assessment.RateAsync(audit.Id, audit.Version, skill.Slug, 3, skill.Slug == "communication" ? "Ran the all-hands" : null);
        }

        await assessment.CompleteAsync(audit.Id, audit.Version);
        var feedback = services.GetRequiredService<FeedbackService>();
        var respondents = services.GetRequiredService<RespondentService>();
        foreach (var (name, level, comment) in new[] { ("Alex", 5, "Explains trade-offs clearly"), ("Kim", 4, null), ("Lee", 3, "Calm in a crisis") })
        {
            var link = await feedback.AskInOpenRoundAsync(name, Relationship.Peer);
            await respondents.SubmitAsync(link.Token, new Dictionary<string, int?> { ["communication"] = level, ["data-analysis"] = null }, comment);
        }

        await feedback.AskInOpenRoundAsync("Sam", Relationship.Mentor);
        await feedback.CloseAsync((await feedback.ListRoundsAsync())[0].Id);
        await services.GetRequiredService<AspirationService>().SaveAsync(
            new AspirationInput("technical-product-manager", "director-of-product-management", "strategic", 18, "Impact", "Building", "Meetings", new Dictionary<string, int> { ["advancement"] = 5, ["work-life-balance"] = 1 }), null);
        var roadmaps = services.GetRequiredService<RoadmapService>();
        var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", "strategic");
        roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Stretch project", (await roadmaps.TodayAsync()).AddDays(40), "communication")).Roadmap;
        await roadmaps.CompleteMilestoneAsync(roadmap.Id, roadmap.Version, roadmap.Milestones[0].Id);
        var goals = services.GetRequiredService<GoalService>();
        var goal = await goals.CreateAsync(new GoalFields("Run twelve customer discovery interviews", GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews", 0, 12,
            "Two a week", ["customer-focus"], null, null, "technical-product-manager", (await goals.TodayAsync()).AddDays(60)),
            [new("Book interviews", (await goals.TodayAsync()).AddDays(30)), new("Write up", (await goals.TodayAsync()).AddDays(60))]);
        goal = await goals.SetStepStatusAsync(goal.Id, goal.Version, goal.Steps[0].Id, StepStatus.Done);
        await goals.CheckInAsync(goal.Id, goal.Version, (await goals.TodayAsync()), 4, "Four done");
    }

    private async Task<string> ExportAsync(CareerPath.Data.Identity.ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        return JsonSerializer.Serialize(await scope.ServiceProvider.GetRequiredService<AccountDataService>().ExportAsync(), AccountExport.Json);
    }

    /// <summary>
    /// The export without what legitimately differs between two accounts: email, export time, feedback link state,
    /// and the ids themselves (each becomes its order of first appearance, so links must still match).
    /// </summary>
    private static string Comparable(string export)
    {
        var ids = new Dictionary<string, string>();
        var json = JsonNode.Parse(Guids().Replace(export, m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"id-{ids.Count + 1}"))!;
        json["exportedAtUtc"] = null;
        json["profile"]!["email"] = null;
        return json.ToJsonString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();
}
