using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CareerPath.Benchmarks;

/// <summary>
/// Bytes a browser downloads for a cold and a warm visit to /, /roles and /dashboard, from the published app (as a
/// self-hoster runs it), asking for Brotli or gzip as browsers do. A warm visit reuses what the cache may keep:
/// assets served immutable or with a max-age are not asked for again; others are revalidated.
/// Run: dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- transfer
/// </summary>
internal static partial class TransferSizes
{
    private const string Password = "correct horse battery staple";

    public static async Task RunAsync()
    {
        var root = RepositoryRoot();
        var publish = Path.Combine(root, "artifacts", "bench-publish");
        await RunAsync("dotnet", $"publish src/CareerPath.Web/CareerPath.Web.csproj -c Release -o \"{publish}\" --nologo -v q", root);
        var folder = Directory.CreateTempSubdirectory("careerpath-transfer-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(publish, "CareerPath.Web"))
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__CareerPath"] = $"Data Source={Path.Combine(folder, "transfer.db")}",
            },
        };
        using var app = Process.Start(start)!;
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            var address = new Uri($"http://127.0.0.1:{port}/");
            using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = address };
            client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
            await WaitForHealthAsync(client);

            Console.WriteLine("Transfer per visit (published app, Brotli or gzip as offered; bytes include response headers):");
            Console.WriteLine($"  {"page",-12} {"cold",10} {"warm",10}   cold by kind");
            foreach (var path in new[] { "/", "/roles" })
            {
                await ReportAsync(client, path);
            }

            await RegisterAsync(client);
            await ReportAsync(client, "/dashboard");
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ReportAsync(HttpClient client, string path)
    {
        var cache = new Dictionary<string, HttpResponseMessage>();
        var cold = await VisitAsync(client, path, cache);
        var warm = await VisitAsync(client, path, cache);
        var kinds = string.Join("  ", cold.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {Kb(k.Value)}"));
        Console.WriteLine($"  {path,-12} {Kb(cold.Total),10} {Kb(warm.Total),10}   {kinds}");
    }

    private sealed record Visit(long Total, Dictionary<string, long> ByKind);

    private static async Task<Visit> VisitAsync(HttpClient client, string path, Dictionary<string, HttpResponseMessage> cache)
    {
        var byKind = new Dictionary<string, long>();
        using var page = await client.GetAsync(path);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)page.StatusCode}.");
        }

        var html = await DecodedAsync(page);
        Add(byKind, "html", await SizeAsync(page));
        foreach (var asset in Assets().Matches(html).Select(m => m.Groups["url"].Value).Distinct())
        {
            var url = asset.StartsWith('/') ? asset : "/" + asset;
            var kind = Path.GetExtension(new Uri(new Uri("http://x"), url).AbsolutePath).TrimStart('.');
            if (cache.TryGetValue(url, out var earlier) && IsFresh(earlier))
            {
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (earlier?.Headers.ETag is { } etag)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            var response = await client.SendAsync(request);
            Add(byKind, kind, await SizeAsync(response));
            cache[url] = response;
        }

        return new Visit(byKind.Values.Sum(), byKind);
    }

    private static bool IsFresh(HttpResponseMessage response) =>
        response.Headers.CacheControl is { } control && (control.Extensions.Any(e => e.Name == "immutable") || control.MaxAge > TimeSpan.Zero) && !control.NoCache;

    private static async Task<long> SizeAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        var headers = response.Headers.ToString().Length + response.Content.Headers.ToString().Length + 17;
        return body + headers;
    }

    private static async Task<string> DecodedAsync(HttpResponseMessage page)
    {
        var bytes = await page.Content.ReadAsByteArrayAsync();
        Stream stream = new MemoryStream(bytes);
        if (page.Content.Headers.ContentEncoding.Contains("br"))
        {
            stream = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionMode.Decompress);
        }
        else if (page.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        }

        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task RegisterAsync(HttpClient client)
    {
        var form = await DecodedAsync(await client.GetAsync("/Account/Register"));
        var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
            ["Input.Email"] = $"transfer-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration answered {(int)response.StatusCode}.");
        }
    }

    private static async Task WaitForHealthAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The published app did not become healthy within a minute.");
    }

    private static async Task RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}).");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareerPath.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Add(Dictionary<string, long> byKind, string kind, long bytes) => byKind[kind] = byKind.GetValueOrDefault(kind) + bytes;

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0} KB";

    [GeneratedRegex("""<(?:link[^>]*\bhref|script[^>]*\bsrc)="(?<url>[^"]+\.(?:css|js|png|ico|woff2?)[^"]*)""")]
    private static partial Regex Assets();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
