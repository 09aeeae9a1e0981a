using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests.Pages;

/// <summary>The assessment pages: audit, results, feedback, aspirations; one method per user action.</summary>
public sealed class AssessmentPages(IPage page)
{
    public static readonly string[] Skills =
    [
        "software-development", "system-architecture", "data-analysis", "agile-methods", "technical-concepts",
        "strategic-thinking", "communication", "team-collaboration", "decision-making", "leadership",
        "market-analysis", "customer-focus", "product-strategy", "stakeholder-management", "business-strategy", "project-management",
    ];

    public ILocator Progress => page.GetByTestId("progress");

    public async Task StartAuditAsync(string currentRole)
    {
        await page.GotoAsync("assessment");
        await page.GetByLabel("The role you hold now").SelectOptionAsync(new SelectOptionValue { Label = currentRole });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new audit" }).ClickAsync();
        await Expect(Progress).ToBeVisibleAsync();
    }

    /// <summary>Rates a skill by choosing the level's option (the radio inside its label).</summary>
    public async Task RateAsync(string skill, int level, int ratedAfter)
    {
        await Option(skill, level).ClickAsync();
        await Expect(Progress).ToHaveTextAsync($"{ratedAfter} of {Skills.Length} rated");
    }

    /// <summary>A level's option (its label, the card the user clicks) in the skill's fieldset.</summary>
    public ILocator Option(string skill, int level) => Skill(skill).Locator(".rate__options > label").Nth(level - 1);

    /// <summary>A level's radio, as a keyboard and a screen reader reach it.</summary>
    public ILocator Radio(string skill, int level) => Skill(skill).GetByRole(AriaRole.Radio).Nth(level - 1);

    /// <summary>A skill's fieldset, found by its legend (which holds the anchor "Re-rate now" links to).</summary>
    public ILocator Skill(string skill) => page.Locator($"fieldset:has(> legend#rate-{skill})");

    public async Task AddEvidenceAsync(string skill, string evidence)
    {
        var box = page.Locator($"#evidence-{skill}");
        await box.FillAsync(evidence);
        await box.BlurAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Evidence saved" })).ToBeVisibleAsync();
    }

    public Task FinishAsync() =>
        page.GetByRole(AriaRole.Button, new() { Name = "Finish audit" }).First.ClickAsync();

    public async Task<string> CreateFeedbackLinkAsync(string name, string relationship)
    {
        await page.GotoAsync("assessment/feedback");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start round" });
        var ask = page.GetByLabel("Their name");
        await Expect(start.Or(ask)).ToBeVisibleAsync();
        if (await start.IsVisibleAsync())
        {
            await start.ClickAsync();
        }

        await ask.FillAsync(name);
        await page.GetByLabel("How you know them").SelectOptionAsync(new SelectOptionValue { Label = relationship });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a feedback link" }).ClickAsync();
        var link = page.GetByTestId("new-link");
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/feedback/"));
        return await link.InputValueAsync();
    }

    public async Task CloseRoundAsync()
    {
        await page.GotoAsync("assessment/feedback");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round now" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close it" }).ClickAsync();
        await Expect(page.GetByTestId("round-results").First).ToBeVisibleAsync();
    }
}

/// <summary>The anonymous respondent's questionnaire.</summary>
public sealed class RespondentPage(IPage page)
{
    public Task OpenAsync(string link) => page.GotoAsync(link);

    /// <summary>Opens a link that takes answers and waits until the browser keeps them as they are given.</summary>
    public async Task OpenToAnswerAsync(string link)
    {
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("form[data-draft-kept]")).ToHaveCountAsync(1);
    }

    public Task RateAsync(string skill, int level) =>
        page.GetByTestId($"skill-{skill}").Locator($"label[for='{skill}-{level}']").ClickAsync();

    public Task CommentAsync(string text) => page.GetByLabel("Anything else you'd like to say").FillAsync(text);

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Submit feedback" }).ClickAsync();
}
