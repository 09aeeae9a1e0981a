using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CareerPath.Benchmarks.Load;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CareerPath.Benchmarks;

/// <summary>The load benchmark's settings, from the command line.</summary>
internal sealed record LoadOptions(int Circuits, double Acting, TimeSpan Interval, TimeSpan Duration, int Steps, int Parallel, bool Browser, int BrowserClicks,
    IReadOnlyDictionary<string, string> Environment, bool PerPage = false, string? PerfFolder = null, IReadOnlyList<string>? Pages = null)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).FirstOrDefault();
        static TimeSpan Duration(string text) => text.EndsWith("ms", StringComparison.Ordinal)
            ? TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture))
            : text.EndsWith('m') ? TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture))
            : TimeSpan.FromSeconds(double.Parse(text.TrimEnd('s'), CultureInfo.InvariantCulture));
        return new LoadOptions(
            Circuits: int.Parse(Value("--circuits") ?? "20", CultureInfo.InvariantCulture),
            Acting: double.Parse(Value("--acting") ?? "1.0", CultureInfo.InvariantCulture),
            Interval: Duration(Value("--interval") ?? "10s"),
            Duration: Duration(Value("--duration") ?? "60s"),
            Steps: int.Parse(Value("--steps") ?? "4", CultureInfo.InvariantCulture),
            Parallel: int.Parse(Value("--parallel") ?? "16", CultureInfo.InvariantCulture),
            Browser: !args.Contains("--no-browser"),
            BrowserClicks: int.Parse(Value("--browser-clicks") ?? "20", CultureInfo.InvariantCulture),
            // --env NAME=VALUE (repeatable): set for both servers, e.g. DOTNET_GCgen0size or an app setting such as Circuits__MaxLive.
            Environment: args.Select((a, i) => (a, i)).Where(x => x.a == "--env" && x.i + 1 < args.Count)
                .Select(x => args[x.i + 1].Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]),
            // One page acting at a time, so the server's CPU of one action can be told page by page.
            PerPage: args.Contains("--per-page"),
            // perf record of CareerPath while acting, one file per acting phase (Linux perf, with the runtime's perf map).
            PerfFolder: Value("--perf"),
            // --pages audit,goal: only those of CareerPath's pages (by a word of their name); the baseline always runs.
            Pages: Value("--pages")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

/// <summary>
/// Opens N live circuits without a browser on each of CareerPath's skill audit, goal detail and roadmap detail pages
/// and on a hello-world counter app built the same way (the baseline), measures what each circuit costs the server,
/// then makes a share of them act at a set rate while one real Chromium page clicks on the same pages.
/// Run: dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- load [--circuits N] [--acting 1.0]
///      [--interval 10s] [--duration 60s] [--steps 4] [--parallel 16] [--browser-clicks 20] [--no-browser] [--env NAME=VALUE]...
///      [--per-page] [--perf FOLDER]
/// </summary>
internal static partial class LoadBenchmark
{
    private const string Password = "correct horse battery staple";

