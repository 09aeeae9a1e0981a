using System.Diagnostics;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>Runs the built CareerPath.Tools executable as an operator would, in a process of its own.</summary>
public static class ToolProcess
{
    /// <summary>A launcher that runs a command with the everyday umask 022, so a private file proves the program made it so.</summary>
    public static readonly IReadOnlyList<string> WithUmask022 = ["/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh"];

    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        string[] command = [.. WithUmask022, AppProcess.BuiltExecutable("CareerPath.Tools"), .. args];
        var info = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("ConnectionStrings__CareerPath");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
