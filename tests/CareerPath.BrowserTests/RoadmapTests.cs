using System.Text.Json;
using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RoadmapTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_user_builds_edits_and_exports_a_roadmap()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        var roadmap = new RoadmapPages(page);

        // Without an audit the roadmap says so and points to it.
        await roadmap.CreateAsync("To Director", "Product Manager", "Director of Product Management");
        await Expect(page.GetByTestId("no-audit")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("path")).ToContainTextAsync("Senior Product Manager");
        var roadmapUrl = page.Url;

        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        for (var i = 0; i < AssessmentPages.Skills.Length; i++)
        {
            await assessment.RateAsync(AssessmentPages.Skills[i], 2, i + 1);
        }

        await assessment.FinishAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your skills against the role" })).ToBeVisibleAsync();

        // With an audit: gaps per step and suggestions to accept; own milestones; edit, reorder, complete.
        await page.GotoAsync(roadmapUrl);
        await Expect(page.GetByTestId("step-senior-product-manager")).ToContainTextAsync("Gaps to close");

        // The step to work on now lists its suggestions; a later one says how many it has and lists them on request.
        var later = page.GetByTestId("step-director-of-product-management");
        var toggle = later.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Show \d+ suggested actions?$") });
        await Expect(later.Locator(".suggestion")).ToHaveCountAsync(0);
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        var hide = later.GetByRole(AriaRole.Button, new() { Name = "Hide the suggested actions" });
        await Expect(hide).ToBeFocusedAsync();
        await Expect(hide).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await later.Locator(".suggestion").CountAsync() > 0);
        var hiddenRow = await later.Locator("button[data-action=accept]").First.GetAttributeAsync("data-row");
        await page.Keyboard.PressAsync("Enter");
        await Expect(later.Locator(".suggestion")).ToHaveCountAsync(0);
        await Expect(toggle).ToBeFocusedAsync();

        // A click the page did not offer changes nothing: a suggestion of a hidden step, or one the plan does not have
        // (the buttons are markup, so anyone can write one). The two accepted below are then the plan's only items.
        foreach (var row in new[] { hiddenRow!, "no-such-resource|senior-product-manager|after" })
        {
            await page.EvaluateAsync(
                "row => { const b = document.createElement('button'); b.dataset.action = 'accept'; b.dataset.row = row; document.querySelector('[data-testid=step-senior-product-manager]').append(b); b.click(); b.remove(); }",
                row);
        }

        // The step to work on now can be hidden too, and shown again.
        var current = page.GetByTestId("step-senior-product-manager");
        await current.GetByRole(AriaRole.Button, new() { Name = "Hide the suggested actions" }).ClickAsync();
        await Expect(current.Locator(".suggestion")).ToHaveCountAsync(0);
        await current.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Show \d+ suggested actions?$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await roadmap.AcceptFirstSuggestionAsync();
        // The button is gone once the suggestion is in the plan: the keyboard stays on the suggestion, not the page's top.
        await Expect(page.Locator(".suggestion:focus")).ToContainTextAsync("In your plan");
        // A double click adds it once (the buttons are markup with one handler for the section: the second click
        // arrives while the first is saved, or finds the button gone).
        await roadmap.AddButtons.First.DblClickAsync();
        await Expect(roadmap.Milestones.Locator("li")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        await roadmap.AddMilestoneAsync("Ask for a stretch project", date);
        await Expect(roadmap.Milestones.Locator("li")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("ready-milestones")).Not.ToHaveTextAsync("–");

        await roadmap.EditAsync("Ask for a stretch project", "Lead the Q3 platform launch");
        // Saved, the form closes and the keyboard goes back to the row's Edit button; a moved row keeps it on its button.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit Lead the Q3 platform launch" })).ToBeFocusedAsync();
        await roadmap.MoveUpAsync("Lead the Q3 platform launch");
        await Expect(roadmap.Milestones.Locator("li").Nth(1)).ToContainTextAsync("Lead the Q3 platform launch");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Lead the Q3 platform launch up" })).ToBeFocusedAsync();

        await roadmap.AddMilestoneAsync("Too late", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("in the past");
        await Expect(roadmap.Milestones.Locator("li")).ToHaveCountAsync(3);

        var first = await roadmap.Milestones.Locator("li .timeline__title").First.InnerTextAsync();
        await roadmap.MarkDoneAsync(first.Trim());
        await Expect(page.GetByTestId("rerate-prompt")).ToContainTextAsync("re-rate");
        // Its buttons went with it being done: the keyboard is on its title, which says so.
        await Expect(roadmap.Milestones.Locator(".timeline__title:focus")).ToContainTextAsync("done");
        await fixture.ScreenshotAsync(page, "roadmap");

        // Exports: Markdown, CSV and the whole plan as JSON.
        var markdown = await roadmap.DownloadAsync("Markdown");
        Assert.Contains("# To Director", markdown);
        Assert.Contains("Lead the Q3 platform launch", markdown);
        var csv = await roadmap.DownloadAsync("CSV");
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        using var json = JsonDocument.Parse(await roadmap.DownloadAsync("JSON"));
        Assert.Equal(3, json.RootElement.GetProperty("milestones").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("steps").GetArrayLength());

        await roadmap.RemoveAsync("Lead the Q3 platform launch");
        await Expect(roadmap.Milestones.Locator("li")).ToHaveCountAsync(2);

        // Deleting the roadmap asks first; cancelling keeps it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this roadmap" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(roadmap.Milestones.Locator("li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_target_below_the_start_gets_a_clear_message()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("roadmap");
        await page.GetByLabel("Name").FillAsync("Backwards");
        await page.GetByLabel("From (the role you hold now)").SelectOptionAsync(new SelectOptionValue { Label = "Director of Product Management" });
        await page.GetByLabel("To (the role you want)").SelectOptionAsync(new SelectOptionValue { Label = "Product Owner" });

        await page.GetByRole(AriaRole.Button, new() { Name = "Create roadmap" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("less senior");
    }
}
