using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CareerPath.Testing;

/// <summary>
/// Runs the real, built CareerPath.Web executable as a separate process on a loopback port, with its own
/// database file, exactly as a user would start it.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _ownFolder;
    private bool _disposed;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerPath.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Cannot find CareerPath.sln above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The web app's own build output, built by the same configuration as the tests.</summary>
    public static string ExecutablePath => BuiltExecutable("CareerPath.Web");

    /// <summary>The build output of a project under src/ that makes an executable of the same name.</summary>
    public static string BuiltExecutable(string project)
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var rid = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var name = OperatingSystem.IsWindows() ? project + ".exe" : project;
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", configuration, "net9.0", rid, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first: " + path);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the app; it is not yet known to be listening (see <see cref="WaitUntilListeningAsync"/>). A
    /// <paramref name="launcher"/> (a command and its arguments, e.g. <c>setpriv …</c>) runs the app instead of
    /// starting it directly.
    /// </summary>
    public static AppProcess Start(string databasePath, IDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
        => Start(ExecutablePath, Path.GetDirectoryName(ExecutablePath)!, databasePath, environment, launcher);

    /// <summary>Starts another build of the app (a published folder, say) from <paramref name="workingDirectory"/>.</summary>
    public static AppProcess Start(string executable, string workingDirectory, string databasePath, IDictionary<string, string>? environment = null,
        IReadOnlyList<string>? launcher = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        string[] command = [.. launcher ?? [], executable, "--urls", baseAddress.ToString().TrimEnd('/')];
        var info = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.Environment["ConnectionStrings__CareerPath"] = $"Data Source={databasePath}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Information";
        // Tests register many accounts from one address; the limits themselves are tested in SecurityTests.
        info.Environment["RateLimits__Scale"] = "1000";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (app._output)
            {
                app._output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Now listening on", StringComparison.Ordinal))
            {
                app._listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (app._errors)
                {
                    app._errors.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => app._listening.TrySetException(new InvalidOperationException(
            $"The app exited with code {process.ExitCode} before listening.\nstdout:\n{app.Output}\nstderr:\n{app.Errors}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>
    /// A server of a test's own, with its database in a temporary folder that goes when it is disposed (disposing it
    /// twice, say to stop it mid-test and again at the end, is fine), started and listening.
    /// </summary>
    public static async Task<AppProcess> StartOwnAsync(IDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-own-").FullName;
        var app = Start(Path.Combine(folder, "careerpath.db"), environment, launcher);
        app._ownFolder = folder;
        try
        {
            await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async Task WaitUntilListeningAsync(TimeSpan timeout) =>
        await _listening.Task.WaitAsync(timeout);

    /// <summary>Waits until the app has written the text to standard output (its log is written in the background).</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The app did not write \"{text}\" within {timeout.TotalSeconds:0} s.\nstdout:\n{Output}\nstderr:\n{Errors}");
            }

            await Task.Delay(50);
        }

        return Output;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownFolder is not null)
        {
            Directory.Delete(_ownFolder, recursive: true);
        }
    }
}
