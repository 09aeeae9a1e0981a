using Microsoft.Playwright;

namespace CareerPath.BrowserTests;

public static class Screenshots
{
    /// <summary>Saves a full-page screenshot for people to look at; never part of an assertion.</summary>
    public static async Task ScreenshotAsync(this BrowserFixture fixture, IPage page, string name)
    {
        _ = fixture;
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
