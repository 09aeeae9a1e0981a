using System.Net;
using CareerPath.Data;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>The real app holds its database: a restore, or a second app, cannot use it at the same time.</summary>
public sealed class DatabaseLockTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ReliabilityDb _files = new();
    private readonly string _database;

    public DatabaseLockTests() => _database = _files.File("careerpath.db");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_restore_while_the_app_runs_is_refused_and_changes_nothing_and_works_once_the_app_has_stopped()
    {
        var backup = _files.File("backups/careerpath-backup.db");
        await using (var app = AppProcess.Start(_database))
        {
            await app.WaitUntilListeningAsync(StartTimeout);
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "alice@example.com", "Alice"));

            // Backups are online: the app keeps running.
            var (code, _, error) = await ToolProcess.RunAsync("backup", backup, "--database", _database);
            Assert.True(code == 0, error);
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "bob@example.com", "Bob, after the backup"));

            (code, var output, error) = await ToolProcess.RunAsync("restore", backup, "--database", _database);

            Assert.Equal((1, ""), (code, output));
            Assert.Equal(
                $"Restore refused: the CareerPath app is running on '{_database}' (or another restore is); stop the app and run the restore again. The database was not changed.",
                error.TrimEnd('\n'));
            Assert.Equal(["alice@example.com", "bob@example.com"], ReliabilityDb.Emails(_database));
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "carol@example.com", "Carol, after the refused restore"));
        }

        var (restoreCode, restored, restoreError) = await ToolProcess.RunAsync("restore", backup, "--database", _database);

        Assert.True(restoreCode == 0, restoreError);
        Assert.StartsWith($"Restored {backup} into {_database}: ", restored);
        Assert.Equal(["alice@example.com"], ReliabilityDb.Emails(_database));
        await using var restarted = AppProcess.Start(_database);
        await restarted.WaitUntilListeningAsync(StartTimeout);
        Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(restarted.BaseAddress, "dave@example.com", "Dave, after the restore"));
    }

    [Fact]
    public async Task A_second_app_on_the_same_database_stops_with_one_clear_line_and_the_first_keeps_serving()
    {
        await using var first = AppProcess.Start(_database);
        await first.WaitUntilListeningAsync(StartTimeout);

        await using var second = AppProcess.Start(_database);
        var exitCode = await second.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(second.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(
            $"CareerPath cannot start. Cannot use the database at '{_database}': another CareerPath process is using it (an app already running on it, or a restore); stop it first, or give this app its own database.",
            line);
        Assert.DoesNotContain("Now listening", second.Output);
        Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(first.BaseAddress, "alice@example.com", "Alice"));
        Assert.Equal(["alice@example.com"], ReliabilityDb.Emails(_database));
    }

    [Fact]
    public async Task The_app_does_not_start_while_a_restore_holds_the_database_and_starts_once_it_is_done()
    {
        await ReliabilityDb.CreateAsync(_database);
        ReliabilityDb.AddUser(_database, "alice@example.com");

        using (var restoring = DatabaseLock.TryAcquire(_database))
        {
            Assert.NotNull(restoring);
            await using var blocked = AppProcess.Start(_database);

            Assert.Equal(1, await blocked.WaitForExitAsync(StartTimeout));
            Assert.Contains("another CareerPath process is using it", blocked.Errors);
        }

        await using var app = AppProcess.Start(_database);
        await app.WaitUntilListeningAsync(StartTimeout);
        Assert.Null(DatabaseLock.TryAcquire(_database));
        Assert.Equal(["alice@example.com"], ReliabilityDb.Emails(_database));
    }
}
