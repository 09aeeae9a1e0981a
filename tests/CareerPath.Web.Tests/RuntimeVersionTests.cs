using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using CareerPath.Testing;

namespace CareerPath.Web.Tests;

/// <summary>The app ships with the .NET runtime pinned in Directory.Build.targets, not the older one the SDK knows.</summary>
public sealed class RuntimeVersionTests
{
    private static readonly string AppFolder = Path.GetDirectoryName(AppProcess.ExecutablePath)!;

    [Fact]
    public void The_pin_is_a_net9_servicing_release()
    {
        var pinned = PinnedRuntimeVersion();

        Assert.Equal((9, 0), (pinned.Major, pinned.Minor));
        Assert.True(pinned.Build >= 22, $"the pin {pinned} is older than 9.0.22, which the toolchain notes already found on the registry");
    }

    [Fact]
    public void The_built_app_bundles_both_frameworks_at_the_pinned_runtime_or_newer()
    {
        var pinned = PinnedRuntimeVersion();
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppFolder, "CareerPath.Web.runtimeconfig.json")));
        var included = config.RootElement.GetProperty("runtimeOptions").GetProperty("includedFrameworks").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => Version.Parse(f.GetProperty("version").GetString()!));

        Assert.Equal(["Microsoft.AspNetCore.App", "Microsoft.NETCore.App"], included.Keys.Order(StringComparer.Ordinal));
        Assert.All(included, framework => Assert.True(framework.Value >= pinned, $"{framework.Key} {framework.Value} is older than the pinned {pinned}"));
    }

    [Fact]
    public void The_built_app_runs_the_concurrent_workstation_garbage_collector()
    {
        // The choice recorded in docs/benchmarks.md ("Circuits"): a third of server GC's memory per open page.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppFolder, "CareerPath.Web.runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(options.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(options.GetProperty("System.GC.Concurrent").GetBoolean());
    }

    [Theory]
    [InlineData("System.Private.CoreLib.dll")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel.Core.dll")]
    public void The_runtime_files_next_to_the_app_are_the_pinned_release_or_newer(string file)
    {
        var pinned = PinnedRuntimeVersion();
        // ProductVersion reads like "9.0.23+<commit>"; the file's own version numbers differ from the release number.
        var product = FileVersionInfo.GetVersionInfo(Path.Combine(AppFolder, file)).ProductVersion!;

        Assert.True(Version.Parse(product.Split('+', '-')[0]) >= pinned, $"{file} is {product}, older than the pinned {pinned}");
    }

    /// <summary>The one place the version is written: the CareerPathRuntimeVersion property.</summary>
    private static Version PinnedRuntimeVersion()
    {
        var targets = XDocument.Load(Path.Combine(AppProcess.RepositoryRoot, "Directory.Build.targets"));
        var value = targets.Descendants().Single(e => e.Name.LocalName == "CareerPathRuntimeVersion").Value.Trim();
        return Version.Parse(value);
    }
}