    public static async Task RunAsync(LoadOptions options)
    {
        Console.WriteLine($"Load benchmark: {options.Circuits:N0} circuits per page, {options.Acting:P0} acting every {options.Interval.TotalSeconds:0.#} s for {options.Duration.TotalSeconds:0} s; " +
            $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB" +
            string.Concat(options.Environment.Select(e => $"; {e.Key}={e.Value}")));
        var publish = await PublishedApp.PublishAsync();
        var counterPublish = await PublishCounterAsync();

        var folder = Directory.CreateTempSubdirectory("careerpath-load-").FullName;
        try
        {
            var settings = new Dictionary<string, string>
            {
                // Registration is limited per address; every simulated user comes from 127.0.0.1.
                ["RateLimits__Scale"] = "1000000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (name, value) in options.Environment)
            {
                settings[name] = value;
            }

            if (options.PerfFolder is not null)
            {
                // perf names JIT-compiled methods from the map the runtime writes to /tmp/perf-PID.map, for code it runs
                // from ordinary anonymous memory (not W^X's double mapping).
                settings["DOTNET_PerfMapEnabled"] = "1";
                settings["DOTNET_EnableWriteXorExecute"] = "0";
            }

            List<LoadUser> users;
            var clock = Stopwatch.StartNew();
            await using (var app = await PublishedApp.StartAsync(publish, settings, folder))
            {
                // One more than the circuits per page: the last user's circuits warm each page up and Chromium clicks as
                // them, so no measured circuit shares its data with another.
                users = await RegisterAsync(app.Address, options.Circuits + 1, options.Parallel);
            }

            var registration = clock.Elapsed;
            Console.WriteLine($"Registered {users.Count:N0} users through the form in {registration.TotalSeconds:0.0} s ({options.Parallel} at a time)");

            var database = Path.Combine(folder, "bench.db");
            clock.Restart();
            var ids = await LoadSeeder.UserIdsAsync(database, users.Select(u => u.Email).ToList());
            var plans = await LoadSeeder.SeedAsync(database, ids);
            users = users.Select((u, i) => u with { Plan = plans[ids[i]] }).ToList();
            Console.WriteLine($"Seeded {users.Count:N0} plans ({LoadSeeder.Steps} steps, {LoadSeeder.CheckIns} check-ins each, a finished and a draft audit, a roadmap) in {clock.Elapsed.TotalSeconds:0.0} s");

            var commitsPerSecond = await DurableCommitsPerSecondAsync(folder, TimeSpan.FromSeconds(4));
            Console.WriteLine($"Bare SQLite (WAL, synchronous=FULL, one INSERT per transaction) beside the app's database: {commitsPerSecond:N0} commits/s");

            await using var careerPath = await PublishedApp.StartAsync(publish, settings, folder);
            await using var counter = await CounterServer.StartAsync(counterPublish, options.Environment);
            await RunLoadAsync(options, careerPath, counter, users, commitsPerSecond);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record PageResult(PageScenario Scenario, int ServerPid)
    {
        public List<BlazorCircuit> Circuits { get; } = [];

        public int FailedToStart;
        public int NothingLeft;
        public int TimedOut;
        public int Failed;
        public List<string> Errors { get; } = [];
        public ConcurrentBag<ActionTiming> Timings { get; } = [];
        public List<double> BrowserMs { get; } = [];
        public double RssPerCircuit = double.NaN;
        public double HeapPerCircuit = double.NaN;
        public double OpenSeconds;

        /// <summary>With --per-page: the page's own acting phase, and the server's CPU in it.</summary>
        public double PhaseSeconds;
        public double ServerCpuSeconds;
    }

    private static async Task RunLoadAsync(LoadOptions options, PublishedApp careerPath, CounterServer counter, List<LoadUser> users, double commitsPerSecond)
    {
        // One client for every user: cookies go by hand (BlazorCircuit adds the user's), and idle connections close soon,
        // so page loads do not hold sockets beside the circuits'.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) });
        var pages = new List<(PageResult Result, Uri Address)>
        {
            (new PageResult(new CounterScenario(), counter.ProcessId), counter.Address),
            (new PageResult(new AuditScenario(), careerPath.ProcessId), careerPath.Address),
            (new PageResult(new GoalScenario(), careerPath.ProcessId), careerPath.Address),
            (new PageResult(new RoadmapScenario(), careerPath.ProcessId), careerPath.Address),
        };
        pages.RemoveAll(p => p.Result.Scenario is not CounterScenario && options.Pages is { } chosen
            && !p.Result.Scenario.Name.Split(' ').Intersect(chosen, StringComparer.OrdinalIgnoreCase).Any());

        // Memory per circuit: open the page's circuits in steps, after each step read RSS and the live heap (after a
        // forced full collection); the slope over the circuits open is the cost of one.
        var cpuBefore = (CareerPath: ProcessProbe.CpuSeconds(careerPath.ProcessId), Counter: ProcessProbe.CpuSeconds(counter.ProcessId));
        foreach (var (page, address) in pages)
        {
            // Warm the page (JIT, caches) with one circuit that stays open and is not counted.
            var warm = await OpenAsync(page, http, address, users[^1]);
            page.Circuits.Add(warm);
            var rss = new List<(double, double)>();
            var heap = new List<(double, double)>();
            async Task MeasureAsync(int open)
            {
                await Task.Delay(1000);
                heap.Add((open, await ProcessProbe.LiveHeapBytesAsync(page.ServerPid)));
                rss.Add((open, ProcessProbe.ResidentBytes(page.ServerPid)));
            }

            await MeasureAsync(0);
            var clock = Stopwatch.StartNew();
            var opened = 0;
            for (var step = 1; step <= options.Steps; step++)
            {
                var upTo = options.Circuits * step / options.Steps;
                var batch = users.Take(Math.Min(upTo, users.Count - 1)).Skip(opened).ToList();
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (user, _) =>
                {
                    try
                    {
                        var circuit = await OpenAsync(page, http, address, user);
                        lock (page.Circuits)
                        {
                            page.Circuits.Add(circuit);
                        }
                    }
                    catch (Exception ex)
                    {
                        Interlocked.Increment(ref page.FailedToStart);
                        lock (page.Errors)
                        {
                            page.Errors.Add(ex.GetType().Name + ": " + ex.Message);
                        }
                    }
                });
                opened = upTo;
                await MeasureAsync(page.Circuits.Count - 1);
            }

            page.OpenSeconds = clock.Elapsed.TotalSeconds;
            page.RssPerCircuit = Stats.Slope(rss);
            page.HeapPerCircuit = Stats.Slope(heap);
            var largest = page.Circuits.LastOrDefault(c => c.Failure is null)?.Read(d => d.Frames().Values.DefaultIfEmpty().Max()) ?? 0;
            Console.WriteLine($"  {page.Scenario.Name,-20} {page.Circuits.Count - 1,6:N0} circuits open in {page.OpenSeconds,5:0} s ({page.FailedToStart} failed): " +
                $"RSS {page.RssPerCircuit / 1024,6:0} KB/circuit, live heap {page.HeapPerCircuit / 1024,6:0} KB/circuit; largest component about {largest} frames");
        }

        var openCpu = (CareerPath: ProcessProbe.CpuSeconds(careerPath.ProcessId) - cpuBefore.CareerPath, Counter: ProcessProbe.CpuSeconds(counter.ProcessId) - cpuBefore.Counter);

        // The acting phase: each acting circuit acts once per interval from a random phase; Chromium clicks meanwhile.
        // With --per-page, one page acts at a time (each for the whole duration), so the server's CPU per action is
        // that page's alone.
        var phases = options.PerPage ? pages.Select(p => new[] { p }).ToList() : [pages.ToArray()];
        var random = new Random(42);
        // Each page's actions, not just its first render, are compiled and tiered up before anything is measured: a
        // server that has run a while has, and the first actions after a start otherwise set the p95 (about 1 s here).
        await WarmUpAsync(pages.Select(p => p.Result).ToList(), options.Interval, TimeSpan.FromSeconds(6));

        // Summed over the phases, each from its start (Chromium live) to its last action: Chromium's start-up is not in them.
        var (actSeconds, actCpu, clientSeconds) = (0.0, (CareerPath: 0.0, Counter: 0.0), 0.0);
        var threads = ProcessProbe.Threads(careerPath.ProcessId);
        foreach (var phase in phases)
        {
            Console.WriteLine($"Acting for {options.Duration.TotalSeconds:0} s" + (options.PerPage ? $" on {phase[0].Result.Scenario.Name} only..." : "..."));
            // Chromium starts and opens its tabs before the phase does: its start-up takes both cores for several seconds
            // here, which, inside the phase, held up the first actions of every page (and counted as their latency).
            var browserReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var browserGo = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
            var browser = options.Browser ? BrowserClicksAsync([.. phase], users[^1], options.BrowserClicks, browserReady, browserGo.Task) : Task.CompletedTask;
            if (options.Browser)
            {
                await browserReady.Task;
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            var stop = DateTime.UtcNow + options.Duration;
            browserGo.TrySetResult(stop);
            var phaseCpu = (CareerPath: ProcessProbe.CpuSeconds(careerPath.ProcessId), Counter: ProcessProbe.CpuSeconds(counter.ProcessId));
            var phaseClientCpu = Environment.CpuUsage.TotalTime;
            var acting = new List<Task>();
            foreach (var (page, _) in phase)
            {
                foreach (var circuit in page.Circuits.Skip(1))
                {
                    if (random.NextDouble() < options.Acting)
                    {
                        var offset = TimeSpan.FromMilliseconds(random.NextDouble() * options.Interval.TotalMilliseconds);
                        acting.Add(ActLoopAsync(page, circuit, offset, options.Interval, stop));
                    }
                }
            }

            var perf = options.PerfFolder is null ? null
                : PerfRecord.Start(careerPath.ProcessId, Path.Combine(options.PerfFolder, (options.PerPage ? phase[0].Result.Scenario.Name.Split(' ')[0] : "all") + ".perf.data"));
            var phaseClock = Stopwatch.StartNew();
            var all = Task.WhenAll(acting);
            var (tickCpu, tickClientCpu, tickSeconds) = (ProcessProbe.CpuSeconds(careerPath.ProcessId), Environment.CpuUsage.TotalTime, 0.0);
            var tickMachine = ProcessProbe.MachineCpuSeconds();
            while (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5))) != all)
            {
                // Every 5 s: what is done, and the cores CareerPath and this client used since the line before, so a
                // stall shows as waiting (few cores) or as work (two cores).
                threads = Math.Max(threads, ProcessProbe.Threads(careerPath.ProcessId));
                var (cpu, clientNow, seconds) = (ProcessProbe.CpuSeconds(careerPath.ProcessId), Environment.CpuUsage.TotalTime, phaseClock.Elapsed.TotalSeconds);
                var machine = ProcessProbe.MachineCpuSeconds();
                Console.WriteLine($"  {seconds,4:0} s: " + string.Join(", ", phase.Select(p => $"{p.Result.Scenario.Name} {p.Result.Timings.Count} done, {p.Result.TimedOut} timed out")) +
                    $"; cores: CareerPath {(cpu - tickCpu) / (seconds - tickSeconds):0.00}, client {(clientNow - tickClientCpu).TotalSeconds / (seconds - tickSeconds):0.00}, " +
                    $"machine {(machine.Busy - tickMachine.Busy) / (seconds - tickSeconds):0.00} busy and {(machine.IoWait - tickMachine.IoWait) / (seconds - tickSeconds):0.00} waiting on the disk; CareerPath threads {ProcessProbe.Threads(careerPath.ProcessId)}");
                (tickCpu, tickClientCpu, tickSeconds, tickMachine) = (cpu, clientNow, seconds, machine);
            }

            if (perf is not null)
            {
                await perf.StopAsync();
            }

            actSeconds += phaseClock.Elapsed.TotalSeconds;
            actCpu = (actCpu.CareerPath + ProcessProbe.CpuSeconds(careerPath.ProcessId) - phaseCpu.CareerPath, actCpu.Counter + ProcessProbe.CpuSeconds(counter.ProcessId) - phaseCpu.Counter);
            clientSeconds += (Environment.CpuUsage.TotalTime - phaseClientCpu).TotalSeconds;
            foreach (var (page, _) in phase)
            {
                page.PhaseSeconds = phaseClock.Elapsed.TotalSeconds;
                page.ServerCpuSeconds = page.ServerPid == counter.ProcessId
                    ? ProcessProbe.CpuSeconds(counter.ProcessId) - phaseCpu.Counter
                    : ProcessProbe.CpuSeconds(careerPath.ProcessId) - phaseCpu.CareerPath;
            }

            await browser;
        }

        var clientCores = clientSeconds / actSeconds;

        foreach (var (page, _) in pages)
        {
            page.Failed = page.Circuits.Count(c => c.Failure is not null);
        }

        Report(pages.Select(p => p.Result).ToList(), options.Duration.TotalSeconds, actSeconds, openCpu, actCpu, commitsPerSecond, careerPath, counter, options.PerPage);
        Console.WriteLine($"The load client (this process, same machine) used {clientCores:0.00} cores while acting (its own queueing is part of the headless latencies); CareerPath ran up to {threads} threads.");
        var log = Path.Combine(PublishedApp.RepositoryRoot(), "artifacts", "load-careerpath.log");
        File.Copy(careerPath.LogPath, log, overwrite: true);
        var problems = File.ReadLines(log).Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        Console.WriteLine($"CareerPath's log: {problems} errors ({log}).{(careerPath.ExitCode is { } code ? $" CareerPath EXITED with code {code}." : "")}");

        foreach (var (page, _) in pages)
        {
            await Parallel.ForEachAsync(page.Circuits, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
        }
    }

    /// <summary>Every circuit acts for a short while, unmeasured: its timings, time-outs and skipped turns are then forgotten.</summary>
    private static async Task WarmUpAsync(List<PageResult> pages, TimeSpan interval, TimeSpan duration)
    {
        Console.WriteLine($"Warming up: every page acts for {duration.TotalSeconds:0} s, unmeasured...");
        var random = new Random(7);
        var stop = DateTime.UtcNow + duration;
        await Task.WhenAll(pages.SelectMany(page => page.Circuits.Skip(1).Select(circuit =>
            ActLoopAsync(page, circuit, TimeSpan.FromMilliseconds(random.NextDouble() * interval.TotalMilliseconds), interval, stop))));
        foreach (var page in pages)
        {
            page.Timings.Clear();
            page.Errors.Clear();
            page.TimedOut = 0;
            page.NothingLeft = 0;
        }
    }

    private static Task<BlazorCircuit> OpenAsync(PageResult page, HttpClient http, Uri address, LoadUser user) =>
        BlazorCircuit.OpenAsync(http, user.Cookies, new Uri(address, page.Scenario.PathFor(user)), page.Scenario.Ready, page.Scenario.JsResult);

    private static async Task ActLoopAsync(PageResult page, BlazorCircuit circuit, TimeSpan phase, TimeSpan interval, DateTime stop)
    {
        var next = DateTime.UtcNow + phase;
        while (next < stop)
        {
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (circuit.Failure is not null)
            {
                return;
            }

            try
            {
                if (await page.Scenario.ActAsync(circuit) is { } timing)
                {
                    page.Timings.Add(timing);
                }
                else
                {
                    Interlocked.Increment(ref page.NothingLeft);
                }
            }
            catch (TimeoutException ex)
            {
                Interlocked.Increment(ref page.TimedOut);
                lock (page.Errors)
                {
                    page.Errors.Add(ex.Message);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or NullReferenceException or KeyNotFoundException)
            {
                lock (page.Errors)
                {
                    page.Errors.Add(ex.GetType().Name + ": " + ex.Message);
                }
            }

            // A user still waiting when their next turn comes skips it: a slow server gets fewer actions, not a backlog.
            do
            {
                next += interval;
            }
            while (next < DateTime.UtcNow);
        }
    }

    /// <summary>Chromium, signed in as the last user (whose circuits do not act), clicks on each page while the others act.</summary>
    /// <summary>
    /// Opens one Chromium tab per page (signed in as <paramref name="user"/>), says when they are all live (or could not
    /// open), then clicks on each page until the stop time it is given.
    /// </summary>
    private static async Task BrowserClicksAsync(List<(PageResult Result, Uri Address)> pages, LoadUser user, int clicks, TaskCompletionSource ready, Task<DateTime> go)
    {
        try
        {
            using var playwright = await Playwright.CreateAsync();
            var chromium = Environment.GetEnvironmentVariable("CAREERPATH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var tabs = await Task.WhenAll(pages.Select(async p =>
            {
                var (page, address) = p;
                var context = await browser.NewContextAsync();
                await context.AddCookiesAsync(user.Cookies.GetAllCookies().Select(c => new Microsoft.Playwright.Cookie
                {
                    Name = c.Name, Value = c.Value, Domain = address.Host, Path = c.Path, HttpOnly = c.HttpOnly,
                }));
                var tab = await context.NewPageAsync();
                tab.SetDefaultTimeout(60_000);
                tab.SetDefaultNavigationTimeout(120_000);
                try
                {
                    await tab.GotoAsync(new Uri(address, page.Scenario.PathFor(user)).ToString());
                    // Interactive once blazor.web.js has started the circuit.
                    await tab.WaitForFunctionAsync("() => window.Blazor && document.querySelector('button, input, form')");
                    return (Page: page, Context: context, Tab: tab);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    lock (page.Errors)
                    {
                        page.Errors.Add("Chromium could not open the page: " + ex.Message.Split('\n')[0]);
                    }

                    await context.CloseAsync();
                    return (Page: page, Context: context, Tab: (IPage?)null);
                }
            }));
            ready.TrySetResult();
            var stop = await go;

            // One tab per page, all clicking at once, so each page is measured while the whole load runs.
            await Task.WhenAll(tabs.Where(t => t.Tab is not null).Select(async t =>
            {
                for (var i = 0; i < clicks && DateTime.UtcNow < stop; i++)
                {
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        if (!await t.Page.Scenario.ActInBrowserAsync(t.Tab!))
                        {
                            break;
                        }

                        t.Page.BrowserMs.Add(clock.Elapsed.TotalMilliseconds);
                    }
                    catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                    {
                        lock (t.Page.Errors)
                        {
                            t.Page.Errors.Add("Chromium: " + ex.Message.Split('\n')[0]);
                        }
                    }

                    await Task.Delay(1000);
                }

                await t.Context.CloseAsync();
            }));
        }
        catch (PlaywrightException ex)
        {
            Console.WriteLine($"Chromium could not run: {ex.Message.Split('\n')[0]}");
        }
        finally
        {
            ready.TrySetResult();
        }
    }

