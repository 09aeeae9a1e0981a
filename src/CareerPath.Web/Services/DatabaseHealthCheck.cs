using System.Runtime.InteropServices;
using CareerPath.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareerPath.Web.Services;

/// <summary>
/// Healthy only when the database can be written: its files are writable by this process and a write commits
/// (the one <see cref="HealthHeartbeat"/> row is rewritten). A database that can still be read but not written (a
/// read-only file, a file system turned read-only, a full disk) is reported, not only one that cannot be opened.
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseLocation location, TimeProvider clock) : IHealthCheck
{
    private const int WriteAccess = 2; // W_OK

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // SQLite hands the read-write file handles it already has to new connections, so writes keep working for a
        // while after the file is made read-only, and fail later (or at the next start). Ask the OS directly.
        if (ReadOnlyFile() is { } readOnly)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be written: '{readOnly}' is read-only for the app.");
        }

        try
        {
            // A connection of its own, outside the pool, with the app's durability settings.
            var connectionString = new SqliteConnectionStringBuilder(location.ConnectionString) { Pooling = false }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = $"""
                INSERT INTO "{HealthHeartbeat.TableName}" ("Id", "BeatAtUtc") VALUES ({HealthHeartbeat.SingleId}, $now)
                ON CONFLICT ("Id") DO UPDATE SET "BeatAtUtc" = excluded."BeatAtUtc";
                """;
            command.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcDateTime);
            var written = await command.ExecuteNonQueryAsync(cancellationToken);
            return written == 1
                ? HealthCheckResult.Healthy("The database accepts writes.")
                : HealthCheckResult.Unhealthy($"The database cannot be written: the heartbeat changed {written} rows instead of 1.");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written: " + ex.Message, ex);
        }
    }

    /// <summary>The database file, its -wal or -shm, or its folder (where SQLite makes them), if one is not writable.</summary>
    private string? ReadOnlyFile()
    {
        var database = location.DatabasePath;
        if (!File.Exists(database))
        {
            return null;
        }

        string[] paths = [database, database + "-wal", database + "-shm", Path.GetDirectoryName(database)!];
        return paths.FirstOrDefault(path => Path.Exists(path) && !IsWritable(path));
    }

    private static bool IsWritable(string path) =>
        OperatingSystem.IsWindows()
            ? !File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : Access(path, WriteAccess) == 0;

    [DllImport("libc", EntryPoint = "access")]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
