using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace CareerPath.Benchmarks.Load;

/// <summary>What a server process costs, read from outside it: /proc for memory and CPU, EventPipe for the managed heap.</summary>
public static class ProcessProbe
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>Resident memory (VmRSS) of the process, in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The process's thread count (many more than cores: thread-pool threads blocked on something).</summary>
    public static int Threads(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal))["Threads:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The whole machine's CPU time so far, in seconds: busy (every process: user, nice, system, interrupts) and
    /// waiting on the disk (iowait), from /proc/stat. Over an interval, busy near the core count means work; neither
    /// busy nor waiting on the disk means everyone waits on something else (timers, locks, the network).
    /// </summary>
    public static (double Busy, double IoWait) MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...
        return ((fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]) / TicksPerSecond, fields[4] / TicksPerSecond);
    }

    /// <summary>CPU time used so far (user + system), in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 14th and 15th fields.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>
    /// The live managed heap: the bytes a full, blocking collection kept in all generations (large and pinned object
    /// heaps included). The collection is the one the runtime performs when an EventPipe session asks for the
    /// GCHeapCollect keyword (as dotnet-gcdump does); the sizes come from that collection's GCHeapStats event. No
    /// change to the measured app is needed, only its diagnostics port (on by default).
    /// </summary>
    public static async Task<long> LiveHeapBytesAsync(int pid, TimeSpan? timeout = null)
    {
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
        };
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollection = false;
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += e => fullCollection |= e.Depth == 2 && e.Type != GCType.BackgroundGC;
        source.Clr.GCHeapStats += e =>
        {
            if (fullCollection)
            {
                // What the collection kept (every generation's survivors, large and pinned objects included), not the
                // generations' sizes, which also count free space between survivors and varied by tens of KB per
                // circuit from run to run on the same build.
                result.TrySetResult(e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4);
            }
        };
        var processing = Task.Run(() => source.Process());
        try
        {
            return await result.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
