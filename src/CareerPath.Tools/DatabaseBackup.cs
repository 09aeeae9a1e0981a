using CareerPath.Data;
using Microsoft.Data.Sqlite;

namespace CareerPath.Tools;

/// <summary>What a database file holds, or why it cannot be used.</summary>
public sealed record DatabaseCheck(string Path, string? Problem, long SizeBytes, int TableCount, long? UserCount, string? LatestMigration)
{
    public bool IsOk => Problem is null;

    public bool IsCareerPath => LatestMigration is not null && UserCount is not null;

    public string UsersText => UserCount switch
    {
        null => "no AspNetUsers table",
        1 => "1 user",
        var count => $"{count} users",
    };
}

/// <summary>A backup or restore was refused or failed; the message is one line, fit to show as-is.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Online backup and restore of the SQLite database with SQLite's backup API, which copies a consistent
/// snapshot (committed WAL content included) while the app keeps reading and writing.
/// </summary>
public static class DatabaseBackup
{
    private const int BusyTimeoutMilliseconds = 5000;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>Copies the live database to a new file and verifies the copy.</summary>
    public static DatabaseCheck Backup(string databasePath, string destinationPath, bool overwrite = false)
    {
        var source = Path.GetFullPath(databasePath);
        var destination = Path.GetFullPath(destinationPath);
        if (!File.Exists(source))
        {
            throw new BackupException($"Backup failed: there is no database at '{source}'.");
        }

        if (SamePath(source, destination))
        {
            throw new BackupException($"Backup failed: the destination '{destination}' is the live database itself.");
        }

        if (Directory.Exists(destination))
        {
            throw new BackupException($"Backup failed: '{destination}' is a folder; give the backup a file name.");
        }

        if (File.Exists(destination) && !overwrite)
        {
            throw new BackupException($"Backup failed: '{destination}' already exists; pass --force to overwrite it.");
        }

        // Written beside the destination and moved into place only once verified, so a failed backup neither
        // leaves a half-written file under the destination's name nor destroys the backup it would replace.
        var temporary = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(destination)!);
            // Created 0600 before SQLite writes a byte into it; the backup holds everyone's notes.
            OwnerOnly.CreateEmptyFile(temporary);
            using (var from = Open(source, SqliteOpenMode.ReadWrite))
            using (var to = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                from.BackupDatabase(to);
                // The copy inherits WAL mode from the source; a backup should be one self-contained file.
                Execute(to, "PRAGMA journal_mode=DELETE;");
            }

            var check = Inspect(temporary);
            if (!check.IsOk)
            {
                throw new BackupException($"Backup failed: the copy of '{source}' did not pass its integrity check ({check.Problem}); the live database may be damaged.");
            }

