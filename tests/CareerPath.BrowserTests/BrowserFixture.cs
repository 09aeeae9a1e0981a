using CareerPath.Testing;
using Microsoft.Playwright;

namespace CareerPath.BrowserTests;

/// <summary>
/// One running app (its own database file) and one Chromium for the whole test run; each test gets a fresh
/// browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("careerpath-browser-").FullName;
    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CAREERPATH_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("CAREERPATH_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppProcess.RepositoryRoot, "artifacts", "screenshots");

    public string DatabasePath => Path.Combine(_folder, "careerpath.db");

    public async Task InitializeAsync()
    {
        App = AppProcess.Start(DatabasePath);
        await App.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IPage> NewPageAsync(int width = 1280, int height = 900) => NewPageAsync(App, width, height);

    /// <summary>A page in a fresh browser context on <paramref name="app"/> (a test's own server, say).</summary>
    public async Task<IPage> NewPageAsync(AppProcess app, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
