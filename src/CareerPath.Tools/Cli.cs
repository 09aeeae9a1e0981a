using System.Globalization;
using CareerPath.Data;

namespace CareerPath.Tools;

/// <summary>The command line: parses arguments, runs one command, prints one line, returns the exit code.</summary>
public static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public const string Usage =
        "Usage: CareerPath.Tools backup <destination-file> [--database <path>] [--force] | restore <backup-file> [--database <path>]" +
        " | reset-password <email> [--database <path>] | list-users [--database <path>]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        if (args.Count == 0)
        {
            return Fail(error, "No command given.");
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return Success;
        }

        var command = args[0];
        if (command is not ("backup" or "restore" or "reset-password" or "list-users"))
        {
            return Fail(error, $"Unknown command '{command}'.");
        }

        string? file = null;
        string? database = null;
        var force = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--database" when i + 1 < args.Count:
                    database = args[++i];
                    break;
                case "--database":
                    return Fail(error, "--database needs a path.");
                case "--force" when command == "backup":
                    force = true;
                    break;
                case var option when option.StartsWith('-'):
                    return Fail(error, $"Unknown option '{option}' for {command}.");
                case var value when file is null:
                    file = value;
                    break;
                case var extra:
                    return Fail(error, $"Unexpected argument '{extra}'.");
            }
        }

        if (command == "list-users" && file is not null)
        {
            return Fail(error, $"Unexpected argument '{file}'.");
        }

        if (command != "list-users" && string.IsNullOrWhiteSpace(file))
        {
            return Fail(error, command switch
            {
                "backup" => "Give the backup file to write.",
                "restore" => "Give the backup file to restore.",
                _ => "Give the email of the account.",
            });
        }

        try
        {
            var live = ResolveDatabasePath(database, environment);
            if (command == "reset-password")
            {
                var password = AccountCommands.ResetPassword(live, file!);
                output.WriteLine($"The password of {file!.Trim()} is now: {password}");
                output.WriteLine("Every session of the account was signed out. Give the password to its owner privately; they should choose their own under Account → Password.");
            }
            else if (command == "list-users")
            {
                output.WriteLine(AccountCommands.ListUsers(live));
            }
            else if (command == "backup")
            {
                var copy = DatabaseBackup.Backup(live, file!, force);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Backed up {live} to {copy.Path}: {copy.SizeBytes:N0} bytes, {copy.TableCount} tables, {copy.UsersText}, integrity ok."));
            }
            else
            {
                var restored = DatabaseBackup.Restore(file!, live);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Restored {Path.GetFullPath(file!)} into {live}: {restored.TableCount} tables, {restored.UsersText}, integrity ok. Start the app to apply any newer migrations."));
            }

            return Success;
        }
        catch (BackupException ex)
        {
            error.WriteLine(ex.Message);
            return Failure;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (command is "reset-password" or "list-users")
        {
            error.WriteLine($"The database could not be used: {ex.Message} Start the app once to create or upgrade it.");
            return Failure;
        }
    }

    /// <summary>The database the app would use: <c>--database</c>, else the app's connection string setting, else its default.</summary>
    public static string ResolveDatabasePath(string? database, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(database))
        {
            return Path.GetFullPath(database);
        }

        string path;
        try
        {
            var configured = environment($"ConnectionStrings__{DatabaseSetup.ConnectionStringName}");
            path = DatabaseSetup.DataSourceOf(DatabaseSetup.ResolveConnectionString(configured));
        }
        catch (ArgumentException ex)
        {
            throw new BackupException($"ConnectionStrings__{DatabaseSetup.ConnectionStringName} is not a valid connection string: {ex.Message}", ex);
        }

        return string.IsNullOrEmpty(path) || path.Contains(":memory:", StringComparison.Ordinal)
            ? throw new BackupException("The configured database is in memory; there is no file to back up or restore.")
            : Path.GetFullPath(path);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"{message} {Usage}");
        return UsageError;
    }
}
