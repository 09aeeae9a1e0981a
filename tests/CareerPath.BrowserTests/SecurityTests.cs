using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_page_works_under_the_content_security_policy()
    {
        var page = await fixture.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");

        foreach (var path in new[] { "", "roles", "roles/technical-product-manager", "skills", "assessment", "assessment/feedback", "assessment/aspirations", "roadmap", "goals/new", "dashboard" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // An interactive control still works, so the circuit connected under the policy.
        await page.GotoAsync("goals/new");
        await page.GetByLabel("Specific: the outcome").FillAsync("Earn the CSPO certification this spring");
        await Expect(page.GetByTestId("smart-check")).ToContainTextAsync("Looks good.");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Goal_titles_and_notes_with_markup_are_shown_as_text()
    {
        var page = await fixture.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        const string payload = "<img src=x onerror=alert(1)> <script>alert(2)</script> plan";

        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync(payload);
        await goals.SaveNewAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(payload);

        // A step's title and a check-in's note are written as markup by the page: encoded, they show as typed.
        await goals.ExpectDetailAsync();
        await goals.AddStepAsync(payload, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        await Expect(goals.Steps).ToContainTextAsync(payload);
        await goals.CheckInAsync(null, payload);
        await Expect(page.GetByTestId("checkins")).ToContainTextAsync(payload);
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        await page.GotoAsync("goals");
        await Expect(page.GetByText(payload)).ToBeVisibleAsync();
        await page.GotoAsync("dashboard");

        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.Equal(0, dialogs);
    }
}
