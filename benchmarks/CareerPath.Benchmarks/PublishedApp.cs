using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareerPath.Benchmarks;

/// <summary>The app published as a self-hoster runs it (Release, artifacts/bench-publish), started on a loopback port with a fresh database.</summary>
internal sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private AppLog? _log;

    private PublishedApp(Process process, string folder, bool ownsFolder, Uri address)
    {
        _process = process;
        _folder = folder;
        _ownsFolder = ownsFolder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the app wrote to its console.</summary>
    public string LogPath => Path.Combine(_folder, "app.log");

    /// <summary>The SQLite database the app runs on.</summary>
    public string DatabasePath => Path.Combine(_folder, "bench.db");

    public int ProcessId => _process.Id;

    /// <summary>The exit code if the app has stopped on its own.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The server's resident memory now, from /proc.</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
    }

    public static async Task<string> PublishAsync()
    {
        var root = RepositoryRoot();
        var publish = Path.Combine(root, "artifacts", "bench-publish");
        await RunAsync("dotnet", $"publish src/CareerPath.Web/CareerPath.Web.csproj -c Release -o \"{publish}\" --nologo -v q", root);
        return publish;
    }

    /// <summary>
    /// Starts the published app on a fresh database in a new temporary folder, or on the database already in
    /// <paramref name="folder"/> (which is then left in place when the app stops, so a later start finds it again).
    /// </summary>
    public static async Task<PublishedApp> StartAsync(string publish, IDictionary<string, string>? settings = null, string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("careerpath-bench-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(publish, "CareerPath.Web"))
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__CareerPath"] = $"Data Source={Path.Combine(folder, "bench.db")}",
                ["RateLimits__Scale"] = "1000",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        // The app's log, beside its database: what went wrong if a measurement looks odd.
        var log = new AppLog(Path.Combine(folder, "app.log"));
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new PublishedApp(process, folder, ownsFolder, new Uri($"http://127.0.0.1:{port}/")) { _log = log };
        using var client = new HttpClient { BaseAddress = app.Address };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The published app did not become healthy within a minute.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _log?.Dispose();
        if (_ownsFolder)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}).");
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareerPath.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Appends the app's console lines to a file; lines arriving after it is closed are dropped.</summary>
    private sealed class AppLog(string path) : IDisposable
    {
        private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
        private bool _closed;

        public void Write(string? line)
        {
            lock (_writer)
            {
                if (!_closed && line is not null)
                {
                    _writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (_writer)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
