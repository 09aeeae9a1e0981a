using CareerPath.BrowserTests.Pages;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// One error path: when the database does not answer in time, an action says so in words, keeps what was typed and
/// the connection, and works when tried again; the failure is logged.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FailureTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_database_timeout_is_explained_keeps_the_form_and_the_retry_saves_once()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var goals = new GoalPages(page);
        await goals.OpenNewAsync();
        await goals.TypeOutcomeAsync("Present the pricing experiment results to the leadership team");
        await goals.SetDeadlineAsync(DateOnly.FromDateTime(DateTime.Today).AddDays(40));

        // Another process holds the write lock longer than the app waits for it (its command timeout, 30 s).
        await using (var blocker = new SqliteConnection($"Data Source={fixture.DatabasePath};Default Timeout=30"))
        {
            await blocker.OpenAsync();
            await using (var lockIt = blocker.CreateCommand())
            {
                lockIt.CommandText = "BEGIN EXCLUSIVE;";
                await lockIt.ExecuteNonQueryAsync();
            }

            await goals.SaveNewAsync();

            var alert = page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("something went wrong on our side", new() { Timeout = 60_000 });
            await Expect(page.GetByLabel("Specific: the outcome")).ToHaveValueAsync("Present the pricing experiment results to the leadership team");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/goals/new$"));
            await page.AssertAccessibleAsync();
            await fixture.ScreenshotAsync(page, "goal-new-database-busy-390");

            await using var release = blocker.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        // The same circuit, the same form: sent again, it is saved, once.
        await goals.SaveNewAsync();
        await goals.ExpectDetailAsync();
        await page.GotoAsync("goals");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Present the pricing experiment results to the leadership team" })).ToHaveCountAsync(1);
        Assert.Contains("An action failed unexpectedly", fixture.App.Output, StringComparison.Ordinal);
    }
}
