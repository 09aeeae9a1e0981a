using CareerPath.BrowserTests.Pages;
using CareerPath.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// A page whose data is read while prerendering hands it to the live page (PersistentComponentState) instead of
/// reading it again when the circuit starts: counted in the app's own SQL log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadOnceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_roadmaps_page_reads_the_database_once_for_prerendering_and_the_live_page()
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-load-once-").FullName;
        var app = AppProcess.Start(Path.Combine(folder, "careerpath.db"), new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        try
        {
            await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
            var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            await new AccountPages(page).RegisterAsync(AccountPages.NewEmail(), currentRole: "Product Manager");
            await new RoadmapPages(page).CreateAsync("To TPM", "Product Manager", "Technical Product Manager");

            var before = app.Output.Length;
            await page.GotoAsync("roadmap");
            // The form shows only once the page is live, so the circuit has started and initialised the page.
            await Expect(page.GetByLabel("Name")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("roadmaps")).ToContainTextAsync("To TPM");
            await Task.Delay(500);

            var log = app.Output[before..];
            var reads = log.Split("FROM \"Roadmaps\"").Length - 1;
            Assert.True(reads == 1, $"The roadmaps were read {reads} times:\n{log}");
            await context.CloseAsync();
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
