using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CareerPath.Testing;
using Xunit.Abstractions;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>The real app, killed with SIGKILL in the middle of a stream of writes, loses nothing it acknowledged.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 4;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ReliabilityDb _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Every_acknowledged_registration_survives_a_SIGKILL_in_the_middle_of_a_stream_of_writes()
    {
        // CAREERPATH_CRASH_SEED replays a run: the seed decides how long the stream runs before the kill.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CAREERPATH_CRASH_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var runFor = TimeSpan.FromMilliseconds(new Random(seed).Next(2_000, 6_001));
        var database = _files.File("careerpath.db");
        var acknowledged = new ConcurrentDictionary<string, string>();
        var unexpected = new ConcurrentQueue<string>();
        var cutOff = 0;
        using var stopping = new CancellationTokenSource();

        var app = AppProcess.Start(database);
        var killed = false;
        long walBytesAtKill;
        var clock = Stopwatch.StartNew();
        try
        {
            await app.WaitUntilListeningAsync(StartTimeout);
            var stream = Enumerable.Range(0, Writers).Select(writer => Task.Run(() => WriteAsync(writer))).ToArray();
            await Task.Delay(runFor);
            clock.Restart();
            stopping.Cancel();
            await app.DisposeAsync();
            killed = true;
            walBytesAtKill = new FileInfo(database + "-wal").Length;
            await Task.WhenAll(stream);
        }
        finally
        {
            if (!killed)
            {
                await app.DisposeAsync();
            }
        }

        var context = $"seed {seed}: killed after {runFor.TotalSeconds:0.0} s with {acknowledged.Count} registrations acknowledged and {cutOff} posted but unanswered";
        Assert.True(acknowledged.Count > 0, $"{context}: nothing was written before the kill");
        Assert.True(unexpected.IsEmpty, $"{context}; unexpected answers before the kill: {string.Join(", ", unexpected.Take(5))}");

        clock.Restart();
        await using var restarted = AppProcess.Start(database);
        await restarted.WaitUntilListeningAsync(StartTimeout);
        var restartTime = clock.Elapsed;

        var integrity = ReliabilityDb.IntegrityCheck(database);
        var stored = ReliabilityDb.Column(database, "SELECT Email || '|' || DisplayName FROM AspNetUsers;")
            .Select(row => row.Split('|')).ToDictionary(row => row[0], row => row[1]);
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var name) || name != a.Value).Select(a => a.Key).ToList();
        var committedInFlight = stored.Keys.Count(email => !acknowledged.ContainsKey(email));
        output.WriteLine($"{context}; WAL held {walBytesAtKill:N0} bytes at the kill; restart took {restartTime.TotalSeconds:0.0} s; "
            + $"integrity_check: {integrity}; {stored.Count} users stored ({committedInFlight} of the in-flight ones committed); {lost.Count} lost.");

        Assert.True(integrity == "ok", $"{context}; integrity_check after restart: {integrity}");
        Assert.True(lost.Count == 0, $"{context}; {lost.Count} acknowledged registrations lost: {string.Join(", ", lost.Take(5))}");
        Assert.True(committedInFlight <= cutOff, $"{context}; {committedInFlight} users stored that were never acknowledged");

        var after = await AppForms.RegisterAsync(restarted.BaseAddress, $"after-restart-{seed}@example.com", "After restart");
        Assert.True(after == HttpStatusCode.Redirect, $"{context}; a registration after the restart answered {after}");

        async Task WriteAsync(int writer)
        {
            for (var n = 0; !stopping.IsCancellationRequested; n++)
            {
                var email = $"crash-{seed}-{writer}-{n}@example.com";
                var name = $"Writer {writer} number {n}";
                var posted = false;
                try
                {
                    var status = await AppForms.RegisterAsync(app.BaseAddress, email, name, () => posted = true);
                    if (status == HttpStatusCode.Redirect)
                    {
                        acknowledged[email] = name;
                    }
                    else
                    {
                        unexpected.Enqueue($"{email}: {(int)status}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        if (posted)
                        {
                            Interlocked.Increment(ref cutOff);
                        }
                    }
                    else
                    {
                        unexpected.Enqueue($"{email}: {ex.GetType().Name} {ex.Message}");
                    }
                }
            }
        }
    }
}
