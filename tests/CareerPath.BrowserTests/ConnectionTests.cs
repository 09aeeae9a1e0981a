using CareerPath.BrowserTests.Pages;
using CareerPath.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>What a user sees when the server goes away, and keyboard use of the inline confirms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task When_the_server_goes_away_a_banner_says_so_and_what_was_typed_stays()
    {
        // A server of its own, so stopping it troubles no other test.
        await using var app = await AppProcess.StartOwnAsync();
        var page = await fixture.NewPageAsync(app, 390, 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("goals/new");
        var outcome = page.GetByLabel("Specific: the outcome");
        await outcome.FillAsync("Ship the partner API with two launch customers");
        await Expect(page.GetByTestId("smart-check")).ToContainTextAsync("Measurable");
        var banner = page.GetByTestId("reconnect");
        await Expect(banner).ToBeHiddenAsync();

        await app.DisposeAsync();

        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(banner).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Reconnecting|can't be reached"));
        await Expect(outcome).ToHaveValueAsync("Ship the partner API with two launch customers");
        await fixture.ScreenshotAsync(page, "reconnect-banner-390");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Escape_cancels_an_inline_confirm_and_focus_returns_to_its_button()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        await new RoadmapPages(page).CreateAsync("Escape test", "Product Manager", "Technical Product Manager");
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete this roadmap" });

        // Until the circuit runs the page, its prerendered buttons are disabled: a key press then would do nothing.
        await Expect(delete).ToBeEnabledAsync();
        await delete.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var confirm = page.GetByRole(AriaRole.Group, new() { Name = "Delete this roadmap and all its milestones? This cannot be undone." });
        await Expect(confirm).ToBeVisibleAsync();
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(confirm).ToBeHiddenAsync();
        await Expect(delete).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Escape test" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Until_the_circuit_runs_a_page_its_buttons_are_disabled_and_a_connection_that_never_starts_is_explained()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        await new RoadmapPages(page).CreateAsync("Before it is live", "Product Manager", "Technical Product Manager");
        var address = page.Url;

        // The server refuses the page's connection (as when it is busy, or this person has too many pages open): the
        // page stays its prerendered copy, as it is for the moment before a circuit starts.
        await page.RouteAsync("**/_blazor/negotiate*", route => route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } }));
        await page.GotoAsync(address);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Before it is live" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete this roadmap" })).ToBeDisabledAsync();
        await Expect(page.Locator("#main button:enabled, #main select:enabled")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-page-live]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Roadmaps" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/roadmap$"));

        // Left like that, the page says why nothing answers, and offers to try again.
        await page.GoBackAsync();
        var note = page.GetByTestId("not-live");
        await Expect(note).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(note).ToHaveAttributeAsync("role", "alert");
        await Expect(note).ToContainTextAsync("connection to CareerPath did not start");
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, "roadmap-not-live-390");

        // Once the server takes the connection again, trying again brings the page to life and the note goes.
        await page.UnrouteAllAsync();
        await note.GetByRole(AriaRole.Button, new() { Name = "try again" }).ClickAsync();
        await Expect(page.Locator("[data-page-live]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete this roadmap" })).ToBeEnabledAsync();
        await Expect(note).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_page_that_comes_to_life_never_shows_the_note_about_a_connection_that_did_not_start()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
        await new RoadmapPages(page).CreateAsync("Live at once", "Product Manager", "Technical Product Manager");

        // The page's own clock, moved well past the note's 8 seconds once the page is live.
        await page.Clock.InstallAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("[data-page-live]")).ToHaveCountAsync(1);
        await page.Clock.FastForwardAsync("00:20");
        await Expect(page.GetByTestId("not-live")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete this roadmap" })).ToBeEnabledAsync();
    }
}
