using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// Frameworks written elsewhere (tests/TestData/frameworks, each with its source and licence) imported through the
/// frameworks page and planned against: a full audit, its results, a roadmap and a goal, all in the framework's own
/// roles, skills and language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrameworkJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("qcx-pt-br/backend.md", "🛠️ Desenvolvedor Backend", "Júnior", "Especialista", 5, "💬 Comunicação")]
    [InlineData("novoda-en/product_engineer.md", "👩‍💻 Product Engineer Framework", "👩‍💻 Product Engineer Framework 1", "👩‍💻 Product Engineer Framework 3", 2, "Competencies")]
    [InlineData("gitlab-pm-cdf/gitlab-pm-cdf.csv", "gitlab-pm-cdf", "Intermediate PM", "Senior Principal PM", 4, "Thought Leadership")]
    public async Task A_user_plans_against_an_imported_framework_from_audit_to_roadmap_to_goal(
        string file, string frameworkName, string fromRole, string toRole, int skills, string skillName)
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("frameworks");
        await page.GetByLabel("Framework file").SetInputFilesAsync(Path.Combine([AppContext.BaseDirectory, "TestData", "frameworks", .. file.Split('/')]));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync($"Imported '{frameworkName}'");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Plan against {frameworkName}" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync($"Your plan now uses '{frameworkName}'");
        await Expect(page.GetByTestId("framework").Filter(new() { HasText = "Your plan" })).ToContainTextAsync(frameworkName);

        // The careers pages show the plan's framework.
        await page.GotoAsync("skills");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = skillName })).ToBeVisibleAsync();
        await Expect(page.Locator("article.skill")).ToHaveCountAsync(skills);

        // A full audit on the framework's scale.
        await new AssessmentPages(page).StartAuditAsync(fromRole);
        var progress = page.GetByTestId("progress");
        await Expect(progress).ToHaveTextAsync($"0 of {skills} rated");
        var fieldsets = page.Locator("fieldset.rate");
        await Expect(fieldsets).ToHaveCountAsync(skills);
        for (var i = 0; i < skills; i++)
        {
            await fieldsets.Nth(i).Locator(".rate__options > label").First.ClickAsync();
            await Expect(progress).ToHaveTextAsync($"{i + 1} of {skills} rated");
        }

        await new AssessmentPages(page).FinishAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/assessment/audits/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = skillName })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // A roadmap up the framework's ladder, with the gaps the audit left.
        await new RoadmapPages(page).CreateAsync("Up the ladder", fromRole, toRole);
        await Expect(page.GetByText(toRole).First).ToBeVisibleAsync();
        // None of these frameworks has salaries, growth resources or typical times: the page says so rather than pretend.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Salary at each step" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("no-suggestions").First).ToContainTextAsync("This framework lists no courses, certifications or other growth resources");
        await Expect(page.GetByText("this framework gives no typical times")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, $"framework-roadmap-{Path.GetFileNameWithoutExtension(file)}-phone");
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();

        // A goal building one of the framework's skills.
        var goals = new GoalPages(page);
        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync("Run a monthly review with my team");
        await goals.MeasureAsync("reviews", 0, 6);
        await goals.DescribeAchievableAsync("One afternoon a month");
        await goals.LinkSkillAsync(skillName);
        await goals.SetDeadlineAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6));
        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();
        await Expect(page.GetByText(skillName).First).ToBeVisibleAsync();
    }
}
