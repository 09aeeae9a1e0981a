using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AccountDataTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task An_export_imported_into_a_new_account_restores_everything()
    {
        var (original, fresh) = (await app.CreateAsync(), await app.CreateAsync());
        await FillAsync(original);
        var exported = await ExportAsync(original);

        await using (var scope = app.ScopeFor(fresh))
        {
            var message = await scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(exported)));
            Assert.Contains("Imported 1 audit, 1 feedback round, 1 roadmap and 1 goal", message);
        }

        var restored = await ExportAsync(fresh);
        Assert.Equal(Comparable(exported), Comparable(restored));
    }

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
        roadmap = await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Stretch project", roadmaps.Today.AddDays(40), "communication");
        await roadmaps.CompleteMilestoneAsync(roadmap.Id, roadmap.Version, roadmap.Milestones[0].Id);
        var goals = services.GetRequiredService<GoalService>();
        var goal = await goals.CreateAsync(new GoalFields("Run twelve customer discovery interviews", GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews", 0, 12,
            "Two a week", ["customer-focus"], null, null, "technical-product-manager", goals.Today.AddDays(60)), ["Book interviews", "Write up"]);
        goal = await goals.SetStepStatusAsync(goal.Id, goal.Version, goal.Steps[0].Id, StepStatus.Done);
        await goals.CheckInAsync(goal.Id, goal.Version, goals.Today, 4, "Four done");
    }

    private async Task<string> ExportAsync(CareerPath.Data.Identity.ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        return JsonSerializer.Serialize(await scope.ServiceProvider.GetRequiredService<AccountDataService>().ExportAsync(), AccountExport.Json);
    }

    /// <summary>The export without what legitimately differs between two accounts: email, export time, feedback link state.</summary>
    private static string Comparable(string export)
    {
        var json = JsonNode.Parse(export)!;
        json["exportedAtUtc"] = null;
        json["profile"]!["email"] = null;
        return json.ToJsonString();
    }
}
