using System.Net;
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
        await using var app = await PublishedApp.StartAsync(await PublishedApp.PublishAsync());
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        Console.WriteLine("Transfer per visit (published app, Brotli or gzip as offered; bytes include response headers):");
        Console.WriteLine($"  {"page",-12} {"cold",10} {"warm",10}   cold by kind");
        foreach (var path in new[] { "/", "/roles" })
        {
            await ReportAsync(client, path);
        }

        await RegisterAsync(client);
        await ReportAsync(client, "/dashboard");
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

    private static void Add(Dictionary<string, long> byKind, string kind, long bytes) => byKind[kind] = byKind.GetValueOrDefault(kind) + bytes;

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0} KB";

    [GeneratedRegex("""<(?:link[^>]*\bhref|script[^>]*\bsrc)="(?<url>[^"]+\.(?:css|js|png|ico|woff2?)[^"]*)""")]
    private static partial Regex Assets();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
