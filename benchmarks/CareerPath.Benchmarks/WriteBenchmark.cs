using System.Diagnostics;
using CareerPath.Data;
using CareerPath.Data.Identity;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Benchmarks;

/// <summary>
/// Concurrent saves through the app's own data layer (pooled contexts, WAL, synchronous=FULL, the pragmas the app
/// sets): <c>writers</c> tasks each change their own row and save, as fast as they can, for a few seconds. Prints
/// saves per second, save latency percentiles and the most thread-pool threads seen: a writer that waits for
/// SQLite's lock in its busy handler sleeps on a thread, so blocked threads show up there.
/// Run: dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- writes [writers] [seconds]
/// </summary>
internal static class WriteBenchmark
{
    public static async Task RunAsync(int writers, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-writes-");
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder.FullName, "careerpath.db")}";
            var services = new ServiceCollection().AddLogging().AddCareerPathData(connectionString).BuildServiceProvider();
            await DatabaseSetup.InitializeAsync(services, connectionString, CatalogFile.Resolve(null));
            var factory = services.GetRequiredService<IDbContextFactory<CareerPathDbContext>>();
            var ids = new List<string>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                for (var i = 0; i < writers; i++)
                {
                    var user = new ApplicationUser { UserName = $"writer{i}@example.com", Email = $"writer{i}@example.com", DisplayName = "Writer" };
                    db.Users.Add(user);
                    ids.Add(user.Id);
                }

                await db.SaveChangesAsync();
            }

            Console.WriteLine($"{writers} writers, each saving its own row for {seconds} s (WAL, synchronous=FULL), {Environment.ProcessorCount} cores:");
            var latencies = new List<double>[writers];
            var busy = 0;
            var maxThreads = ThreadPool.ThreadCount;
            var until = Stopwatch.StartNew();
            using var sampler = new Timer(_ => maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount), null, 0, 10);
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                var mine = latencies[w] = [];
                var n = 0;
                while (until.Elapsed < TimeSpan.FromSeconds(seconds))
                {
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        await using var db = await factory.CreateDbContextAsync();
                        var user = await db.Users.SingleAsync(u => u.Id == ids[w]);
                        user.DisplayName = $"Writer {++n}";
                        await db.SaveChangesAsync();
                        mine.Add(clock.Elapsed.TotalMilliseconds);
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException)
                    {
                        Interlocked.Increment(ref busy);
                    }
                }
            })));

            var all = latencies.SelectMany(l => l).Order().ToList();
            double At(double p) => all[Math.Min(all.Count - 1, (int)(p * all.Count))];
            Console.WriteLine($"  saves: {all.Count / until.Elapsed.TotalSeconds:N0}/s; latency p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, p99 {At(0.99):0.0} ms, max {all[^1]:0.0} ms");
            Console.WriteLine($"  failed (database busy): {busy}; most thread-pool threads: {maxThreads}");
            await services.DisposeAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
