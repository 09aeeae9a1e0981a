using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests.Pages;

/// <summary>The roadmap pages, one method per user action.</summary>
public sealed class RoadmapPages(IPage page)
{
    public ILocator Milestones => page.GetByTestId("milestones");

    public async Task CreateAsync(string name, string from, string to)
    {
        await page.GotoAsync("roadmap");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("From (the role you hold now)").SelectOptionAsync(new SelectOptionValue { Label = from });
        await page.GetByLabel("To (the role you want)").SelectOptionAsync(new SelectOptionValue { Label = to });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create roadmap" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name })).ToBeVisibleAsync();
    }

    public ILocator AddButtons => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add to plan: ") });

    public async Task AcceptFirstSuggestionAsync()
    {
        await Expect(AddButtons.First).ToBeVisibleAsync();
        var before = await AddButtons.CountAsync();
        await AddButtons.First.ClickAsync();
        await Expect(AddButtons).ToHaveCountAsync(before - 1);
    }

    public async Task AddMilestoneAsync(string title, DateOnly date)
    {
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Target date").FillAsync(date.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
    }

    public Task MoveUpAsync(string title) => page.GetByRole(AriaRole.Button, new() { Name = $"Move {title} up" }).ClickAsync();

    public Task MarkDoneAsync(string title) => page.GetByRole(AriaRole.Button, new() { Name = $"Mark {title} done" }).ClickAsync();

    /// <summary>Removing asks once more: Esc first keeps the milestone (the keyboard back on its button), then yes.</summary>
    public async Task RemoveAsync(string title)
    {
        var remove = page.GetByRole(AriaRole.Button, new() { Name = $"Remove {title}" });
        var ask = page.GetByRole(AriaRole.Group, new() { Name = "Remove it?" });
        await remove.ClickAsync();
        await Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(ask).ToHaveCountAsync(0);
        await Expect(remove).ToBeFocusedAsync();
        await remove.ClickAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan" })).ToBeFocusedAsync();
    }

    public async Task EditAsync(string title, string newTitle)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {title}" }).ClickAsync();
        await Expect(page.GetByLabel("Milestone title")).ToBeFocusedAsync();
        await page.GetByLabel("Milestone title").FillAsync(newTitle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
    }

    public async Task<string> DownloadAsync(string format)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = format, Exact = true }).ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }
}
