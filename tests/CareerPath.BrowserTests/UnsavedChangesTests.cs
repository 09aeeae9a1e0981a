using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>Leaving or reloading a page with unsaved typing asks first; staying keeps the typing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnsavedChangesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Leaving_a_new_goal_by_a_link_asks_and_staying_keeps_the_text()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.OpenNewAsync();
        await TypeAsync(page.GetByLabel("Specific: the outcome"), "Ship the onboarding revamp");

        var dialogs = new Dialogs(page);
        await DashboardLink(page).ClickAsync();

        Assert.Equal(["confirm"], dialogs.Types);
        await Expect(page).ToHaveURLAsync(new Regex("/goals/new$"));
        await Expect(page.GetByLabel("Specific: the outcome")).ToHaveValueAsync("Ship the onboarding revamp");

        dialogs.Accept = true;
        await DashboardLink(page).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
    }

    [Fact]
    public async Task Reloading_a_new_goal_with_typing_asks_first()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await new GoalPages(page).OpenNewAsync();
        await TypeAsync(page.GetByLabel("Specific: the outcome"), "Ship the onboarding revamp");

        var dialogs = new Dialogs(page);
        await ReloadAsync(page);

        Assert.Equal(["beforeunload"], dialogs.Types);
        await Expect(page.GetByLabel("Specific: the outcome")).ToHaveValueAsync("Ship the onboarding revamp");
    }

    [Fact]
    public async Task Editing_a_goal_asks_before_leaving_until_it_is_saved()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.CreateAsync("Write the first product strategy memo");
        var goalUrl = page.Url;

        await goals.OpenEditorAsync();
        await TypeAsync(page.GetByLabel("Specific: the outcome"), "Write the first product strategy memo with the CFO");
        var dialogs = new Dialogs(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Goals" }).ClickAsync();
        Assert.Equal(["confirm"], dialogs.Types);
        await Expect(page).ToHaveURLAsync(goalUrl);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Write the first product strategy memo with the CFO");
        // Saved, the form closes and says so; the keyboard is back on the button that opened it.
        await Expect(page.GetByTestId("goal-edit-status")).ToHaveTextAsync("Your changes to the goal are saved.");
        // The tab's title follows the new outcome, though titles are written while prerendering.
        await Expect(page).ToHaveTitleAsync("Write the first product strategy memo with the CFO · CareerPath");
        await Expect(goals.EditButton).ToBeFocusedAsync();
        await Expect(goals.EditButton).ToHaveAttributeAsync("aria-expanded", "false");

        // A check-in note typed but not sent is typing too.
        dialogs.Clear();
        await TypeAsync(page.GetByLabel("Note"), "Outline agreed with the CFO");
        await DashboardLink(page).ClickAsync();
        Assert.Equal(["confirm"], dialogs.Types);
        await Expect(page.GetByLabel("Note")).ToHaveValueAsync("Outline agreed with the CFO");

        await page.GetByLabel("Note").FillAsync("");
        await Expect(page.Locator("[data-unsaved-changes]")).Not.ToBeAttachedAsync();

        // Changes kept in the form while it is closed are typing too.
        var achievable = page.GetByLabel("Achievable: the time and resources you will use");
        await goals.OpenEditorAsync();
        await TypeAsync(achievable, "Two hours a week");
        await goals.EditButton.ClickAsync();
        await Expect(page.GetByTestId("edits-kept")).ToBeVisibleAsync();
        dialogs.Clear();
        await DashboardLink(page).ClickAsync();
        Assert.Equal(["confirm"], dialogs.Types);
        await goals.OpenEditorAsync();
        await Expect(achievable).ToHaveValueAsync("Two hours a week");
        await achievable.FillAsync("");

        await Expect(page.Locator("[data-unsaved-changes]")).Not.ToBeAttachedAsync();
        dialogs.Clear();
        await DashboardLink(page).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        Assert.Empty(dialogs.Types);
    }

    [Fact]
    public async Task Aspirations_ask_before_leaving_with_unsaved_reflection_and_not_after_saving()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("assessment/aspirations");
        var motivation = page.GetByLabel("What motivates you in your work?");
        await TypeAsync(motivation, "Teams that ship");

        var dialogs = new Dialogs(page);
        await DashboardLink(page).ClickAsync();
        Assert.Equal(["confirm"], dialogs.Types);
        await Expect(motivation).ToHaveValueAsync("Teams that ship");
        await ReloadAsync(page);
        Assert.Equal(["confirm", "beforeunload"], dialogs.Types);
        await Expect(motivation).ToHaveValueAsync("Teams that ship");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();
        dialogs.Clear();
        await DashboardLink(page).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        Assert.Empty(dialogs.Types);
    }

    [Fact]
    public async Task Audit_evidence_is_saved_when_a_link_is_clicked_and_a_reload_before_that_asks()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        await assessment.RateAsync("communication", 3, ratedAfter: 1);
        var evidence = page.Locator("#evidence-communication");
        await TypeAsync(evidence, "Ran the all-hands");

        var dialogs = new Dialogs(page);
        await ReloadAsync(page);
        Assert.Equal(["beforeunload"], dialogs.Types);
        await Expect(evidence).ToHaveValueAsync("Ran the all-hands");

        // A link takes the focus first, which saves the evidence; nothing is lost, so nothing is asked.
        dialogs.Clear();
        await page.GetByRole(AriaRole.Link, new() { Name = "Save and continue later" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Self-assessment" })).ToBeVisibleAsync();
        Assert.Empty(dialogs.Types);
        await page.GotoAsync("assessment/audit");
        await Expect(page.Locator("#evidence-communication")).ToHaveValueAsync("Ran the all-hands");
    }

    [Theory]
    [InlineData("assessment/aspirations", "What motivates you in your work?")]
    [InlineData("goals/new", "Specific: the outcome")]
    public async Task Typing_fast_keeps_every_key(string path, string label)
    {
        const string text = "Teams that ship products people love, every single week";
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync(path);
        var field = page.GetByLabel(label);

        await field.ClickAsync();
        await field.PressSequentiallyAsync(text);

        await Expect(field).ToHaveValueAsync(text);
    }

    [Fact]
    public async Task Typing_fast_into_audit_evidence_keeps_every_key()
    {
        const string text = "Ran the all-hands and wrote the launch notes, every single week";
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        await assessment.RateAsync("communication", 3, ratedAfter: 1);
        var evidence = page.Locator("#evidence-communication");

        await evidence.ClickAsync();
        await evidence.PressSequentiallyAsync(text);

        await Expect(evidence).ToHaveValueAsync(text);
    }

    private static ILocator DashboardLink(IPage page) => page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true });

    /// <summary>
    /// Replaces the field's text key by key after a click, as a person does (the browser only asks before unloading
    /// a page someone used), then waits until the page shows it holds unsaved typing.
    /// </summary>
    private static async Task TypeAsync(ILocator field, string text)
    {
        await field.ClickAsync();
        await field.FillAsync("");
        await field.PressSequentiallyAsync(text);
        await Expect(field.Page.Locator("[data-unsaved-changes]")).ToBeAttachedAsync();
    }

    /// <summary>Reloads by script (the way a reload button would), so a cancelled reload returns instead of waiting for a load.</summary>
    private static Task ReloadAsync(IPage page) => page.EvaluateAsync("() => location.reload()");
}

/// <summary>Records the page's dialogs (confirm, beforeunload), answering each as <see cref="Accept"/> says.</summary>
internal sealed class Dialogs
{
    private readonly List<IDialog> _seen = [];

    public Dialogs(IPage page) =>
        page.Dialog += (_, dialog) =>
        {
            lock (_seen)
            {
                _seen.Add(dialog);
            }

            _ = Accept ? dialog.AcceptAsync() : dialog.DismissAsync();
        };

    public bool Accept { get; set; }

    public IReadOnlyList<string> Types
    {
        get
        {
            lock (_seen)
            {
                return _seen.Select(d => d.Type).ToList();
            }
        }
    }

    public void Clear()
    {
        lock (_seen)
        {
            _seen.Clear();
        }
    }
}
