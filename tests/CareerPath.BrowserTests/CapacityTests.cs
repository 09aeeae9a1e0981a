using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using CareerPath.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>
/// Admission control: with a low open-file limit (<c>ulimit -n</c>) the server admits a few circuits, answers a
/// newcomer with a friendly "busy" page, and those already connected keep working; the process never runs out of files.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CapacityTests(BrowserFixture fixture)
{
    /// <summary>Circuits the test wants the derived cap to allow: (limit − open at start − reserve) × 3/4 = 3.</summary>
    private const int SpareFiles = 4;

    [Fact]
    public async Task At_the_cap_a_newcomer_is_told_to_try_again_and_those_connected_keep_working()
    {
        // The files the app holds when it resolves its cap depend on the build: learn them from a first start.
        var openAtStart = await OpenFilesAtStartAsync();
        var limit = openAtStart + 256 + SpareFiles;

        await using var app = await AppProcess.StartOwnAsync(launcher: Ulimit(limit));
        var contexts = new List<IBrowserContext>();
        try
        {
            var cap = int.Parse(CapLine().Match(await app.WaitForOutputAsync("Admitting at most", TimeSpan.FromSeconds(10))).Groups[1].Value);
            Assert.InRange(cap, 1, 6);

            // Fill every place: each user registers and opens an interactive page (one circuit each).
            var outcomes = new List<ILocator>();
            for (var i = 0; i < cap; i++)
            {
                var page = await NewPageAsync(app, contexts);
                await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
                await page.GotoAsync("goals/new");
                var outcome = page.GetByLabel("Specific: the outcome");
                await outcome.FillAsync($"Ship the partner API with customer {i}");
                await Expect(page.GetByTestId("smart-check")).ToContainTextAsync("Measurable");
                outcomes.Add(outcome);
            }

            // The newcomer may sign up (static pages hold no circuit), but their first interactive page is a 503 with
            // Retry-After and a page that explains, readable on a phone and accessible.
            var newcomer = await NewPageAsync(app, contexts, width: 390, height: 844);
            await new AccountPages(newcomer).RegisterAsync(AccountPages.NewEmail());
            var response = await newcomer.GotoAsync("goals/new");
            Assert.Equal((int)HttpStatusCode.ServiceUnavailable, response!.Status);
            Assert.Equal("30", await response.HeaderValueAsync("retry-after"));
            await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CareerPath is busy right now");
            await newcomer.AssertAccessibleAsync();
            await newcomer.AssertFitsTheWidthAsync();
            await fixture.ScreenshotAsync(newcomer, "busy-390");

            // Sockets opened straight at /_blazor without a page (as a flood would) stop at the hard limit (cap + 1
            // here), so they can never take the files everyone else needs.
            var raw = new List<ClientWebSocket>();
            for (var i = 0; i < 5; i++)
            {
                var socket = new ClientWebSocket();
                try
                {
                    await socket.ConnectAsync(new Uri($"ws://{app.BaseAddress.Authority}/_blazor"), CancellationToken.None);
                    raw.Add(socket);
                }
                catch (WebSocketException)
                {
                    socket.Dispose();
                    break;
                }
            }

            Assert.InRange(raw.Count, 0, 1);

            // Those already here are unaffected: their pages still act, and a reload keeps their place.
            var first = outcomes[0].Page;
            await outcomes[0].FillAsync("Be better");
            await Expect(first.GetByTestId("smart-check")).ToContainTextAsync("at least 4 words");
            var reload = await first.ReloadAsync();
            Assert.Equal((int)HttpStatusCode.OK, reload!.Status);
            await first.GetByLabel("Specific: the outcome").FillAsync("Ship the partner API with two launch customers");
            await Expect(first.GetByTestId("smart-check")).Not.ToContainTextAsync("at least 4 words");

            foreach (var socket in raw)
            {
                socket.Abort();
                socket.Dispose();
            }

            // When someone leaves, the newcomer gets in.
            await contexts[1].CloseAsync();
            var status = 0;
            for (var attempt = 0; attempt < 60 && status != (int)HttpStatusCode.OK; attempt++)
            {
                await Task.Delay(500);
                status = (await newcomer.GotoAsync("goals/new"))!.Status;
            }

            Assert.Equal((int)HttpStatusCode.OK, status);
            await newcomer.GetByLabel("Specific: the outcome").FillAsync("Be better");
            await Expect(newcomer.GetByTestId("smart-check")).ToContainTextAsync("at least 4 words");
            Assert.False(app.HasExited, "The app stopped:\n" + app.Errors);
            Assert.DoesNotContain("Too many open files", app.Output + app.Errors, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    private static string[] Ulimit(int files) => ["bash", "-c", $"ulimit -n {files} && exec \"$0\" \"$@\""];

    private static async Task<int> OpenFilesAtStartAsync()
    {
        await using var probe = await AppProcess.StartOwnAsync(launcher: Ulimit(4096));
        var line = await probe.WaitForOutputAsync("Admitting at most", TimeSpan.FromSeconds(10));
        return int.Parse(OpenLine().Match(line).Groups[1].Value);
    }

    private async Task<IPage> NewPageAsync(AppProcess app, List<IBrowserContext> contexts, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(app, width, height);
        contexts.Add(page.Context);
        return page;
    }

    [GeneratedRegex(@"Admitting at most (\d+) live circuits")]
    private static partial Regex CapLine();

    [GeneratedRegex(@"with (\d+) open at start")]
    private static partial Regex OpenLine();
}
