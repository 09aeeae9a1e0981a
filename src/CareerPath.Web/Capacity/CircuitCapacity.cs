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

    /// <summary>Live connections one signed-in account may hold: tabs and a phone, not enough to fill the server.</summary>
    public const int MaxSocketsPerUser = 10;

    /// <summary>
    /// Live connections, sockets included, past which /_blazor refuses a new one: the cap plus a tenth, the room kept for
    /// those already here (a reload opens its new page before the old one's socket closes). Kestrel enforces it too.
    /// </summary>
    public int HardLimit => MaxLiveCircuits + Math.Max(1, MaxLiveCircuits / 10);

    /// <summary>Sockets for visitors without an account (only a feedback questionnaire needs one): a tenth of the cap, at least 10.</summary>
    public int MaxAnonymousSockets => Math.Max(10, MaxLiveCircuits / 10);

    /// <summary>
    /// Disconnected circuits kept for their users to reconnect to (within Blazor's three minutes): a tenth of the cap, at
    /// least Blazor's default of 100. A Wi-Fi hand-over or a proxy reload drops many sockets at once; a user whose
    /// circuit was not kept reloads the page and loses what they were typing. Memory allows it: the cap budgets
    /// <see cref="BytesPerCircuit"/> per page, three times the 319 KB measured, so a tenth more pages fit well inside.
    /// </summary>
    public int MaxRetainedDisconnected => Math.Max(100, MaxLiveCircuits / 10);

    /// <summary>
    /// The cap from configuration (<c>Circuits:MaxLive</c>), else derived: three quarters of the files left after those
    /// open at start and the reserve (the last quarter serves plain requests, including the "busy" answers), and three
    /// quarters of the memory the process may use at <see cref="BytesPerCircuit"/> each; the smaller wins. Plain
    /// connections get what the files allow beyond the sockets' <see cref="HardLimit"/>.
    /// </summary>
    public static CircuitCapacity Resolve(IConfiguration configuration, long? openFileLimit, int openFiles, long availableMemoryBytes)
    {
        var byMemory = (int)Math.Clamp(availableMemoryBytes / 4 * 3 / BytesPerCircuit, 1, int.MaxValue);
        var byFiles = openFileLimit is { } fileLimit ? (int)Math.Clamp((fileLimit - openFiles - ReservedFiles) * 3 / 4, 1, int.MaxValue) : int.MaxValue;
        var configured = configuration.GetValue<int?>("Circuits:MaxLive");
        var files = openFileLimit?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        var (cap, reason) = configured is > 0
            ? (configured.Value, "set by Circuits:MaxLive")
            : byFiles <= byMemory
                ? (byFiles, $"from the open-file limit, {files}, with {openFiles} open at start")
                : (byMemory, $"from the memory available ({availableMemoryBytes / (1024 * 1024)} MiB)");
        var capacity = new CircuitCapacity(cap, int.MaxValue, reason);
        if (openFileLimit is { } limit)
        {
            var sockets = limit - openFiles - (ReservedFiles / 2);
            capacity = capacity with { MaxConnections = (int)Math.Clamp(sockets - capacity.HardLimit, 16, int.MaxValue) };
        }

        return capacity;
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
