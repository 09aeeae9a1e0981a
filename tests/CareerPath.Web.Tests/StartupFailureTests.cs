using CareerPath.Testing;

namespace CareerPath.Web.Tests;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task An_unusable_database_path_stops_the_app_with_one_clear_line()
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-blocked-").FullName;
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");
        var databasePath = Path.Combine(blocker, "careerpath.db");

        await using var app = AppProcess.Start(databasePath);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var lines = app.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("CareerPath cannot start. Cannot use the database at", line);
        Assert.Contains(databasePath, line);
        Assert.DoesNotContain("   at ", app.Errors + app.Output);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("ReverseProxy__KnownProxies", "10.0.0.300", "ReverseProxy:KnownProxies: '10.0.0.300' is not an IP address")]
    [InlineData("ReverseProxy__KnownNetworks", "10.0.0.0/33", "ReverseProxy:KnownNetworks: '10.0.0.0/33' is not a network in CIDR form")]
    [InlineData("Smtp__Host", "mail.example.org", "Smtp:From is required when Smtp:Host is set")]
    public async Task A_proxy_or_mail_setting_the_app_cannot_use_stops_it_with_one_clear_line(string key, string value, string message)
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-proxy-setting-").FullName;

        await using var app = AppProcess.Start(Path.Combine(folder, "careerpath.db"), new Dictionary<string, string> { [key] = value });
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(app.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("CareerPath cannot start. " + message, line);
        Assert.False(File.Exists(Path.Combine(folder, "careerpath.db")), "Nothing is created before the settings are read.");
        Directory.Delete(folder, recursive: true);
    }
}
