using System.IO.Compression;
using Microsoft.Playwright;

namespace CareerPath.Benchmarks;

/// <summary>
/// What WebSocket compression buys and costs a circuit, measured the same way with it off and on: the server's
/// resident memory per open interactive page (slope over N pages in real Chromium), and the bytes a typical session
/// sends over the socket (rating ten skills, then typing a goal's outcome key by key, which re-runs the SMART check).
/// With compression on, Chromium reports frames decompressed, so the bytes on the wire are computed by deflating the
/// session's frames as permessage-deflate would (one stream per direction, flushed per message).
/// Run: dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- circuits [pages] [gc]   (gc: compare garbage-collector settings instead)
/// </summary>
internal static class CircuitCost
{
    private const string Password = "correct horse battery staple";

    public static async Task RunAsync(int pages, bool compareGc)
    {
        var publish = await PublishedApp.PublishAsync();
        using var playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("CAREERPATH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });

        Console.WriteLine($"Circuit cost, published app, {pages} extra open pages per setting (Chromium {browser.Version}):");
        var settings = compareGc
            ? new (string Name, Dictionary<string, string> Environment)[]
            {
                ("server GC (default)", []),
                ("server GC, conserve memory 5", new() { ["DOTNET_GCConserveMemory"] = "5" }),
                ("workstation GC", new() { ["DOTNET_gcServer"] = "0" }),
                ("workstation GC, non-concurrent", new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "0" }),
            }
            : [("compression off", new() { ["Circuits__WebSocketCompression"] = "false" }), ("compression on", new() { ["Circuits__WebSocketCompression"] = "true" })];
        foreach (var (name, environment) in settings)
        {
            await using var app = await PublishedApp.StartAsync(publish, environment);
            var context = await browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
            var page = await context.NewPageAsync();
            await RegisterAsync(page);
            var traffic = await SessionTrafficAsync(context, page);
            var idle = app.ResidentBytes;
            var perPage = await MemoryPerPageAsync(app, context, pages);
            Console.WriteLine($"  {name,-32} {perPage / 1024.0,6:0} KB RSS per open page (idle {idle / 1048576.0:0} MiB);  session: {traffic.Messages} messages, " +
                $"{traffic.Raw / 1024.0:0.0} KB as sent, {traffic.Deflated / 1024.0:0.0} KB if deflated ({100.0 * traffic.Deflated / traffic.Raw:0}%)");
            await context.CloseAsync();
        }
    }

    private sealed record Traffic(int Messages, long Raw, long Deflated);

    private static async Task RegisterAsync(IPage page)
    {
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("Email").FillAsync($"circuits-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
    }

    private static async Task<Traffic> SessionTrafficAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        var frames = new List<(bool Sent, byte[] Payload)>();
        void Record(bool sent, System.Text.Json.JsonElement? e)
        {
            var response = e!.Value.GetProperty("response");
            var data = response.GetProperty("payloadData").GetString() ?? "";
            var payload = response.GetProperty("opcode").GetInt32() == 2 ? Convert.FromBase64String(data) : System.Text.Encoding.UTF8.GetBytes(data);
            lock (frames)
            {
                frames.Add((sent, payload));
            }
        }

        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => Record(false, e);
        cdp.Event("Network.webSocketFrameSent").OnEvent += (_, e) => Record(true, e);

        await page.GotoAsync("assessment");
        await page.GetByLabel("The role you hold now").SelectOptionAsync(new SelectOptionValue { Label = "Product Manager" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new audit" }).ClickAsync();
        var skills = page.Locator("fieldset.rate");
        await skills.First.WaitForAsync();
        for (var i = 0; i < 10; i++)
        {
            await skills.Nth(i).Locator(".rate__options > label").Nth(2).ClickAsync();
            await page.GetByText($"{i + 1} of ").WaitForAsync();
        }

        await page.GotoAsync("goals/new");
        var outcome = page.GetByLabel("Specific: the outcome");
        await outcome.WaitForAsync();
        await outcome.PressSequentiallyAsync("Run twelve customer discovery interviews for billing", new() { Delay = 30 });
        await page.GetByTestId("smart-check").GetByText("Looks good.").First.WaitForAsync();
        await Task.Delay(500);

        lock (frames)
        {
            return new Traffic(frames.Count, frames.Sum(f => (long)f.Payload.Length), Deflated(frames.Where(f => f.Sent)) + Deflated(frames.Where(f => !f.Sent)));
        }
    }

    /// <summary>Bytes after permessage-deflate with context takeover: one raw deflate stream, flushed at each message's end.</summary>
    private static long Deflated(IEnumerable<(bool Sent, byte[] Payload)> frames)
    {
        using var output = new MemoryStream();
        using var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);
        long total = 0;
        foreach (var (_, payload) in frames)
        {
            var before = output.Length;
            deflate.Write(payload);
            deflate.Flush();
            // The trailing 00 00 FF FF of a sync flush is not sent (RFC 7692, 7.2.1).
            total += output.Length - before - 4;
        }

        return total;
    }

    /// <summary>Resident memory added per open interactive page: (after − before) / N, after the pages are live.</summary>
    private static async Task<long> MemoryPerPageAsync(PublishedApp app, IBrowserContext context, int pages)
    {
        var warm = await context.NewPageAsync();
        await OpenGoalFormAsync(warm);
        await Task.Delay(1000);
        var before = app.ResidentBytes;
        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            await OpenGoalFormAsync(page);
            open.Add(page);
        }

        await Task.Delay(1000);
        var after = app.ResidentBytes;
        foreach (var page in open)
        {
            await page.CloseAsync();
        }

        return (after - before) / pages;
    }

    private static async Task OpenGoalFormAsync(IPage page)
    {
        await page.GotoAsync("goals/new");
        // Typed text reaching the SMART check proves the circuit is live.
        await page.GetByLabel("Specific: the outcome").FillAsync("Ship the partner API with two launch customers");
        await page.GetByTestId("smart-check").GetByText("Looks good.").First.WaitForAsync();
    }
}
