using System.Globalization;

namespace CareerPath.Web.Capacity;

/// <summary>
/// How many live circuits (open interactive pages, one WebSocket each) the server admits, and how many connections
/// Kestrel accepts. Each circuit holds a socket, so the process's open-file limit bounds them: past it the runtime
/// cannot open a socket, a database file or a thread, and everyone connected loses their work. The cap keeps well
/// inside both that limit and the memory the process may use, so the newcomer is told "busy" instead.
/// </summary>
public sealed record CircuitCapacity(int MaxLiveCircuits, int MaxConnections, string Reason)
{
    /// <summary>
    /// Files kept, beyond those open when the app starts (the runtime keeps each loaded assembly open: about 350), for
    /// everything that is not a visitor's socket: assemblies loaded later, the database, its journal and pool, logs.
    /// </summary>
    public const int ReservedFiles = 256;

    /// <summary>Memory budgeted per circuit: three times the 319 KB measured per open page (docs/benchmarks.md, "Circuits"), for pages that hold more.</summary>
    public const long BytesPerCircuit = 1024 * 1024;

    /// <summary>
    /// The cap from configuration (<c>Circuits:MaxLive</c>), else derived: three quarters of the files left after the
    /// reserve (the last quarter serves plain requests, including the "busy" answers), and three quarters of the
    /// memory the process may use at <see cref="BytesPerCircuit"/> each; the smaller wins.
    /// </summary>
    public static CircuitCapacity Resolve(IConfiguration configuration, long? openFileLimit, int openFiles, long availableMemoryBytes)
    {
        var byMemory = (int)Math.Clamp(availableMemoryBytes / 4 * 3 / BytesPerCircuit, 1, int.MaxValue);
        var byFiles = openFileLimit is { } fileLimit ? (int)Math.Clamp((fileLimit - openFiles - ReservedFiles) * 3 / 4, 1, int.MaxValue) : int.MaxValue;
        var maxConnections = openFileLimit is { } limit ? (int)Math.Clamp(limit - openFiles - (ReservedFiles / 2), 1, int.MaxValue) : int.MaxValue;
        var configured = configuration.GetValue<int?>("Circuits:MaxLive");
        if (configured is > 0)
        {
            return new CircuitCapacity(configured.Value, Math.Max(maxConnections, configured.Value), "set by Circuits:MaxLive");
        }

        var files = openFileLimit?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        return byFiles <= byMemory
            ? new CircuitCapacity(byFiles, maxConnections, $"from the open-file limit, {files}, with {openFiles} open at start")
            : new CircuitCapacity(byMemory, maxConnections, $"from the memory available ({availableMemoryBytes / (1024 * 1024)} MiB)");
    }

    /// <summary>How many files the process has open now; 0 where that cannot be read.</summary>
    public static int CountOpenFiles(string folder = "/proc/self/fd")
    {
        try
        {
            return Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The soft limit on open files, from /proc/self/limits; null where there is none to read.</summary>
    public static long? ReadOpenFileLimit(string path = "/proc/self/limits")
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
