using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CatalogTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_browses_up_the_tpm_ladder()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Roles" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Career ladders" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "roles");

        await page.GetByRole(AriaRole.Link, new() { Name = "Associate Technical Product Manager" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Associate Technical Product Manager");
        await Expect(page.GetByTestId("salary")).ToHaveTextAsync("$83,350 – $133,305");

        await page.GetByRole(AriaRole.Link, new() { Name = "Technical Product Manager", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/roles/technical-product-manager$"));
        await Expect(page.GetByTestId("salary")).ToHaveTextAsync("$120,011 – $180,000");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "System architecture" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "role");
    }

    [Fact]
    public async Task The_navigation_folds_into_a_menu_on_a_phone()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("tracks");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav).ToBeHiddenAsync();

        // The menu button is a checkbox styled as a hamburger, so it works without script and by keyboard.
        await page.GetByLabel("Show navigation").FocusAsync();
        await page.Keyboard.PressAsync("Space");

        await Expect(nav).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Skills" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Skills");
        await fixture.ScreenshotAsync(page, "skills-phone");
    }
}
