using System.Diagnostics;

namespace CareerPath.Benchmarks.Load;

/// <summary>
/// Linux <c>perf record</c> of one process for a while: on-CPU samples with call stacks, native code (SQLite, the
/// runtime, the kernel) included, which an EventPipe sample of managed threads does not separate from waiting. The
/// process must run with <c>DOTNET_PerfMapEnabled=1</c> so that perf can name JIT-compiled methods, and with
/// <c>DOTNET_EnableWriteXorExecute=0</c>, or the code runs from a double mapping perf does not match with that map. Read the result
/// with <c>perf report -i FILE --no-children</c>.
/// </summary>
public sealed class PerfRecord
{
    private readonly Process _process;

    private PerfRecord(Process process) => _process = process;

    public static PerfRecord? Start(int pid, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        try
        {
            var process = Process.Start(new ProcessStartInfo("perf", $"record -F 499 -g -p {pid} -o \"{output}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            // perf's own messages (what it wrote, or why it could not) go to the console.
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line)
                {
                    Console.WriteLine("  perf: " + line);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new PerfRecord(process);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"perf could not start ({ex.Message}); install Debian's linux-perf to profile.");
            return null;
        }
    }

    /// <summary>Stops recording the way Ctrl+C does, so perf writes its file completely.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var interrupt = Process.Start("kill", $"-INT {_process.Id}"))
            {
                await interrupt.WaitForExitAsync();
            }

            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
