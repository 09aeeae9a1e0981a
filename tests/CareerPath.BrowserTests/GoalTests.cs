using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class GoalTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_goal_measured_by_steps_is_smart_when_created_with_its_steps_and_a_bad_number_says_why()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        var goals = new GoalPages(page);

        // A template fills in its steps, dated up to its deadline: the goal is SMART before it is saved.
        await page.GotoAsync("goals/new?template=cspo");
        var steps = page.GetByTestId("new-steps");
        await Expect(steps.GetByRole(AriaRole.Textbox, new() { Name = "Step 1", Exact = true })).ToHaveValueAsync("Choose a course provider and date");
        await Expect(steps.GetByRole(AriaRole.Textbox, new() { Name = "Step 3", Exact = true })).ToHaveValueAsync("Pass the assessment");
        await Expect(page.GetByTestId("smart-ok")).ToBeVisibleAsync();

        // Emptying every step makes it fail "Measurable", and one typed back in passes it again.
        for (var i = 3; i >= 1; i--)
        {
            await steps.GetByRole(AriaRole.Button, new() { Name = $"Remove step {i}" }).ClickAsync();
        }

        await Expect(goals.SmartCheck).ToContainTextAsync("add the steps that mark progress");
        await steps.GetByRole(AriaRole.Button, new() { Name = "Add a step" }).ClickAsync();
        await steps.GetByRole(AriaRole.Textbox, new() { Name = "Step 1", Exact = true }).FillAsync("Book the course");
        await Expect(page.GetByTestId("smart-ok")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "goal-new-with-steps");
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertFitsTheWidthAsync();
        await fixture.ScreenshotAsync(page, "goal-new-with-steps-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.AssertAccessibleAsync();

        // A number the field cannot take is said in words, not dropped.
        await page.GetByLabel("A measured value").CheckAsync();
        await page.GetByLabel("Target value").FillAsync("1e15");
        await Expect(page.Locator("#target-value-error")).ToHaveTextAsync("The target value must be at most 1,000,000,000.");
        await page.GetByLabel("Target value").FillAsync("12");
        await Expect(page.Locator("#target-value-error")).ToBeEmptyAsync();
        await page.GetByLabel("Completed steps").CheckAsync();

        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();
        await Expect(page.GetByTestId("smart-badge")).ToHaveTextAsync("SMART");
        await Expect(goals.Steps).ToContainTextAsync("Book the course");

        // The list can be narrowed to what needs attention; nothing does yet.
        await page.GotoAsync("goals");
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "At risk or overdue" });
        await Expect(page.GetByTestId("goal-count")).ToHaveTextAsync("Showing 0 goals of 1");
        await Expect(page).ToHaveURLAsync(new Regex("show=needsattention"));
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Active" });
        await Expect(page.GetByTestId("goal-count")).ToHaveTextAsync("Showing 1 goal of 1");
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertFitsTheWidthAsync();
        await fixture.ScreenshotAsync(page, "goals-list-390");
    }

    [Fact]
    public async Task A_goal_fails_then_passes_the_smart_check_gets_steps_and_check_ins_and_shows_on_the_dashboard()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        var goals = new GoalPages(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync("get better");
        await Expect(goals.SmartCheck).ToContainTextAsync("at least 4 words");
        await Expect(goals.SmartCheck).ToContainTextAsync("No deadline");
        await goals.SetDeadlineAsync(today.AddDays(-2));
        await Expect(goals.SmartCheck).ToContainTextAsync("The deadline is in the past.");

        await goals.TypeOutcomeAsync("Run twelve customer discovery interviews for the billing product");
        await goals.MeasureAsync("customer interviews", 0, 12);
        await goals.DescribeAchievableAsync("Two interviews a week using the research team's panel");
        await goals.LinkSkillAsync("Customer focus");
        await goals.SetDeadlineAsync(today.AddDays(25));
        await Expect(page.GetByTestId("smart-ok")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "goal-new");
        await goals.SaveNewAsync();

        await goals.ExpectDetailAsync();
        await Expect(page.GetByTestId("smart-badge")).ToHaveTextAsync("SMART");
        // The title is written while prerendering and stays once the page is live.
        await Expect(page).ToHaveTitleAsync("Run twelve customer discovery interviews for the billing product · CareerPath");
        // The page says what the goal is for; its form opens on request, and fits a phone.
        var details = page.Locator(".goal-details");
        await Expect(details).ToContainTextAsync("Two interviews a week using the research team's panel");
        await Expect(details).ToContainTextAsync("Customer focus");
        await Expect(goals.EditButton).ToHaveAttributeAsync("aria-expanded", "false");
        await page.SetViewportSizeAsync(390, 844);
        await goals.OpenEditorAsync();
        await Expect(page.GetByLabel("Customer focus", new() { Exact = true })).ToBeCheckedAsync();
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, "goal-edit-390");
        await goals.EditButton.ClickAsync();
        await Expect(details).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await goals.AddStepAsync("Book the first four interviews", today.AddDays(7));
        await Expect(goals.Steps).ToContainTextAsync("Book the first four interviews");
        await goals.SetStepStatusAsync("Book the first four interviews", "Done");
        await goals.CheckInAsync(3, "Three done, <b>great</b> insights on invoicing");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("25%");
        await Expect(page.GetByTestId("checkins")).ToContainTextAsync("<b>great</b>");
        await fixture.ScreenshotAsync(page, "goal-detail");

        await goals.CheckInAsync(-1, "Negative");
        await Expect(page.GetByTestId("goal-error")).ToContainTextAsync("cannot be negative");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("25%");

        await page.GotoAsync("dashboard");
        await Expect(page.GetByTestId("deadlines")).ToContainTextAsync("Run twelve customer discovery interviews");
        await Expect(page.GetByTestId("start-here")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("completed-count")).ToHaveTextAsync("0");
        await fixture.ScreenshotAsync(page, "dashboard-with-goal");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark goal achieved" }).ClickAsync();
        await Expect(page.GetByTestId("rerate-prompt")).ToContainTextAsync("Customer focus");
        await page.GotoAsync("dashboard");
        await Expect(page.GetByTestId("completed-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task Saving_a_goal_edited_in_another_tab_is_refused_and_shows_the_other_version()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.CreateAsync("Write the first product strategy memo");

        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await new GoalPages(second).OpenEditorAsync();
        await second.GetByLabel("Specific: the outcome").FillAsync("Write and present the product strategy memo");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Write and present the product strategy memo");

        await goals.OpenEditorAsync();
        await page.GetByLabel("Specific: the outcome").FillAsync("Write the memo with the CFO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();

        await Expect(page.GetByTestId("conflict")).ToContainTextAsync("Write and present the product strategy memo");
        await Expect(page.GetByLabel("Specific: the outcome")).ToHaveValueAsync("Write the memo with the CFO");
        await fixture.ScreenshotAsync(page, "goal-conflict");
    }

    [Fact]
    public async Task An_action_refused_for_another_tabs_save_shows_that_version_and_keeps_no_stale_form()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.CreateAsync("Write the first product strategy memo");

        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(page.Url);
        var other = new GoalPages(second);
        await other.OpenEditorAsync();
        await other.DescribeAchievableAsync("Two mornings a week");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Expect(second.GetByTestId("goal-edit-status")).ToHaveTextAsync("Your changes to the goal are saved.");

        // This tab never touched its form: the step is refused, and the form shows the other tab's version, not old
        // values that would read as this user's edits (and, saved, undo the other tab's).
        await goals.AddStepAsync("Draft the outline", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        await Expect(page.GetByTestId("conflict")).ToContainTextAsync("What you typed is still on the page");
        await Expect(page.Locator(".goal-details")).ToContainTextAsync("Two mornings a week");
        await Expect(page.GetByTestId("edits-kept")).Not.ToBeAttachedAsync();
        await Expect(page.GetByLabel("New step")).ToHaveValueAsync("Draft the outline");
        await goals.OpenEditorAsync();
        await Expect(page.GetByLabel("Achievable: the time and resources you will use")).ToHaveValueAsync("Two mornings a week");
    }

    [Fact]
    public async Task Unsaved_edits_survive_other_actions_and_a_second_delete_just_leaves()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.CreateAsync("Write the first product strategy memo");

        await goals.OpenEditorAsync();
        await page.GetByLabel("Specific: the outcome").FillAsync("Typed but not saved yet");
        await goals.AddStepAsync("Draft the outline", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        await Expect(goals.Steps).ToContainTextAsync("Draft the outline");
        await Expect(page.GetByLabel("Specific: the outcome")).ToHaveValueAsync("Typed but not saved yet");

        // Closing the form keeps what was typed in it, says so, and opening it again shows it.
        await goals.EditButton.ClickAsync();
        await Expect(page.GetByLabel("Specific: the outcome")).Not.ToBeAttachedAsync();
        await Expect(page.GetByTestId("edits-kept")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("goal-edit-status")).ToHaveTextAsync("Your changes to the goal are kept in the form, not saved yet.");
        await goals.OpenEditorAsync();
        await Expect(page.GetByLabel("Specific: the outcome")).ToHaveValueAsync("Typed but not saved yet");

        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await second.GetByRole(AriaRole.Button, new() { Name = "Delete this goal" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this goal" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/goals$"));

        await second.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex("/goals$"));
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Set your first goal" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_goal_page_lists_the_newest_check_ins_and_shows_older_ones_on_request()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync("Interview twenty-five customers about invoicing");
        await goals.MeasureAsync("customer interviews", 0, 50);
        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();

        var checkIns = page.GetByTestId("checkins").Locator("li");
        for (var i = 1; i <= 25; i++)
        {
            await goals.CheckInAsync(i, $"Interview {i} done");
            await Expect(checkIns).ToHaveCountAsync(Math.Min(i, 20));
        }

        // The page keeps the newest twenty (newest first) and says how many there are.
        await Expect(checkIns.First).ToContainTextAsync("Interview 25 done");
        await Expect(checkIns.Last).ToContainTextAsync("Interview 6 done");
        await Expect(page.GetByText("Showing the latest 20 of 25 check-ins.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("50%");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show older check-ins" }).ClickAsync();
        await Expect(checkIns).ToHaveCountAsync(25);
        await Expect(checkIns.Last).ToContainTextAsync("Interview 1 done");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show older check-ins" })).ToHaveCountAsync(0);

        // A check-in after that keeps the longer list, and says it was saved.
        await goals.CheckInAsync(26, "Interview 26 done");
        await Expect(checkIns).ToHaveCountAsync(26);
        await Expect(page.GetByTestId("checkin-saved")).ToHaveTextAsync(new Regex(@"^Check-in for \d{1,2} \w+ \d{4} saved\.$"));
        await Expect(checkIns.First).ToContainTextAsync("Interview 26 done");
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, "goal-check-ins-390");
    }

    [Fact]
    public async Task A_long_plan_opens_on_the_next_step_to_do_and_lists_earlier_and_later_steps_on_request()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.CreateAsync("Ship the self-serve billing portal");

        // Fourteen steps, a week apart: each new one is due last, so it is listed as it is added.
        var steps = goals.Steps.Locator("li");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        for (var i = 1; i <= 14; i++)
        {
            await goals.AddStepAsync($"Step {i:00}", start.AddDays(7 * (i - 1)));
            await Expect(steps).ToHaveCountAsync(i);
        }

        // 1, 2 and 3 of 14 steps done: 7.1, 14.3 and 21.4 %.
        string[] progress = ["7%", "14%", "21%"];
        for (var i = 1; i <= 3; i++)
        {
            await goals.SetStepStatusAsync($"Step {i:00}", "Done");
            await Expect(page.GetByTestId("progress")).ToHaveTextAsync(progress[i - 1]);
        }

        // Opened again: steps 4 to 13, from the first not done; three before and one after, on request.
        await page.ReloadAsync();
        await Expect(steps).ToHaveCountAsync(10);
        await Expect(steps.First).ToContainTextAsync("Step 04");
        await Expect(steps.Last).ToContainTextAsync("Step 13");
        await Expect(page.GetByTestId("steps-shown")).ToHaveTextAsync("Showing steps 4 to 13 of 14.");
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, "goal-long-plan-390");

        // By keyboard: the keyboard moves to the first step shown (the button is gone once everything before is listed).
        await page.GetByRole(AriaRole.Button, new() { Name = "Show 3 steps before these" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(steps).ToHaveCountAsync(13);
        await Expect(steps.First).ToContainTextAsync("Step 01");
        await Expect(page.GetByLabel("Status of Step 01")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("steps-shown")).ToHaveTextAsync("Showing steps 1 to 13 of 14.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show 1 step after these" }).ClickAsync();
        await Expect(steps).ToHaveCountAsync(14);
        await Expect(steps.Last).ToContainTextAsync("Step 14");
        await Expect(page.GetByTestId("steps-shown")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Status of Step 14")).ToBeFocusedAsync();

        // A step marked done stays where it is (4 of 14 done), and a step added is listed.
        await goals.SetStepStatusAsync("Step 04", "Done");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("29%");
        await Expect(steps).ToHaveCountAsync(14);
        await goals.AddStepAsync("Step 15", start.AddDays(7 * 20));
        await Expect(steps).ToHaveCountAsync(15);
        await Expect(steps.Last).ToContainTextAsync("Step 15");
    }

    [Fact]
    public async Task Removing_a_step_asks_first_escape_keeps_it_and_the_chart_draws_both_lines()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        var goals = new GoalPages(page);
        await page.GotoAsync("goals/new?template=cspo");
        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();

        // The template's deadline gives the straight line; the goal's start gives the first point of progress.
        await Expect(page.Locator("polyline.goal-chart__on-track")).ToHaveAttributeAsync("points", "0,100 1000,0");
        await Expect(page.Locator("polyline.goal-chart__progress")).ToHaveAttributeAsync("points", new Regex(@"^0,100 "));

        var remove = goals.Steps.GetByRole(AriaRole.Button, new() { Name = "Remove step Pass the assessment" });
        await remove.ClickAsync();
        var ask = goals.Steps.GetByRole(AriaRole.Group, new() { Name = "Remove?" });
        await Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true })).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertFitsTheWidthAsync();
        await fixture.ScreenshotAsync(page, "goal-step-remove-390");

        // Esc keeps the step and puts the keyboard back on its Remove button, every time; so does Cancel.
        await page.Keyboard.PressAsync("Escape");
        await Expect(ask).ToHaveCountAsync(0);
        await Expect(remove).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(remove).ToBeFocusedAsync();
        await remove.ClickAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(remove).ToBeFocusedAsync();
        await Expect(goals.Steps.Locator("li")).ToHaveCountAsync(3);

        // Asking on another step moves the question there; confirming removes that step only.
        await remove.ClickAsync();
        await goals.Steps.GetByRole(AriaRole.Button, new() { Name = "Remove step Choose a course provider and date" }).ClickAsync();
        await Expect(remove).ToBeVisibleAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(goals.Steps.Locator("li")).ToHaveCountAsync(2);
        // The row is gone with its buttons: the keyboard waits on the list's heading, not lost at the top of the page.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Action plan" })).ToBeFocusedAsync();
        await Expect(goals.Steps).Not.ToContainTextAsync("Choose a course provider and date");
        await Expect(goals.Steps).ToContainTextAsync("Pass the assessment");
        await page.ReloadAsync();
        await Expect(goals.Steps.Locator("li")).ToHaveCountAsync(2);

        // A step done moves the progress line (the chart draws again) and the status stays chosen after a reload.
        var progress = page.Locator("polyline.goal-chart__progress");
        var before = await progress.GetAttributeAsync("points");
        await goals.SetStepStatusAsync("Pass the assessment", "Done");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("50%");
        await Expect(progress).Not.ToHaveAttributeAsync("points", before!);
        await Expect(progress).ToHaveAttributeAsync("points", new Regex(@"^0,100 [\d.]+,50$"));
        await page.ReloadAsync();
        var status = page.GetByLabel("Status of Pass the assessment");
        await Expect(status).ToHaveValueAsync(new Regex(@"\|Done$"));

        // By keyboard: arrow keys choose faster than saves end; each is saved in turn, the list keeps the keyboard,
        // and the last one chosen is what is saved.
        await status.FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("0%");
        await Expect(status).ToBeFocusedAsync();
        await Expect(status).ToHaveValueAsync(new Regex(@"\|ToDo$"));
        await Expect(page.GetByTestId("goal-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(status).ToHaveValueAsync(new Regex(@"\|ToDo$"));

        // A status chosen stays shown when rows come above its step (a step due sooner sorts first).
        await goals.SetStepStatusAsync("Pass the assessment", "Done");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("50%");
        await goals.AddStepAsync("Book the exam", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        await Expect(goals.Steps.Locator("li").First).ToContainTextAsync("Book the exam");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("33%");
        await Expect(status).ToHaveValueAsync(new Regex(@"\|Done$"));
    }
}
