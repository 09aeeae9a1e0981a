using System.Diagnostics;
using CareerPath.Domain.Roadmaps;

namespace CareerPath.Benchmarks;

/// <summary>
/// Roadmap computation on a generated catalog (60 roles, 300 skills, 2,000 resources), then the server time of a
/// real roadmap page with a five-step path. Run: dotnet run -c Release --project benchmarks/CareerPath.Benchmarks
/// </summary>
internal static class RoadmapBenchmark
{
    public static async Task Main(string[] args)
    {
        if (args is ["transfer", ..])
        {
            await TransferSizes.RunAsync();
            return;
        }

        if (args is ["load", .. var loadArgs])
        {
            await LoadBenchmark.RunAsync(LoadOptions.Parse(loadArgs));
            return;
        }

        if (args is ["writes", ..])
        {
            await WriteBenchmark.RunAsync(args.Length > 1 && int.TryParse(args[1], out var writers) ? writers : 32,
                args.Length > 2 && int.TryParse(args[2], out var seconds) ? seconds : 5);
            return;
        }

        if (args is ["import", ..])
        {
            ImportBenchmark.Run(args.Length > 1 && int.TryParse(args[1], out var runs) ? runs : 20);
            return;
        }

        if (args is ["circuits", ..])
        {
            await CircuitCost.RunAsync(args.Length > 1 && int.TryParse(args[1], out var pages) ? pages : 40, args.Contains("gc"));
            return;
        }

        var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;

        var (catalog, jsonChars) = GeneratedCatalog.Imported();
        var random = new Random(7);
        var levels = catalog.Skills.ToDictionary(s => s.Slug, _ => random.Next(1, 6));
        var pairs = new List<(string From, string To)>();
        while (pairs.Count < 200)
        {
            var from = catalog.Roles[random.Next(catalog.Roles.Count)];
            var to = catalog.Roles[random.Next(catalog.Roles.Count)];
            if (PathFinder.Find(catalog, from.Slug, to.Slug) is { Found: true, Roles.Count: >= 3 })
            {
                pairs.Add((from.Slug, to.Slug));
            }
        }

        for (var i = 0; i < 200; i++)
        {
            var (from, to) = pairs[i % pairs.Count];
            RoadmapPlanner.Plan(catalog, PathFinder.Find(catalog, from, to), levels);
        }

        var times = new double[iterations];
        var allocated = new long[iterations];
        var steps = 0;
        for (var i = 0; i < iterations; i++)
        {
            var (from, to) = pairs[i % pairs.Count];
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var plan = RoadmapPlanner.Plan(catalog, PathFinder.Find(catalog, from, to), levels);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
            steps += plan.Steps.Count;
        }

        Array.Sort(times);
        Console.WriteLine($"Roadmap computation: {catalog.Roles.Count} roles, {catalog.Skills.Count} skills, {catalog.Resources.Count} resources (imported from {jsonChars / 1e6:0.0} M characters of CareerPath JSON), {iterations:N0} roadmaps, {steps / (double)iterations:0.0} steps on average");
        Console.WriteLine($"  median {Percentile(times, 0.50):0.000} ms   p95 {Percentile(times, 0.95):0.000} ms   max {times[^1]:0.000} ms   (target: p95 < 0.5 ms)");
        Console.WriteLine($"  allocated per roadmap: median {Median(allocated) / 1024.0:0.0} KiB   (target: < 100 KiB)");

        var page = await PageTiming.MeasureAsync(samples: 40);
        Console.WriteLine($"Roadmap page (5-step path, prerendered, in-process server): {page.Samples} requests");
        Console.WriteLine($"  median {page.Median:0.0} ms   p95 {page.P95:0.0} ms   (target: < 100 ms)");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(long[] values)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return copy[copy.Length / 2];
    }
}
