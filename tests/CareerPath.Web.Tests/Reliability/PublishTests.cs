using System.Diagnostics;
using System.Net;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>The README's publish command makes a folder that runs on a machine without .NET.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly ReliabilityDb _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_published_folder_runs_without_the_sdk_from_any_directory_and_serves_pages_styles_and_sign_up()
    {
        var folder = _files.File("published");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(AppProcess.RepositoryRoot, "src", "CareerPath.Web"), "-c", "Release", "-o", folder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = publish.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            await publish.WaitForExitAsync(timeout.Token);
        }

        Assert.True(publish.ExitCode == 0, await log);
        Assert.True(File.Exists(Path.Combine(folder, "CareerPath.Web")), "The publish folder has no CareerPath.Web executable.");

        // No dotnet on the PATH and no DOTNET_ROOT: only what is in the folder. Started from elsewhere, as systemd may.
        var elsewhere = Directory.CreateDirectory(_files.File("elsewhere")).FullName;
        await using var app = AppProcess.Start(Path.Combine(folder, "CareerPath.Web"), elsewhere, _files.File("data/careerpath.db"),
            new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = "", ["DOTNET_ROOT_X64"] = "" });
        await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Contains("Technical Product Manager", await client.GetStringAsync("roles"));
        using var styles = await client.GetAsync("app.css");
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);

        // Every stylesheet and script the home page links is fingerprinted and immutable, or at least compressed.
        using var compressing = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.BaseAddress };
        compressing.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
        var home = await client.GetStringAsync("");
        var assets = System.Text.RegularExpressions.Regex.Matches(home, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(assets.Count >= 4, string.Join(", ", assets));
        foreach (var asset in assets)
        {
            using var response = await compressing.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.Count > 0, $"{asset} is not compressed");
            if (System.Text.RegularExpressions.Regex.IsMatch(asset, "\\.[a-z0-9]{10}\\.(css|js)$"))
            {
                Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "published@example.com", "Published"));
    }
}
