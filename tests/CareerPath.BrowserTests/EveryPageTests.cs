using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// Every page of the app, signed out and signed in with a full data set (audit, feedback, aspirations, roadmap,
/// goals) full of long names and long words, and the forms in their error states: zero axe-core WCAG 2.0/2.1 A
/// and AA violations and no sideways scrolling at 360 × 740, 390 × 844 and 1366 × 900, with full-page screenshots.
/// A page added later without a line here fails <see cref="Every_routable_page_is_in_the_sweep"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EveryPageTests(BrowserFixture fixture)
{
    private static readonly (int Width, int Height)[] Sizes = [(360, 740), (390, 844), (1366, 900)];

    private const string LongName = "Maximiliana-Alexandrovna Featherstonehaugh-Wolfeschlegelsteinhausenbergerdorff";
    private const string LongWord = "Supercalifragilisticexpialidociousness-of-the-quarterly-roadmap-alignment-sessions";

    /// <summary>Each page's route template, and whether the sweep visits it signed out, signed in, or both (documentation for the reader; the lists below visit them).</summary>
    private static readonly Dictionary<string, string> Covered = new()
    {
        ["/"] = "both",
        ["/roles"] = "both",
        ["/roles/{Slug}"] = "both",
        ["/tracks"] = "both",
        ["/skills"] = "both",
        ["/certifications"] = "both",
        ["/not-found"] = "out",
        ["/Error"] = "out",
        ["/Account/Login"] = "out",
        ["/Account/Register"] = "out",
        ["/Account/RegisterConfirmation"] = "out",
        ["/Account/ConfirmEmail"] = "out",
        ["/Account/ForgotPassword"] = "out",
        ["/Account/ForgotPasswordConfirmation"] = "out",
        ["/Account/ResetPassword"] = "out",
        ["/Account/LoginWith2fa"] = "out",
        ["/Account/LoginWithRecoveryCode"] = "out",
        ["/Account/AccessDenied"] = "out",
        ["/Account/InvalidUser"] = "out",
        ["/Account/Deleted"] = "out",
        ["/Account/SignOut"] = "in",
        ["/feedback/{Token}"] = "out",
        ["/dashboard"] = "in",
        ["/assessment"] = "in",
        ["/assessment/audit"] = "in",
        ["/assessment/audits/{Id:guid}"] = "in",
        ["/assessment/aspirations"] = "in",
        ["/assessment/feedback"] = "in",
        ["/roadmap"] = "in",
        ["/roadmap/compare"] = "in",
        ["/roadmap/{Id:guid}"] = "in",
        ["/roadmap/{Id:guid}/print"] = "in",
        ["/goals"] = "in",
        ["/goals/new"] = "in",
        ["/goals/{Id:guid}"] = "in",
        ["/Account/Manage"] = "in",
        ["/Account/Manage/ChangePassword"] = "in",
        ["/Account/Manage/Data"] = "in",
        ["/Account/Manage/DeletePersonalData"] = "in",
        ["/Account/Manage/Sessions"] = "in",
        ["/Account/Manage/TwoFactor"] = "in",
        ["/Account/Manage/Administrators"] = "in",
        ["/frameworks"] = "in",
        ["/frameworks/{Id:guid}/edit"] = "in",
        ["/frameworks/{Id:guid}/move"] = "in",
    };

    [Fact]
    public void Every_routable_page_is_in_the_sweep()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CareerPath.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var routes = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "CareerPath.Web"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(line => PageDirective().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet();

        Assert.Empty(routes.Except(Covered.Keys));
        Assert.Empty(Covered.Keys.Except(routes));
    }

    [Fact]
    public async Task Every_page_signed_out_passes_axe_and_fits_a_phone()
    {
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        var respondentLink = await FeedbackLinkFromAnotherUserAsync();
        var paths = new List<(string Path, string Name)>
        {
            ("", "home"), ("roles", "roles"), ("roles/technical-product-manager", "role"), ("tracks", "tracks"), ("skills", "skills"),
            ("certifications", "certifications"), ("not-found", "not-found"), ("Error", "error"), ("no/such/page", "unknown-page"),
            ("Account/Login", "sign-in"), ("Account/Register", "register"), ("Account/RegisterConfirmation?email=someone%40example.com", "register-confirmation"),
            ("Account/ConfirmEmail?userId=nobody&code=nothing", "confirm-email"), ("Account/ForgotPassword", "forgot-password"),
            ("Account/ForgotPasswordConfirmation", "forgot-password-sent"), ("Account/ResetPassword?code=not-a-real-code", "reset-password"),
            ("Account/LoginWith2fa", "sign-in-second-step"), ("Account/LoginWithRecoveryCode", "sign-in-recovery-code"),
            ("Account/AccessDenied", "access-denied"), ("Account/InvalidUser", "invalid-user"), ("Account/Deleted", "account-deleted"),
            (respondentLink, "respondent-form"), ("feedback/not-a-real-token", "respondent-unknown-link"),
        };
        await SweepAsync(page, paths, problems);

        // Forms in their error states.
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("Account/Register");
            await page.GetByLabel("Email").FillAsync(AccountPages.NewEmail());
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
            await page.GetByLabel("Confirm password").FillAsync("different");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(page.Locator(".field__error, .validation-message").First).ToBeVisibleAsync();
            await CheckAsync(page, $"register-errors-{width}", problems);

            await page.GotoAsync("Account/Login");
            await new AccountPages(page).FillSignInAsync("nobody@example.com", "wrong password here");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await CheckAsync(page, $"sign-in-error-{width}", problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public async Task Every_page_signed_in_with_a_full_data_set_passes_axe_and_fits_a_phone()
    {
        var page = await fixture.NewPageAsync();
        var (auditUrl, roadmapUrl, goalUrl) = await FullDataSetAsync(page);
        var editUrl = await PersonalFrameworkEditUrlAsync(page);
        var problems = new List<string>();
        var paths = new List<(string Path, string Name)>
        {
            ("dashboard", "dashboard"), ("assessment", "assessment"), ("assessment/audit", "audit-none-open"), (auditUrl, "audit-results"),
            ("assessment/aspirations", "aspirations"), ("assessment/feedback", "feedback"),
            ("roadmap", "roadmaps"), ("roadmap/compare", "roadmap-compare"), (roadmapUrl, "roadmap"), (roadmapUrl + "/print", "roadmap-print"),
            ("goals", "goals"), ("goals/new", "goal-new"), (goalUrl, "goal"),
            ("", "home-signed-in"), ("roles", "roles-signed-in"), ("roles/technical-product-manager", "role-signed-in"), ("tracks", "tracks-signed-in"),
            ("skills", "skills-signed-in"), ("certifications", "certifications-signed-in"),
            ("Account/Manage", "profile"), ("Account/Manage/ChangePassword", "change-password"), ("Account/Manage/Data", "your-data"),
            ("Account/Manage/DeletePersonalData", "delete-account"), ("Account/Manage/Sessions", "sessions"), ("Account/Manage/TwoFactor", "two-factor"),
            ("Account/Manage/Administrators", "administrators"), ("frameworks", "frameworks"), (editUrl, "framework-edit"),
            (editUrl.Replace("/edit", "/move", StringComparison.Ordinal), "plan-move"), ("Account/SignOut", "sign-out"),
        };
        await SweepAsync(page, paths, problems);

        // An audit in progress, and forms in their error states.
        await new AssessmentPages(page).StartAuditAsync("Product Manager");
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("assessment/audit");
            await Expect(page.GetByTestId("progress")).ToBeVisibleAsync();
            await CheckAsync(page, $"audit-in-progress-{width}", problems);

            await page.GotoAsync("goals/new");
            await page.GetByLabel("Specific: the outcome").FillAsync(LongWord);
            await page.GetByLabel("A measured value").CheckAsync();
            await page.GetByLabel("Target value").FillAsync("1e15");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create goal" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await CheckAsync(page, $"goal-new-errors-{width}", problems);

            await page.GotoAsync("roadmap");
            await page.GetByLabel("To (the role you want)").SelectOptionAsync(new SelectOptionValue { Label = "Product Owner" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Create roadmap" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await CheckAsync(page, $"roadmap-new-error-{width}", problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    private async Task SweepAsync(IPage page, List<(string Path, string Name)> paths, List<string> problems)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, name) in paths)
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await CheckAsync(page, $"{name}-{width}", problems);
            }
        }
    }

    private async Task CheckAsync(IPage page, string name, List<string> problems)
    {
        if (page.ViewportSize is not { Width: < 380 })
        {
            await fixture.ScreenshotAsync(page, name);
        }

        // axe at the phone and laptop sizes (the smallest phone adds layout, not rules); the width everywhere.
        var checks = new List<Func<Task>> { page.AssertFitsTheWidthAsync };
        if (page.ViewportSize is { Width: < 800 })
        {
            checks.Add(page.AssertStickyBarsFitAsync);
        }

        if (page.ViewportSize is not { Width: < 380 })
        {
            checks.Add(page.AssertAccessibleAsync);
        }

        foreach (var check in checks)
        {
            try
            {
                await check();
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                problems.Add($"[{name}] {ex.Message}");
            }
        }
    }

    /// <summary>A feedback link from another account, for the anonymous respondent's form.</summary>
    private async Task<string> FeedbackLinkFromAnotherUserAsync()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), name: LongName);
        var link = await new AssessmentPages(page).CreateFeedbackLinkAsync(LongName, "Peer");
        await page.Context.CloseAsync();
        return link;
    }

    /// <summary>Imports the example framework as the user's own; returns its editor's address.</summary>
    private static async Task<string> PersonalFrameworkEditUrlAsync(IPage page)
    {
        var example = await (await page.APIRequest.GetAsync("frameworks/example.json")).BodyAsync();
        await page.GotoAsync("frameworks");
        await page.GetByLabel("Store it as").SelectOptionAsync(new SelectOptionValue { Label = "A new framework only you can see" });
        await page.GetByLabel("Framework file").SetInputFilesAsync(new FilePayload { Name = "example.json", MimeType = "application/json", Buffer = example });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("Imported");
        return (await page.GetByRole(AriaRole.Link, new() { Name = "Edit ", Exact = false }).First.GetAttributeAsync("href"))!;
    }

    /// <summary>Builds everything a user can have, through the pages, with long names and long words; returns the detail pages' addresses.</summary>
    private async Task<(string Audit, string Roadmap, string Goal)> FullDataSetAsync(IPage page)
    {
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), name: LongName, currentRole: "Product Manager");
        var assessment = new AssessmentPages(page);
        await assessment.StartAuditAsync("Product Manager");
        for (var i = 0; i < AssessmentPages.Skills.Length; i++)
        {
            await assessment.RateAsync(AssessmentPages.Skills[i], 1 + (i % 4), i + 1);
        }

        await assessment.AddEvidenceAsync("communication", LongWord + " " + LongWord);
        await assessment.FinishAsync();
        await Expect(page).ToHaveURLAsync(AuditResultsUrl());
        var auditUrl = page.Url;

        foreach (var (name, level) in new[] { (LongName, 5), ("Jo", 4), ("Kim", 3) })
        {
            var respondentPage = await fixture.NewPageAsync();
            var respondent = new RespondentPage(respondentPage);
            await respondent.OpenAsync(await assessment.CreateFeedbackLinkAsync(name, "Peer"));
            await respondent.RateAsync("communication", level);
            await respondent.CommentAsync(LongWord);
            await respondent.SubmitAsync();
            await Expect(respondentPage.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
            await respondentPage.Context.CloseAsync();
        }

        await assessment.CloseRoundAsync();
        await assessment.CreateFeedbackLinkAsync(LongName + " the second", "Supervisor");

        await page.GotoAsync("assessment/aspirations");
        await page.GetByLabel("The role you want next").SelectOptionAsync(new SelectOptionValue { Label = "Technical Product Manager" });
        await page.GetByLabel("Timeframe for the next move (months)").FillAsync("18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reflection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();

        var roadmaps = new RoadmapPages(page);
        await roadmaps.CreateAsync(LongName, "Product Manager", "Technical Product Manager");
        var roadmapUrl = page.Url;
        await roadmaps.AcceptFirstSuggestionAsync();
        await roadmaps.AddMilestoneAsync(LongWord, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40));
        await Expect(roadmaps.Milestones).ToContainTextAsync(LongWord);
        await roadmaps.CreateAsync("Second roadmap", "Product Manager", "Senior Product Manager");

        await page.GotoAsync("goals/new?template=cspo");
        var goals = new GoalPages(page);
        await goals.TypeOutcomeAsync(LongName + " earns the certification " + LongWord);
        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();
        var goalUrl = page.Url;
        await goals.CheckInAsync(null, LongWord);
        return (auditUrl, roadmapUrl, goalUrl);
    }

    [GeneratedRegex("^@page \"([^\"]+)\"")]
    private static partial Regex PageDirective();

    [GeneratedRegex("/assessment/audits/[0-9a-f-]+$")]
    private static partial Regex AuditResultsUrl();
}
