using CareerPath.BrowserTests.Pages;
using CareerPath.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// A page whose data is read while prerendering hands it to the live page (PersistentComponentState) instead of
/// reading it again when the circuit starts: counted in the app's own SQL log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadOnceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_roadmaps_goals_and_goal_pages_read_the_database_once_for_prerendering_and_the_live_page()
    {
        await using var app = await AppProcess.StartOwnAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        var page = await fixture.NewPageAsync(app);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        await new RoadmapPages(page).CreateAsync("To TPM", "Product Manager", "Technical Product Manager");
        var roadmapAddress = page.Url;
        // Leave the new roadmap's live page behind (a static page), so its own reads are not counted below.
        await page.GotoAsync("dashboard");
        await Task.Delay(1000);

        var before = app.Output.Length;
        await page.GotoAsync("roadmap");
        // The form shows only once the page is live, so the circuit has started and initialised the page.
        await Expect(page.GetByLabel("Name")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("roadmaps")).ToContainTextAsync("To TPM");
        await Task.Delay(500);

        Assert.Equal(1, Reads(app.Output[before..], "Roadmaps"));

        // A roadmap's page is computed while prerendering and handed to the live page in server memory.
        await page.GotoAsync("dashboard");
        await Task.Delay(1000);
        before = app.Output.Length;
        await page.GotoAsync(roadmapAddress);
        await ExpectLiveAsync(page);
        await Task.Delay(500);
        Assert.Equal(1, Reads(app.Output[before..], "Roadmaps"));

        // The compare page: the list and the first two roadmaps' figures, read while prerendering.
        await new RoadmapPages(page).CreateAsync("To Senior PM", "Product Manager", "Senior Product Manager");
        await page.GotoAsync("dashboard");
        await Task.Delay(1000);
        before = app.Output.Length;
        await page.GotoAsync("roadmap/compare");
        // Once the page is live, choosing another roadmap for side A reads that one's figures (one more read).
        await ExpectLiveAsync(page);
        await page.GetByLabel("Roadmap A").SelectOptionAsync(new SelectOptionValue { Label = "To Senior PM" });
        await Expect(page.GetByTestId("compare-0")).ToContainTextAsync("Product Manager → Senior Product Manager");
        await Task.Delay(500);
        Assert.Equal(4, Reads(app.Output[before..], "Roadmaps"));

        var goals = new GoalPages(page);
        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync("Run twelve customer discovery interviews");
        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();
        var goalAddress = page.Url;

        // The goal's page prerenders "Loading…" with only the title read; the goal itself is read once, when live.
        await page.GotoAsync("dashboard");
        await Task.Delay(1000);
        before = app.Output.Length;
        await page.GotoAsync(goalAddress);
        await goals.ExpectDetailAsync();
        await Task.Delay(500);
        // Two reads of the table: the title while prerendering, the goal itself once live.
        var log = app.Output[before..];
        Assert.Equal(2, Reads(log, "Goals"));
        Assert.Equal(1, log.Split("\"g\".\"Achievable\"").Length - 1);

        before = app.Output.Length;
        await page.GotoAsync("goals");
        // The filter is enabled only once the page is live.
        await Expect(page.GetByLabel("Show", new() { Exact = true })).ToBeEnabledAsync();
        await Expect(page.GetByTestId("goal-list")).ToContainTextAsync("Run twelve customer discovery interviews");
        await Task.Delay(500);
        Assert.Equal(1, Reads(app.Output[before..], "Goals"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_assessment_audit_results_feedback_and_respondent_pages_read_once_for_prerendering_and_the_live_page()
    {
        await using var app = await AppProcess.StartOwnAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        var page = await fixture.NewPageAsync(app);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        for (var i = 0; i < AssessmentPages.Skills.Length; i++)
        {
            await assessment.RateAsync(AssessmentPages.Skills[i], 1 + (i % 4), i + 1);
        }

        await assessment.FinishAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessment/audits/[0-9a-f-]{36}$"));
        var resultsAddress = page.Url;

        foreach (var (address, ready) in new[] { ("assessment", "Ready to re-rate?"), (resultsAddress, "Your skills against the role") })
        {
            await page.GotoAsync("dashboard");
            await Task.Delay(1000);
            var before = app.Output.Length;
            await page.GotoAsync(address);
            await Expect(page.GetByText(ready)).ToBeVisibleAsync();
            await ExpectLiveAsync(page);
            await Task.Delay(500);
            // The overview reads the list of audits, the latest and the one before it; the results page the audit and
            // the one before it: each once, while prerendering.
            Assert.Equal(address == "assessment" ? 3 : 2, Reads(app.Output[before..], "SkillAudits"));
        }

        // The feedback page: rounds (after closing those due) and the latest audit's levels, read while prerendering.
        await page.GotoAsync("dashboard");
        await Task.Delay(1000);
        var start = app.Output.Length;
        await page.GotoAsync("assessment/feedback");
        // The form to start a round shows only once the page is live.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start round" })).ToBeVisibleAsync();
        await Task.Delay(500);
        var feedbackLog = app.Output[start..];
        Assert.Equal(2, Reads(feedbackLog, "FeedbackRounds"));
        Assert.Equal(1, Reads(feedbackLog, "SkillAudits"));

        // A respondent's page reads the link once, while prerendering.
        var link = await assessment.CreateFeedbackLinkAsync("Jo", "Peer");
        var respondent = await fixture.NewPageAsync(app);
        start = app.Output.Length;
        await respondent.GotoAsync(link);
        // The questionnaire's form shows only once the page is live.
        await Expect(respondent.GetByRole(AriaRole.Button, new() { Name = "Submit feedback" })).ToBeVisibleAsync();
        await Task.Delay(500);
        Assert.Equal(1, Reads(app.Output[start..], "FeedbackRequests"));
        await respondent.Context.CloseAsync();

        await page.Context.CloseAsync();
    }

    /// <summary>Waits until the circuit runs the page (its boundary marks the live page), so the live page's reads are in the log.</summary>
    private static Task ExpectLiveAsync(IPage page) => Expect(page.Locator("[data-page-live]")).ToHaveCountAsync(1);

    /// <summary>
    /// The queries in the SQL log that read <paramref name="table"/>: every command selecting from it, except the split
    /// queries that fetch a read's owned rows (they join the child table to it).
    /// </summary>
    private static int Reads(string log, string table) =>
        log.Split("Executed DbCommand").Count(command => command.Contains($"FROM \"{table}\"", StringComparison.Ordinal)
            && !command.Contains("INNER JOIN", StringComparison.Ordinal));
}