    /// <summary>Prints the results; rates are over the acting duration, CPU over the acting phase's wall time (until its last action ended).</summary>
    private static void Report(List<PageResult> pages, double seconds, double actSeconds, (double CareerPath, double Counter) openCpu, (double CareerPath, double Counter) actCpu,
        double commitsPerSecond, PublishedApp careerPath, CounterServer counter, bool perPage)
    {
        var baseline = pages[0];
        Console.WriteLine();
        Console.WriteLine($"| page | circuits | failed to start | died | RSS/circuit | live heap/circuit | heap vs baseline | actions/s | p50 | p95 | p99 | first render p95 | Chromium p50 | Chromium p95 | timed out | nothing left |");
        Console.WriteLine($"| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var page in pages)
        {
            var done = page.Timings.Select(t => t.DoneMs).ToList();
            var first = page.Timings.Select(t => t.FirstRenderMs).ToList();
            Console.WriteLine($"| {page.Scenario.Name} | {page.Circuits.Count - 1:N0} | {page.FailedToStart} | {page.Failed} | {page.RssPerCircuit / 1024:0} KB | {page.HeapPerCircuit / 1024:0} KB | " +
                $"{page.HeapPerCircuit / baseline.HeapPerCircuit:0.0}× | {done.Count / seconds:0.0} | {Stats.Percentile(done, 0.5):0.0} ms | {Stats.Percentile(done, 0.95):0.0} ms | {Stats.Percentile(done, 0.99):0.0} ms | " +
                $"{Stats.Percentile(first, 0.95):0.0} ms | {Stats.Percentile(page.BrowserMs, 0.5):0.0} ms | {Stats.Percentile(page.BrowserMs, 0.95):0.0} ms | {page.TimedOut} | {page.NothingLeft} |");
        }

        var writes = pages.Where(p => p.Scenario.Writes).Sum(p => p.Timings.Count) / (perPage ? seconds * (pages.Count - 1) : seconds);
        Console.WriteLine();
        if (perPage)
        {
            // The idle circuits of the other pages cost a little too (their pings), so this is a small overestimate.
            foreach (var page in pages)
            {
                Console.WriteLine($"Server CPU while only {page.Scenario.Name} acted: {page.ServerCpuSeconds / page.PhaseSeconds:0.00} cores, " +
                    $"{1000 * page.ServerCpuSeconds / Math.Max(1, page.Timings.Count):0.0} ms per action ({page.Timings.Count} actions in {page.PhaseSeconds:0} s)");
            }
        }

        Console.WriteLine($"CPU, CareerPath: {openCpu.CareerPath:0.0} s while opening circuits; {actCpu.CareerPath / actSeconds:0.00} cores while acting ({actCpu.CareerPath:0.0} s in {actSeconds:0} s). " +
            $"Counter: {openCpu.Counter:0.0} s opening; {actCpu.Counter / actSeconds:0.00} cores acting.");
        Console.WriteLine($"Memory now: CareerPath RSS {ProcessProbe.ResidentBytes(careerPath.ProcessId) / 1048576.0:0} MiB, counter RSS {ProcessProbe.ResidentBytes(counter.ProcessId) / 1048576.0:0} MiB; " +
            $"load client {Environment.WorkingSet / 1048576.0:0} MiB");
        Console.WriteLine($"Durable commits: CareerPath's write actions {writes:0.0}/s = {100 * writes / commitsPerSecond:0.0} % of the bare SQLite bound ({commitsPerSecond:N0} commits/s).");
        foreach (var page in pages.Where(p => p.Errors.Count > 0))
        {
            Console.WriteLine($"Errors on {page.Scenario.Name} ({page.Errors.Count}): " + string.Join("; ", page.Errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Count()}× {g.Key}")));
        }
    }

    /// <summary>
    /// Durable commits per second on this disk: SQLite in WAL mode with synchronous=FULL (as the app runs), one INSERT
    /// per transaction, in a file beside the app's database, for the given time.
    /// </summary>
    private static async Task<double> DurableCommitsPerSecondAsync(string folder, TimeSpan time)
    {
        var path = Path.Combine(folder, "commit-bound.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var setup = connection.CreateCommand();
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE Writes (Id INTEGER PRIMARY KEY, At TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Writes (At) VALUES ($at)";
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var commits = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < time)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                at.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                commits++;
            }

            return commits / clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>Registers users through the real form (antiforgery token and cookie from GET, then POST); registration signs them in.</summary>
    private static async Task<List<LoadUser>> RegisterAsync(Uri address, int count, int parallel)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        var run = Guid.NewGuid().ToString("N")[..8];
        var users = new LoadUser[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var cookies = new CookieContainer();
            var email = $"load-{run}-{i}@example.com";
            var form = await SendAsync(http, cookies, new HttpRequestMessage(HttpMethod.Get, "/Account/Register"));
            var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
            var post = await SendAsync(http, cookies, new HttpRequestMessage(HttpMethod.Post, "/Account/Register")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "register",
                    ["__RequestVerificationToken"] = token,
                    ["Input.Email"] = email,
                    ["Input.DisplayName"] = $"Load user {i}",
                    ["Input.CurrentRoleSlug"] = LoadSeeder.StartRole,
                    ["Input.Password"] = Password,
                    ["Input.ConfirmPassword"] = Password,
                }),
            });
            if (post.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Registration of {email} answered {(int)post.StatusCode}.");
            }

            users[i] = new LoadUser(email, cookies, null);
        });
        return [.. users];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, CookieContainer cookies, HttpRequestMessage request)
    {
        var uri = new Uri(http.BaseAddress!, request.RequestUri!);
        if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }

    private static async Task<string> PublishCounterAsync()
    {
        var root = PublishedApp.RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "bench-counter");
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"publish benchmarks/CounterApp/CounterApp.csproj -c Release -o \"{output}\" --nologo -v q") { WorkingDirectory = root })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Publishing the counter app failed.");
        }

        return output;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The published counter app, on a loopback port.</summary>
    private sealed class CounterServer : IAsyncDisposable
    {
        private readonly Process _process;

        private CounterServer(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public int ProcessId => _process.Id;

        public static async Task<CounterServer> StartAsync(string publish, IReadOnlyDictionary<string, string> environment)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo(Path.Combine(publish, "CounterApp"))
            {
                WorkingDirectory = publish,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Logging__LogLevel__Default"] = "Warning" },
            };
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new CounterServer(process, new Uri($"http://127.0.0.1:{port}/"));
            using var http = new HttpClient();
            for (var attempt = 0; attempt < 120; attempt++)
            {
                try
                {
                    if ((await http.GetAsync(server.Address)).IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(500);
            }

            await server.DisposeAsync();
            throw new TimeoutException("The counter app did not start within a minute.");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
