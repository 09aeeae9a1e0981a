using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CareerPath.Tools;
using Microsoft.Data.Sqlite;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>The backup and restore commands on real, migrated SQLite files in WAL mode.</summary>
public sealed partial class BackupRestoreTests : IDisposable
{
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";
    private const string Carol = "carol@example.com";
    private const string Dave = "dave@example.com";

    private readonly ReliabilityDb _files = new();
    private readonly string _live;

    public BackupRestoreTests() => _live = _files.File("careerpath.db");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_backup_of_the_database_in_use_holds_every_committed_write_and_a_restore_brings_it_back()
    {
        await ReliabilityDb.CreateAsync(_live);
        var aliceId = ReliabilityDb.AddUser(_live, Alice);
        var auditId = await ReliabilityDb.AddAuditAsync(_live, aliceId, level: 3);

        // The open connection stops SQLite from checkpointing the WAL when the writers close.
        using var keeper = ReliabilityDb.Open(_live);
        ReliabilityDb.Execute(keeper, "PRAGMA wal_checkpoint(TRUNCATE);");
        using (var writer = ReliabilityDb.Open(_live))
        {
            ReliabilityDb.Execute(writer, "PRAGMA wal_autocheckpoint=0;");
            ReliabilityDb.InsertUser(writer, Bob);
        }

        Assert.True(new FileInfo(_live + "-wal").Length > 0, "Bob's row should be only in the WAL file");
        var fileCopy = _files.File("file-copy.db");
        File.Copy(_live, fileCopy);
        Assert.DoesNotContain(Bob, ReliabilityDb.Emails(fileCopy));

        using var other = ReliabilityDb.Open(_live);
        using var transaction = other.BeginTransaction();
        ReliabilityDb.InsertUser(other, Carol, transaction: transaction);

        var backupPath = _files.File("backups/careerpath-backup.db");
        var backup = DatabaseBackup.Backup(_live, backupPath);
        transaction.Commit();

        Assert.Equal([Alice, Bob], ReliabilityDb.Emails(backupPath));
        Assert.Equal([(auditId, 3)], await ReliabilityDb.AuditsOfAsync(backupPath, aliceId));
        Assert.Equal("ok", ReliabilityDb.IntegrityCheck(backupPath));
        Assert.Equal((backupPath, 2L, new FileInfo(backupPath).Length), (backup.Path, backup.UserCount!.Value, backup.SizeBytes));
        Assert.Equal("delete", ReliabilityDb.Scalar(backupPath, "PRAGMA journal_mode;"));
        Assert.Equal(["careerpath-backup.db"], Directory.GetFiles(Path.GetDirectoryName(backupPath)!).Select(Path.GetFileName));

        ReliabilityDb.Execute(keeper, $"DELETE FROM AspNetUsers WHERE Email = '{Alice}';");
        ReliabilityDb.InsertUser(keeper, Dave);
        Assert.Equal([Bob, Carol, Dave], ReliabilityDb.Emails(_live));
        Assert.Empty(await ReliabilityDb.AuditsOfAsync(_live, aliceId));
        other.Dispose();
        keeper.Dispose();

        var restored = DatabaseBackup.Restore(backupPath, _live);

        Assert.Equal([Alice, Bob], ReliabilityDb.Emails(_live));
        Assert.Equal([(auditId, 3)], await ReliabilityDb.AuditsOfAsync(_live, aliceId));
        Assert.Equal("ok", ReliabilityDb.IntegrityCheck(_live));
        Assert.Equal("wal", ReliabilityDb.Scalar(_live, "PRAGMA journal_mode;"));
        Assert.Equal(2L, restored.UserCount);
    }

