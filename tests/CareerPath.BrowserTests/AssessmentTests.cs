using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AssessmentTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_user_audits_their_skills_gathers_feedback_and_reflects()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), name: "Sam");
        var assessment = new AssessmentPages(page);

        // Audit: every skill rated, evidence on one, progress visible throughout.
        await assessment.StartAuditAsync("Product Manager");
        await Expect(assessment.Progress).ToHaveTextAsync("0 of 16 rated");
        // A skill not rated yet has its evidence box disabled, with a hint; rating it makes the box live.
        await Expect(page.Locator("#evidence-software-development")).ToBeDisabledAsync();
        await Expect(assessment.Skill("software-development")).ToContainTextAsync("Pick a level first, then add evidence.");
        for (var i = 0; i < AssessmentPages.Skills.Length; i++)
        {
            var level = AssessmentPages.Skills[i] == "communication" ? 2 : 4;
            await assessment.RateAsync(AssessmentPages.Skills[i], level, i + 1);
        }

        await Expect(page.Locator("#evidence-software-development")).ToBeEnabledAsync();
        await Expect(assessment.Skill("software-development")).Not.ToContainTextAsync("Pick a level first");
        await assessment.AddEvidenceAsync("software-development", "Led the billing migration");
        await fixture.ScreenshotAsync(page, "audit");

        // A half-done audit survives a reload: it is a saved draft.
        await page.ReloadAsync();
        await Expect(assessment.Progress).ToHaveTextAsync("16 of 16 rated");
        await Expect(page.Locator("#evidence-software-development")).ToHaveValueAsync("Led the billing migration");

        await assessment.FinishAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/assessment/audits/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your skills against the role" })).ToBeVisibleAsync();
        await page.GetByLabel("Compare with a target role").SelectOptionAsync(new SelectOptionValue { Label = "Technical Product Manager" });
        await Expect(page.GetByTestId("gaps")).ToContainTextAsync("Communication");
        await fixture.ScreenshotAsync(page, "audit-results");

        // Feedback: three peers answer through their links, each in a separate, anonymous browser context.
        var link = await assessment.CreateFeedbackLinkAsync("Alex", "Peer");
        var respondentPage = await fixture.NewPageAsync();
        var leaveWarnings = 0;
        respondentPage.Dialog += (_, dialog) =>
        {
            leaveWarnings += dialog.Type == "beforeunload" ? 1 : 0;
            _ = dialog.AcceptAsync();
        };
        var respondent = new RespondentPage(respondentPage);
        await respondent.OpenToAnswerAsync(link);
        await Expect(respondentPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How do you see Sam's skills?");
        await Expect(respondentPage.GetByTestId("privacy-note")).ToContainTextAsync("Never your own ratings");
        await Expect(respondentPage.GetByTestId("rated-count")).ToHaveTextAsync("0 of 16 rated");
        await respondent.RateAsync("communication", 5);
        await respondent.CommentAsync("Explains trade-offs clearly");
        await Expect(respondentPage.GetByTestId("rated-count")).ToHaveTextAsync("1 of 16 rated");

        // Kept in this browser only, under a hash of the link (never the link's secret), as soon as it is typed.
        var kept = await DraftsAsync(respondentPage);
        var (key, value) = Assert.Single(kept);
        Assert.DoesNotContain(link[(link.LastIndexOf('/') + 1)..], key, StringComparison.Ordinal);
        Assert.Contains("Explains trade-offs clearly", value, StringComparison.Ordinal);

        // A reload asks first, and what was typed comes back from this browser.
        await respondentPage.ReloadAsync();
        await Expect(respondentPage.GetByTestId("rated-count")).ToHaveTextAsync("1 of 16 rated");
        await Expect(respondentPage.GetByLabel("Anything else you'd like to say")).ToHaveValueAsync("Explains trade-offs clearly");
        Assert.True(leaveWarnings >= 1, "Reloading with unsent answers did not ask first.");
        await fixture.ScreenshotAsync(respondentPage, "respondent");
        await respondent.SubmitAsync();
        await Expect(respondentPage.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await ExpectNoDraftsAsync(respondentPage);

        await respondent.OpenAsync(link);
        await Expect(respondentPage.GetByRole(AriaRole.Heading, new() { Name = "Feedback already submitted" })).ToBeVisibleAsync();

        foreach (var (name, level) in new[] { ("Jo", 4), ("Kim", 5) })
        {
            var otherLink = await assessment.CreateFeedbackLinkAsync(name, "Peer");
            // Jo starts on a shared computer, then answers from another browser.
            var sharedPage = name == "Jo" ? await fixture.NewPageAsync() : null;
            if (sharedPage is not null)
            {
                var shared = new RespondentPage(sharedPage);
                await shared.OpenToAnswerAsync(otherLink);
                await shared.RateAsync("communication", 1);
                await shared.CommentAsync("Half a thought");
                Assert.Single(await DraftsAsync(sharedPage));
            }

            var otherPage = await fixture.NewPageAsync();
            var other = new RespondentPage(otherPage);
            await other.OpenAsync(otherLink);
            await other.RateAsync("communication", level);
            await other.SubmitAsync();
            await Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();

            if (sharedPage is not null)
            {
                // Back on the shared computer the link is answered, and what that browser kept of it is gone.
                sharedPage.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
                await sharedPage.ReloadAsync();
                await Expect(sharedPage.GetByRole(AriaRole.Heading, new() { Name = "Feedback already submitted" })).ToBeVisibleAsync();
                await ExpectNoDraftsAsync(sharedPage);
                await sharedPage.Context.CloseAsync();
            }
        }

        // Three answers are in, but the round is open: nothing is shown, and blind spots wait for enough answers.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("round-status")).ToContainTextAsync("3 of 3 people answered");
        await Expect(page.GetByTestId("feedback-summary")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("no-results")).ToContainTextAsync("Not enough answers yet");
        await Expect(page.GetByText("Explains trade-offs clearly")).ToHaveCountAsync(0);

        // Closed: the three peers as a group, (5 + 4 + 5) / 3 = 4.7 against a self-rating of 2, a blind spot.
        await assessment.CloseRoundAsync();
        await Expect(page.GetByTestId("feedback-summary")).ToContainTextAsync("Peers (3)");
        await Expect(page.GetByTestId("feedback-summary").GetByRole(AriaRole.Row).Filter(new() { HasText = "Communication" })).ToContainTextAsync("4.7");
        await Expect(page.GetByTestId("blind-spots")).ToContainTextAsync("others rate you higher");
        await Expect(page.GetByText("Explains trade-offs clearly")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "feedback");

        // Aspirations: weights move the fit live; saving keeps everything.
        await page.GotoAsync("assessment/aspirations");
        await page.GetByLabel("The role you want next").SelectOptionAsync(new SelectOptionValue { Label = "Technical Product Manager" });
        await page.GetByLabel("What motivates you in your work?").FillAsync("Building products engineers are proud of");
        var fit = page.GetByTestId("fit-score");
        await Expect(fit).ToHaveTextAsync("83%");
        await page.GetByLabel("How much Work-life balance matters to you").FillAsync("0");
        await Expect(fit).Not.ToHaveTextAsync("83%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await Expect(page.Locator(".save-status")).ToHaveTextAsync("Saved");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("What motivates you in your work?")).ToHaveValueAsync("Building products engineers are proud of");
        await Expect(page.GetByLabel("How much Work-life balance matters to you")).ToHaveValueAsync("0");
        await fixture.ScreenshotAsync(page, "aspirations");
    }

    [Fact]
    public async Task The_audit_page_groups_its_roles_by_ladder_and_keeps_the_chosen_one()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await new AssessmentPages(page).StartAuditAsync("Technical Product Manager");

        var roles = page.GetByLabel("The role you hold now", new() { Exact = true }).Last;
        await Expect(roles.Locator("optgroup")).ToHaveCountAsync(2);
        Assert.Equal(["Technical product management", "Product management"],
            await roles.Locator("optgroup").EvaluateAllAsync<string[]>("groups => groups.map(g => g.label)"));
        await Expect(roles).ToHaveValueAsync("technical-product-manager");
    }

    [Fact]
    public async Task A_skill_is_rated_by_arrow_keys_and_evidence_that_looks_like_a_radio_rates_nothing()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        await assessment.RateAsync("communication", 3, ratedAfter: 1);
        var legend = page.Locator("legend#rate-communication");

        // One handler serves every radio of the page; the arrow keys choose within the skill, and the focus stays put.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(legend).ToContainTextAsync("Rated 4");
        await Expect(assessment.Radio("communication", 4)).ToBeFocusedAsync();
        // Two keys faster than a save: the saves take turns, so neither refuses the other and the last one stands.
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(legend).ToContainTextAsync("Rated 2");
        await Expect(assessment.Radio("communication", 2)).ToBeFocusedAsync();
        await Expect(page.Locator(".audit-bar__status")).ToHaveTextAsync("Saved");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        // The handler reads a radio's value ("skill|level"); typing the same into evidence is evidence, not a rating.
        await assessment.AddEvidenceAsync("communication", "leadership|2");
        await Expect(assessment.Progress).ToHaveTextAsync("1 of 16 rated");
        await Expect(assessment.Radio("leadership", 2)).Not.ToBeCheckedAsync();

        // What is saved is what a reload shows.
        await page.ReloadAsync();
        await Expect(assessment.Radio("communication", 2)).ToBeCheckedAsync();
        await Expect(page.Locator("#evidence-communication")).ToHaveValueAsync("leadership|2");
    }

    [Fact]
    public async Task A_withdrawn_link_leaves_the_link_is_ready_box_and_can_be_removed_from_the_list()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await new AssessmentPages(page).CreateFeedbackLinkAsync("Robin", "Peer");
        await Expect(page.GetByTestId("new-link")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the link for Robin" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("new-link")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Withdrawn", new() { Exact = true })).ToBeVisibleAsync();

        // Nobody answered through it: it can leave the list too, and stays gone after a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Robin from the list" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("requests")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByText("Robin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Feedback_comments_with_markup_are_shown_as_text_and_never_run()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var link = await new AssessmentPages(page).CreateFeedbackLinkAsync("<img src=x onerror=alert(1)>", "Mentor");

        var second = await new AssessmentPages(page).CreateFeedbackLinkAsync("Second respondent", "Mentor");
        var third = await new AssessmentPages(page).CreateFeedbackLinkAsync("Third respondent", "Mentor");
        foreach (var (target, comment) in new[] { (link, "<script>alert('x')</script><b>bold</b>"), (second, "<img src=x onerror=alert(2)>"), (third, "Plain words") })
        {
            var respondentPage = await fixture.NewPageAsync();
            respondentPage.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
            var respondent = new RespondentPage(respondentPage);
            await respondent.OpenAsync(target);
            await respondent.CommentAsync(comment);
            await respondent.SubmitAsync();
            await Expect(respondentPage.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        }

        await page.ReloadAsync();
        await Expect(page.GetByTestId("requests")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await new AssessmentPages(page).CloseRoundAsync();
        await Expect(page.GetByText("<script>alert('x')</script><b>bold</b>")).ToBeVisibleAsync();
        await Expect(page.GetByText("<img src=x onerror=alert(2)>")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("b:text('bold')").CountAsync());
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task A_tampered_feedback_link_shows_a_clear_message()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("feedback/this-is-not-a-real-token");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Link not valid" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_role_change_refused_because_another_tab_saved_first_shows_the_role_that_is_saved()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        var role = page.GetByLabel("The role you hold now");
        await Expect(role).ToHaveValueAsync(new Regex("."));
        var saved = await role.InputValueAsync();

        // Another tab rates a skill: this tab's audit is now an older version.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("assessment/audit");
        await new AssessmentPages(other).RateAsync("communication", 3, ratedAfter: 1);

        await role.SelectOptionAsync(new SelectOptionValue { Label = "Technical Product Manager" });
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.Locator(".audit-bar__status")).ToHaveTextAsync("Not saved");
        await Expect(role).ToHaveValueAsync(saved);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();

        // A second refusal in a row is announced and given the focus like the first (a new alert, not the same one).
        await new AssessmentPages(other).RateAsync("communication", 4, ratedAfter: 1);
        await role.SelectOptionAsync(new SelectOptionValue { Label = "Technical Product Manager" });
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await Expect(role).ToHaveValueAsync(saved);
        await page.ReloadAsync();
        await Expect(page.GetByLabel("The role you hold now")).ToHaveValueAsync(saved);
    }

    /// <summary>What a respondent's browser keeps of unsent answers: its feedback drafts in localStorage, key and value.</summary>
    private static async Task<IReadOnlyList<(string Key, string Value)>> DraftsAsync(IPage page) =>
        (await page.EvaluateAsync<string[][]>("() => Object.keys(localStorage).filter(k => k.startsWith('careerpath-feedback-')).map(k => [k, localStorage.getItem(k)])"))
            .Select(kv => (kv[0], kv[1])).ToList();

    /// <summary>The page removes a draft after its circuit hears back; give it the usual five seconds.</summary>
    private static async Task ExpectNoDraftsAsync(IPage page)
    {
        for (var tries = 0; tries < 50 && (await DraftsAsync(page)).Count > 0; tries++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(await DraftsAsync(page));
    }
}
