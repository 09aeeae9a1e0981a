using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// Pages checked so far (every page is the aim): the pages the promises rest on (feedback rounds and results, the respondent's questionnaire, where you're signed
/// in, your data) pass axe-core and fit a 390 px phone as well as a 1366 px laptop, with long names and long words.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageQualityTests(BrowserFixture fixture)
{
    private static readonly int[] Widths = [390, 1366];

    [Fact]
    public async Task Feedback_respondent_session_and_data_pages_pass_axe_and_fit_a_phone_and_a_laptop()
    {
        var page = await fixture.NewPageAsync();
        var email = AccountPages.NewEmail();
        await new AccountPages(page).RegisterAsync(email);
        await MakeAdministratorAsync(email);
        var assessment = new AssessmentPages(page);
        var longName = "Maximiliana-Alexandrovna-Featherstonehaugh-Wolfeschlegelsteinhausen";
        foreach (var (name, level) in new[] { (longName, 5), ("Jo", 4), ("Kim", 3) })
        {
            var respondentPage = await fixture.NewPageAsync();
            var respondent = new RespondentPage(respondentPage);
            await respondent.OpenAsync(await assessment.CreateFeedbackLinkAsync(name, "Peer"));
            await respondent.RateAsync("communication", level);
            await respondent.CommentAsync(name + " says: " + new string('w', 120));
            await respondent.SubmitAsync();
            await Expect(respondentPage.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
            await respondentPage.Context.CloseAsync();
        }

        await assessment.CloseRoundAsync();
        var waiting = await assessment.CreateFeedbackLinkAsync(longName + "-the-second", "Supervisor");
        var questionnaire = await fixture.NewPageAsync();
        await new RespondentPage(questionnaire).OpenAsync(waiting);
        await Expect(questionnaire.GetByTestId("rated-count")).ToBeVisibleAsync();

        var pages = new (IPage Page, string Path, string Name)[]
        {
            (page, "assessment/feedback", "feedback"),
            (page, "Account/Manage/Sessions", "sessions"),
            (page, "Account/Manage/Data", "data"),
            (page, "Account/Manage/TwoFactor", "two-factor"),
            (page, "Account/Manage/Administrators", "administrators"),
            (questionnaire, waiting, "respondent-form"),
        };
        foreach (var width in Widths)
        {
            foreach (var (target, path, name) in pages)
            {
                await target.SetViewportSizeAsync(width, width < 800 ? 844 : 900);
                await target.GotoAsync(path);
                await target.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await fixture.ScreenshotAsync(target, $"{name}-{width}");
                await target.AssertFitsTheWidthAsync();
                await target.AssertAccessibleAsync();
            }
        }
    }

    // Through the operator's tool, as a server's first administrator would do it.
    private async Task MakeAdministratorAsync(string email)
    {
        using var tool = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            CareerPath.Testing.AppProcess.BuiltExecutable("CareerPath.Tools"), ["make-admin", email, "--database", fixture.DatabasePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = await tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        Assert.True(tool.ExitCode == 0, error);
    }

    [Fact]
    public async Task Sign_in_and_password_reset_pages_pass_axe_and_fit_a_phone_and_a_laptop()
    {
        var page = await fixture.NewPageAsync();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width < 800 ? 844 : 900);
            foreach (var (path, name) in new[]
            {
                ("Account/Login", "sign-in"),
                ("Account/ForgotPassword", "forgot-password"),
                ("Account/ForgotPasswordConfirmation", "forgot-password-sent"),
                ("Account/ResetPassword?code=not-a-real-code", "reset-password"),
            })
            {
                await page.GotoAsync(path);
                await fixture.ScreenshotAsync(page, $"{name}-{width}");
                await page.AssertFitsTheWidthAsync();
                await page.AssertAccessibleAsync();
            }
        }
    }
}