    [Theory]
    [InlineData("random bytes", "is not a SQLite database")]
    [InlineData("truncated backup", "is damaged")]
    [InlineData("backup with overwritten pages", "is damaged")]
    [InlineData("a SQLite file of another app", "is not a CareerPath database")]
    public async Task A_file_that_is_not_a_sound_CareerPath_database_is_refused_and_the_live_database_is_unchanged(string kind, string expected)
    {
        await ReliabilityDb.CreateAsync(_live);
        var aliceId = ReliabilityDb.AddUser(_live, Alice);
        await ReliabilityDb.AddAuditAsync(_live, aliceId, level: 4);
        var bad = _files.File("bad.db");
        WriteBadFile(kind, bad);
        var before = Fingerprint(_live);

        var ex = Assert.Throws<BackupException>(() => DatabaseBackup.Restore(bad, _live));

        Assert.StartsWith("Restore refused: ", ex.Message);
        Assert.Contains(bad, ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(before, Fingerprint(_live));
        Assert.Equal(["bad.db", "careerpath.db"], Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Order());
        Assert.Equal([Alice], ReliabilityDb.Emails(_live));
    }

    [Fact]
    public async Task An_existing_destination_is_kept_unless_forced()
    {
        await ReliabilityDb.CreateAsync(_live);
        ReliabilityDb.AddUser(_live, Alice);
        var destination = _files.File("careerpath-backup.db");
        await File.WriteAllTextAsync(destination, "last week's backup");

        var ex = Assert.Throws<BackupException>(() => DatabaseBackup.Backup(_live, destination));

        Assert.Equal($"Backup failed: '{destination}' already exists; pass --force to overwrite it.", ex.Message);
        Assert.Equal("last week's backup", await File.ReadAllTextAsync(destination));

        var forced = DatabaseBackup.Backup(_live, destination, overwrite: true);

        Assert.Equal(1L, forced.UserCount);
        Assert.Equal([Alice], ReliabilityDb.Emails(destination));
        Assert.Equal(["careerpath-backup.db", "careerpath.db"], Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_backup_with_another_page_size_or_left_in_WAL_mode_restores_into_the_WAL_database()
    {
        await ReliabilityDb.CreateAsync(_live);
        var aliceId = ReliabilityDb.AddUser(_live, Alice);
        await ReliabilityDb.AddAuditAsync(_live, aliceId, level: 2);
        var otherPageSize = _files.File("other-page-size.db");
        DatabaseBackup.Backup(_live, otherPageSize);
        using (var connection = ReliabilityDb.Open(otherPageSize))
        {
            ReliabilityDb.Execute(connection, "PRAGMA page_size=8192; VACUUM;");
        }

        // What `sqlite3 careerpath.db ".backup ..."` (the earlier documented way) leaves: a file still marked WAL.
        var walMarked = _files.File("wal-marked.db");
        using (var from = ReliabilityDb.Open(_live))
        using (var to = ReliabilityDb.Open(walMarked))
        {
            from.BackupDatabase(to);
        }

        Assert.Equal(2, File.ReadAllBytes(walMarked)[18]);
        ReliabilityDb.AddUser(_live, Bob);
        Assert.Equal("8192", ReliabilityDb.Scalar(otherPageSize, "PRAGMA page_size;"));
        Assert.NotEqual("8192", ReliabilityDb.Scalar(_live, "PRAGMA page_size;"));

        foreach (var backup in new[] { otherPageSize, walMarked })
        {
            SqliteConnection.ClearAllPools();
            DatabaseBackup.Restore(backup, _live);

            Assert.Equal([Alice], ReliabilityDb.Emails(_live));
            Assert.Equal(2, Assert.Single(await ReliabilityDb.AuditsOfAsync(_live, aliceId)).Level);
            Assert.Equal("wal", ReliabilityDb.Scalar(_live, "PRAGMA journal_mode;"));
            Assert.Equal("ok", ReliabilityDb.IntegrityCheck(_live));
            ReliabilityDb.AddUser(_live, Bob);
        }

        Assert.False(File.Exists(walMarked + "-shm"), "a restore must not write beside the backup");
    }

    [Fact]
    public async Task A_restore_while_another_connection_writes_is_refused_after_the_busy_timeout_and_changes_nothing()
    {
        await ReliabilityDb.CreateAsync(_live);
        ReliabilityDb.AddUser(_live, Alice);
        var backup = DatabaseBackup.Backup(_live, _files.File("backup.db")).Path;
        using var writer = ReliabilityDb.Open(_live);
        using var transaction = writer.BeginTransaction();
        ReliabilityDb.InsertUser(writer, Bob, transaction: transaction);

        var ex = Assert.Throws<BackupException>(() => DatabaseBackup.Restore(backup, _live));
        transaction.Commit();

        Assert.Equal($"Restore failed: the database '{_live}' is in use; stop the app and run the restore again.", ex.Message);
        Assert.Equal([Alice, Bob], ReliabilityDb.Emails(_live));
    }

    [Fact]
    public async Task The_command_line_prints_one_line_and_answers_0_1_or_2()
    {
        await ReliabilityDb.CreateAsync(_live);
        ReliabilityDb.AddUser(_live, Alice);
        var backup = _files.File("cli-backup.db");

        var (code, output, error) = Run("backup", backup, "--database", _live);
        Assert.Equal((0, ""), (code, error));
        Assert.Matches(BackupLine(), output);
        Assert.Contains($"to {backup}: ", output);

        (code, output, error) = Run("backup", backup, "--database", _live);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal($"Backup failed: '{backup}' already exists; pass --force to overwrite it.", error.TrimEnd('\n'));

        // Without --database the tool finds the database as the app does, from ConnectionStrings__CareerPath.
        (code, output, _) = Run(name => name == "ConnectionStrings__CareerPath" ? $"Data Source={_live}" : null, "backup", backup, "--force");
        Assert.Equal(0, code);
        Assert.StartsWith($"Backed up {_live} to {backup}: ", output);

        var garbage = _files.File("garbage.db");
        await File.WriteAllBytesAsync(garbage, RandomBytes(new Random(7), 8192));
        (code, output, error) = Run("restore", garbage, "--database", _live);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal($"Restore refused: '{garbage}' is not a SQLite database; the database was not changed.", error.TrimEnd('\n'));

        ReliabilityDb.AddUser(_live, Bob);
        (code, output, error) = Run("restore", backup, "--database", _live);
        Assert.Equal((0, ""), (code, error));
        Assert.Matches(RestoreLine(), output);
        Assert.Equal([Alice], ReliabilityDb.Emails(_live));
    }

    [Theory]
    [InlineData("No command given. Run 'CareerPath.Tools --help' to see the commands.")]
    [InlineData("Unrecognized command or argument 'frobnicate'. Run 'CareerPath.Tools --help' for how to use it.", "frobnicate")]
    [InlineData("Give the backup file to write. Run 'CareerPath.Tools backup --help' for how to use it.", "backup")]
    [InlineData("Give the backup file to restore. Run 'CareerPath.Tools restore --help' for how to use it.", "restore", "--database", "x.db")]
    [InlineData("Required argument missing for option: '--database'. Run 'CareerPath.Tools backup --help' for how to use it.", "backup", "x.db", "--database")]
    [InlineData("Unrecognized command or argument '--force'. Run 'CareerPath.Tools restore --help' for how to use it.", "restore", "x.db", "--force")]
    [InlineData("Unrecognized command or argument 'y.db'. Run 'CareerPath.Tools backup --help' for how to use it.", "backup", "x.db", "y.db")]
    [InlineData("Give the email of the account. Run 'CareerPath.Tools reset-password --help' for how to use it.", "reset-password")]
    [InlineData("Unrecognized command or argument 'extra'. Run 'CareerPath.Tools list-users --help' for how to use it.", "list-users", "extra")]
    public void A_usage_mistake_answers_2_with_one_line(string message, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal(message, error.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("backup", "Usage:\n  CareerPath.Tools backup <destination-file> [options]")]
    [InlineData("restore", "Usage:\n  CareerPath.Tools restore <backup-file> [options]")]
    [InlineData("reset-password", "Usage:\n  CareerPath.Tools reset-password <email> [options]")]
    [InlineData("list-users", "Usage:\n  CareerPath.Tools list-users [options]")]
    public async Task Each_command_explains_itself_with_help(string command, string usage)
    {
        var (code, output, error) = await ToolProcess.RunAsync(command, "--help");

        Assert.Equal((0, ""), (code, error));
        Assert.Contains(usage, output.Replace("\r", "", StringComparison.Ordinal));
        Assert.Contains("--database <path>", output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => Run(_ => null, args);

    private static (int Code, string Output, string Error) Run(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = Cli.Run(args, output, error, environment);
        Assert.True(output.ToString().Count(c => c == '\n') <= 1 && error.ToString().Count(c => c == '\n') <= 1, $"more than one line:\n{output}{error}");
        return (code, output.ToString(), error.ToString());
    }

    private void WriteBadFile(string kind, string path)
    {
        var random = new Random(kind.Length);
        switch (kind)
        {
            case "random bytes":
                File.WriteAllBytes(path, RandomBytes(random, 64 * 1024));
                break;
            case "truncated backup":
            {
                var good = DatabaseBackup.Backup(_live, _files.File("good.db")).Path;
                var bytes = File.ReadAllBytes(good);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                File.Delete(good);
                break;
            }
            case "backup with overwritten pages":
            {
                var good = DatabaseBackup.Backup(_live, _files.File("good.db")).Path;
                var bytes = File.ReadAllBytes(good);
                var pageSize = 4096;
                random.NextBytes(bytes.AsSpan(pageSize, bytes.Length - (2 * pageSize)));
                File.WriteAllBytes(path, bytes);
                File.Delete(good);
                break;
            }
            default:
                using (var connection = ReliabilityDb.Open(path))
                {
                    ReliabilityDb.Execute(connection, "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('not ours');");
                }

                break;
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The bytes of the database and its WAL, after every connection has closed.</summary>
    private static string Fingerprint(string path)
    {
        SqliteConnection.ClearAllPools();
        return string.Join("/", new[] { path, path + "-wal" }.Select(f => File.Exists(f) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : "none"));
    }

    [GeneratedRegex(@"^Backed up .+ to .+: [\d,]+ bytes, \d+ tables, 1 user, integrity ok\.\n$")]
    private static partial Regex BackupLine();

    [GeneratedRegex(@"^Restored .+ into .+: \d+ tables, 1 user, integrity ok\. Start the app to apply any newer migrations\.\n$")]
    private static partial Regex RestoreLine();
}
