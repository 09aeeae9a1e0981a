using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests.Pages;

/// <summary>The goal pages, one method per user action.</summary>
public sealed class GoalPages(IPage page)
{
    public ILocator SmartCheck => page.GetByTestId("smart-check");

    public ILocator Steps => page.GetByTestId("steps");

    public Task OpenNewAsync() => page.GotoAsync("goals/new");

    public Task TypeOutcomeAsync(string outcome) => page.GetByLabel("Specific: the outcome").FillAsync(outcome);

    public Task SetDeadlineAsync(DateOnly date) => page.GetByLabel("Time-bound: deadline").FillAsync(date.ToString("yyyy-MM-dd"));

    public Task DescribeAchievableAsync(string text) => page.GetByLabel("Achievable: the time and resources you will use").FillAsync(text);

    public Task LinkSkillAsync(string skill) => page.GetByLabel(skill, new() { Exact = true }).CheckAsync();

    public async Task MeasureAsync(string what, decimal start, decimal target)
    {
        await page.GetByLabel("A measured value").CheckAsync();
        await page.GetByLabel("What you count").FillAsync(what);
        await page.GetByLabel("Starting value").FillAsync(start.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Target value").FillAsync(target.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Waits for the goal's own page. The address changes before the page arrives, so until its button to edit the
    /// goal shows, the new-goal form is still on screen and typing would land in it.
    /// </summary>
    public async Task ExpectDetailAsync()
    {
        await Expect(page).ToHaveURLAsync(new Regex("/goals/[0-9a-f-]{36}$"));
        await Expect(EditButton).ToBeVisibleAsync();
    }

    /// <summary>The goal page's button that opens (and closes) its edit form.</summary>
    public ILocator EditButton => page.Locator("#edit-goal");

    /// <summary>Opens the goal's edit form; the keyboard lands in its first field.</summary>
    public async Task OpenEditorAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the goal", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Specific: the outcome")).ToBeFocusedAsync();
    }

    public Task SaveNewAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Create goal" }).ClickAsync();

    /// <summary>Sets a goal with just its outcome and waits for its own page.</summary>
    public async Task CreateAsync(string outcome)
    {
        await OpenNewAsync();
        await TypeOutcomeAsync(outcome);
        await SaveNewAsync();
        await ExpectDetailAsync();
    }

    public async Task AddStepAsync(string title, DateOnly due)
    {
        await page.GetByLabel("New step").FillAsync(title);
        await page.GetByLabel("Due date").FillAsync(due.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
    }

    public Task SetStepStatusAsync(string title, string status) =>
        page.GetByLabel($"Status of {title}").SelectOptionAsync(new SelectOptionValue { Label = status });

    public async Task CheckInAsync(decimal? value, string note)
    {
        if (value is not null)
        {
            await page.GetByLabel("Current value").FillAsync(value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.GetByLabel("Note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
    }
}