            File.Move(temporary, destination, overwrite);
            return check with { Path = destination };
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"Backup failed: cannot copy '{source}': {Reason(ex)}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"Backup failed: cannot write '{destination}': {ex.Message}", ex);
        }
        finally
        {
            DeleteQuietly(temporary);
            DeleteQuietly(temporary + "-journal");
        }
    }

    /// <summary>
    /// Replaces the content of the live database with a verified backup. Refused while the app runs on the
    /// database (it holds the <see cref="DatabaseLock"/>); the lock is held for the whole restore, so the app cannot
    /// start half-way through either. The backup is checked first; if it is not a sound CareerPath database nothing
    /// is changed.
    /// </summary>
    public static DatabaseCheck Restore(string backupPath, string databasePath)
    {
        var backup = Path.GetFullPath(backupPath);
        var live = Path.GetFullPath(databasePath);
        if (!File.Exists(backup))
        {
            throw new BackupException($"Restore refused: there is no backup at '{backup}'.");
        }

        if (SamePath(backup, live))
        {
            throw new BackupException($"Restore refused: '{backup}' is the live database itself.");
        }

        // Checked and copied from a private copy, so nothing (not even a -shm file) is written beside the backup.
        var staged = Path.Combine(Path.GetTempPath(), $"careerpath-restore-{Guid.NewGuid():N}.db");
        DatabaseLock? hold = null;
        try
        {
            Stage(backup, staged);
            var check = Inspect(staged);
            if (!check.IsOk)
            {
                throw new BackupException($"Restore refused: '{backup}' {check.Problem}; the database was not changed.");
            }

            if (!check.IsCareerPath)
            {
                throw new BackupException($"Restore refused: '{backup}' is not a CareerPath database (no migration history or no AspNetUsers table); the database was not changed.");
            }

            // Only a sound backup gets this far, so a refused one leaves no file at all beside the database.
            hold = Lock(live);
            CopyInto(staged, live);

            // Read-write so that closing the connection also tidies the -wal and -shm files away.
            var restored = Inspect(live, SqliteOpenMode.ReadWrite);
            return restored.IsOk
                ? restored
                : throw new BackupException($"Restore failed: '{live}' did not pass its integrity check after the restore ({restored.Problem}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"Restore failed: {ex.Message}", ex);
        }
        finally
        {
            hold?.Dispose();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                DeleteQuietly(staged + suffix);
            }
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> on a read-only connection and counts what the file holds.</summary>
    public static DatabaseCheck Inspect(string path) => Inspect(path, SqliteOpenMode.ReadOnly);

    private static DatabaseCheck Inspect(string path, SqliteOpenMode mode)
    {
        var full = Path.GetFullPath(path);
        var size = File.Exists(full) ? new FileInfo(full).Length : 0;
        try
        {
            using var connection = Open(full, mode);
            var problems = Rows(connection, "PRAGMA integrity_check;");
            if (problems is not ["ok"])
            {
                return Failed($"is damaged: {string.Join("; ", problems.Take(3))}");
            }

            var tables = Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"));
            var users = HasTable(connection, "AspNetUsers") ? Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM AspNetUsers;")) : (long?)null;
            var migration = HasTable(connection, "__EFMigrationsHistory")
                ? Scalar(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;") as string
                : null;
            return new DatabaseCheck(full, null, size, tables, users, migration);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteNotADatabase)
        {
            return Failed("is not a SQLite database");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteCorrupt)
        {
            return Failed($"is damaged: {Reason(ex)}");
        }
        catch (SqliteException ex)
        {
            return Failed($"cannot be read: {Reason(ex)}");
        }

        DatabaseCheck Failed(string problem) => new(full, problem, size, 0, null, null);
    }

    private static DatabaseLock Lock(string live)
    {
        try
        {
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(live)!);
            return DatabaseLock.TryAcquire(live)
                ?? throw new BackupException($"Restore refused: the CareerPath app is running on '{live}' (or another restore is); stop the app and run the restore again. The database was not changed.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"Restore failed: cannot lock '{live}': {ex.Message}", ex);
        }
    }

    private static void Stage(string backup, string staged)
    {
        CopyPrivately(backup, staged);
        // A backup left in WAL mode may keep committed pages in its -wal file.
        if (File.Exists(backup + "-wal"))
        {
            CopyPrivately(backup + "-wal", staged + "-wal");
        }
    }

    /// <summary>A copy that is 0600 whatever the original's mode (File.Copy would keep a world-readable backup's mode in /tmp).</summary>
    private static void CopyPrivately(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var target = new FileStream(to, OwnerOnly.NewFile(FileMode.CreateNew, FileAccess.Write, FileShare.None));
        source.CopyTo(target);
    }

    private static void CopyInto(string backup, string live)
    {
        try
        {
            // A restore into a new place makes a private file; an existing one keeps its mode.
            OwnerOnly.CreateEmptyFile(live);
            using var from = Open(backup, SqliteOpenMode.ReadOnly);
            using var to = Open(live, SqliteOpenMode.ReadWriteCreate);
            // SQLite cannot change the page size of a database in WAL mode, so a backup with another page size
            // (e.g. made by another SQLite build) is copied in rollback-journal mode; that needs the app stopped.
            if (Scalar(to, "PRAGMA journal_mode;") is "wal" && !Equals(Scalar(to, "PRAGMA page_size;"), Scalar(from, "PRAGMA page_size;")))
            {
                Execute(to, "PRAGMA journal_mode=DELETE;");
            }

            from.BackupDatabase(to);
            // The app runs in WAL mode; checkpointing now puts the restored pages into the main file at once.
            Execute(to, "PRAGMA journal_mode=WAL; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new BackupException($"Restore failed: the database '{live}' is in use; stop the app and run the restore again.", ex);
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"Restore failed: cannot write '{live}': {Reason(ex)}", ex);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // No pooling: the files must be closed when the tool is done with them (moved, restored, deleted).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout={BusyTimeoutMilliseconds};");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static bool HasTable(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    private static string Reason(SqliteException ex)
    {
        var message = ex.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal);
        var help = message.IndexOf(" For more information", StringComparison.Ordinal);
        return help < 0 ? message : message[..help] + "'.";
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stray temporary file is harmless; the error that matters has already been reported.
        }
    }
}
