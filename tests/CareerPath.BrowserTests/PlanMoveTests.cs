using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>Moving a plan that holds an audit to the newest version of its framework, on a phone and on a laptop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanMoveTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_user_sees_what_changed_moves_their_plan_and_their_next_audit_starts_from_their_ratings()
    {
        const string name = "Engenharia – Plataforma";
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("frameworks");
        await FrameworkTests.ImportAsync(page, "plataforma.json", FrameworkTests.SixLevelFramework(name));
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync($"Imported '{name}'");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Plan against {name}" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync($"Your plan now uses '{name}'");

        // An audit of both skills at the third level ("Júnior").
        var audit = new AssessmentPages(page);
        await audit.StartAuditAsync("Pleno");
        var fieldsets = page.Locator("fieldset.rate");
        for (var i = 0; i < 2; i++)
        {
            await fieldsets.Nth(i).Locator(".rate__options > label").Nth(2).ClickAsync();
            await Expect(audit.Progress).ToHaveTextAsync($"{i + 1} of 2 rated");
        }

        await audit.FinishAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/assessment/audits/[0-9a-f-]{36}$"));
        var results = page.Url;

        // Version 2 adds a skill and expects more impact of a "Pleno" (4, was 3); the plan stays on version 1 until the user moves it.
        var v2 = JsonNode.Parse(FrameworkTests.SixLevelFramework(name, extraSkill: true))!;
        v2["roles"]![3]!["expectedSkills"]!["impacto"] = 4;
        await page.GotoAsync("frameworks");
        await page.GetByLabel("Store it as").SelectOptionAsync(new SelectOptionValue { Label = $"A new version of '{name}'" });
        await FrameworkTests.ImportAsync(page, "plataforma-v2.json", v2.ToJsonString(), pickTarget: false);
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync($"Stored version 2 of '{name}'");
        await Expect(page.GetByTestId("plan-holds")).ToContainTextAsync("Your plan holds 1 skill audit.");
        await page.GotoAsync("dashboard");
        await Expect(page.GetByTestId("newer-framework")).ToContainTextAsync($"Your plan uses version 1 of {name}; version 2 is out.");
        await page.AssertAccessibleAsync();
        await page.AssertFitsTheWidthAsync();
        await page.GotoAsync("frameworks");
        await page.GetByRole(AriaRole.Link, new() { Name = "See what changed in version 2 and move to it" }).ClickAsync();

        await Expect(page.GetByTestId("move-from-to")).ToHaveTextAsync($"From {name} (version 1) to {name} (version 2).");
        var changes = page.GetByTestId("move-changes");
        await Expect(changes.GetByRole(AriaRole.Heading, new() { Name = "Skills added (1)" })).ToBeVisibleAsync();
        await Expect(changes).ToContainTextAsync("Domínio");
        await Expect(page.GetByTestId("expectations-moved").GetByRole(AriaRole.Row, new() { Name = "Pleno Impacto 3 · Júnior 4 · Pleno" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("move-ratings")).ToContainTextAsync("Your next skill audit starts with 2 of your latest 2 ratings filled in");
        await Expect(page.GetByTestId("move-effects")).ToContainTextAsync($"Everything your plan holds (1 skill audit) stays on {name} (version 1)");
        await page.AssertAccessibleAsync();
        await page.AssertFitsTheWidthAsync();
        await fixture.ScreenshotAsync(page, "plan-move-phone");
        await page.SetViewportSizeAsync(1366, 900);
        await page.AssertFitsTheWidthAsync();
        await fixture.ScreenshotAsync(page, "plan-move-laptop");

        await page.GetByTestId("move").ClickAsync();
        await Expect(page.GetByTestId("moved")).ToContainTextAsync($"Your plan now uses {name} (version 2).");
        await Expect(page.GetByTestId("move")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        // The next audit is on version 2: three skills, two already rated from the last audit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a skill audit on it" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new audit" }).ClickAsync();
        await Expect(audit.Progress).ToHaveTextAsync("2 of 3 rated");

        // The earlier results are still read on version 1: two skills, no "Domínio".
        await page.GotoAsync(results);
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Comunicação 💬" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Domínio" })).ToHaveCountAsync(0);
    }
}
