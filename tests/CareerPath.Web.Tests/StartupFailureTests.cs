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
}
