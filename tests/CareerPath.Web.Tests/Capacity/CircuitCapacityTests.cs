using CareerPath.Web.Capacity;
using Microsoft.Extensions.Configuration;

namespace CareerPath.Web.Tests.Capacity;

public sealed class CircuitCapacityTests
{
    private const long GiB = 1024L * 1024 * 1024;

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_open_file_limit_bounds_the_cap_when_it_is_the_tighter()
    {
        // Files: (20,000 − 350 open − 256 reserved) × 3/4 = 19,394 × 3/4 = 14,545.5 → 14,545.
        // Memory: 24 GiB × 3/4 = 18 GiB = 18,432 MiB at 1 MiB each → 18,432. Files win.
        // Sockets: 20,000 − 350 − 128 = 19,522; the circuits' share is the hard limit, 14,545 + 1,454 = 15,999;
        // plain connections get the rest, 19,522 − 15,999 = 3,523.
        var capacity = CircuitCapacity.Resolve(Settings(), 20_000, 350, 24 * GiB);

        Assert.Equal(14_545, capacity.MaxLiveCircuits);
        Assert.Equal(15_999, capacity.HardLimit);
        Assert.Equal(3_523, capacity.MaxConnections);
        // A tenth of the cap may wait disconnected for their users to come back: 1,454.
        Assert.Equal(1_454, capacity.MaxRetainedDisconnected);
        Assert.Contains("open-file limit", capacity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_bounds_the_cap_when_it_is_the_tighter()
    {
        // Memory: 2 GiB × 3/4 = 1,536 MiB → 1,536 circuits. Files: (1,048,576 − 300 − 256) × 3/4 = 786,015.
        var capacity = CircuitCapacity.Resolve(Settings(), 1_048_576, 300, 2 * GiB);

        Assert.Equal(1_536, capacity.MaxLiveCircuits);
        Assert.Contains("memory", capacity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_file_limit_memory_alone_decides_and_connections_are_unbounded()
    {
        var capacity = CircuitCapacity.Resolve(Settings(), null, 0, 4 * GiB);

        Assert.Equal(3_072, capacity.MaxLiveCircuits);
        Assert.Equal(int.MaxValue, capacity.MaxConnections);
    }

    [Fact]
    public void A_configured_cap_wins_and_a_limit_below_the_reserve_still_admits_one()
    {
        var configured = CircuitCapacity.Resolve(Settings(("Circuits:MaxLive", "50")), 20_000, 350, 24 * GiB);
        Assert.Equal(50, configured.MaxLiveCircuits);
        // Never fewer kept for reconnecting than Blazor's default.
        Assert.Equal(100, configured.MaxRetainedDisconnected);
        Assert.Equal(1, CircuitCapacity.Resolve(Settings(), 400, 350, 24 * GiB).MaxLiveCircuits);
    }

    [Fact]
    public void The_soft_open_file_limit_is_read_from_proc_limits()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file,
            [
                "Limit                     Soft Limit           Hard Limit           Units     ",
                "Max processes             95157                95157                processes ",
                "Max open files            1024                 524288               files     ",
            ]);

            Assert.Equal(1024, CircuitCapacity.ReadOpenFileLimit(file));
            Assert.Null(CircuitCapacity.ReadOpenFileLimit(file + ".missing"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
