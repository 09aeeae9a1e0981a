using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>A double click on a create button makes one record, and leaving after the save asks nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RepeatedClickTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Double_clicking_create_roadmap_makes_one_roadmap()
    {
        var page = await fixture.NewPageAsync();
        var dialogs = new Dialogs(page);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("roadmap");
        await page.GetByLabel("Name").FillAsync("Twice clicked");
        await page.GetByLabel("From (the role you hold now)").SelectOptionAsync(new SelectOptionValue { Label = "Product Manager" });
        await page.GetByLabel("To (the role you want)").SelectOptionAsync(new SelectOptionValue { Label = "Technical Product Manager" });

        await page.GetByRole(AriaRole.Button, new() { Name = "Create roadmap" }).DblClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Twice clicked" })).ToBeVisibleAsync();
        await page.GotoAsync("roadmap");
        await Expect(page.GetByTestId("roadmaps").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        Assert.Empty(dialogs.Types);
    }

    [Fact]
    public async Task Double_clicking_create_goal_makes_one_goal()
    {
        var page = await fixture.NewPageAsync();
        var dialogs = new Dialogs(page);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync("Present the quarterly roadmap to the leadership team");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create goal" }).DblClickAsync();

        await goals.ExpectDetailAsync();
        await page.GotoAsync("goals");
        await Expect(page.GetByText("Present the quarterly roadmap to the leadership team")).ToHaveCountAsync(1);
        Assert.Empty(dialogs.Types);
    }
}
