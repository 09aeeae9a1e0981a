using System.CommandLine;
using System.Globalization;
using CareerPath.Data;

namespace CareerPath.Tools;

/// <summary>The command line: parses arguments, runs one command, prints one line, returns the exit code.</summary>
public static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>
    /// Runs one command. Exit codes: 0 done (or help shown), 1 refused with one line saying why, 2 a usage mistake
    /// (one line, then where to find help).
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var database = new Option<string?>("--database")
        {
            Description = "The database file; by default the app's own (ConnectionStrings__CareerPath, else ~/.local/share/CareerPath/careerpath.db).",
            HelpName = "path",
        };

        var backupFile = new Argument<string>("destination-file") { Description = "Where to write the copy." };
        var force = new Option<bool>("--force") { Description = "Overwrite the destination if it exists." };
        var backup = new Command("backup", "Copy the live database consistently while the app runs (SQLite's online backup), and check the copy.")
        {
            backupFile, database, force,
        };
        backup.SetAction(parsed => Guarded(error, () =>
        {
            var live = ResolveDatabasePath(parsed.GetValue(database), environment);
            var copy = DatabaseBackup.Backup(live, parsed.GetValue(backupFile)!, parsed.GetValue(force));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {live} to {copy.Path}: {copy.SizeBytes:N0} bytes, {copy.TableCount} tables, {copy.UsersText}, integrity ok."));
        }));

        var restoreFile = new Argument<string>("backup-file") { Description = "The backup to put in place of the database." };
        var restore = new Command("restore", "Put a backup in place of the database. Stop the app first; a restore under the running app is refused.")
        {
            restoreFile, database,
        };
        restore.SetAction(parsed => Guarded(error, () =>
        {
            var live = ResolveDatabasePath(parsed.GetValue(database), environment);
            var file = parsed.GetValue(restoreFile)!;
            var restored = DatabaseBackup.Restore(file, live);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Restored {Path.GetFullPath(file)} into {live}: {restored.TableCount} tables, {restored.UsersText}, integrity ok. Start the app to apply any newer migrations."));
        }));

        var email = new Argument<string>("email") { Description = "The account's email address." };
        var resetPassword = new Command("reset-password", "Give an account a new random password (shown once), sign out all its sessions and clear a lockout. Works while the app runs.")
        {
            email, database,
        };
        resetPassword.SetAction(parsed => Guarded(error, () =>
        {
            var live = ResolveDatabasePath(parsed.GetValue(database), environment);
            var address = parsed.GetValue(email)!.Trim();
            var password = AccountCommands.ResetPassword(live, address);
            output.WriteLine($"The password of {address} is now: {password}");
            output.WriteLine("Every session of the account was signed out. Give the password to its owner privately; they should choose their own under Account → Password.");
        }));

        var adminEmail = new Argument<string>("email") { Description = "The account's email address." };
        var remove = new Option<bool>("--remove") { Description = "End the account's administrator rights instead (never the last administrator's)." };
        var makeAdmin = new Command("make-admin", "Make an account an administrator of this server (the first account on a new server is one).")
        {
            adminEmail, remove, database,
        };
        makeAdmin.SetAction(parsed => Guarded(error, () =>
            output.WriteLine(AccountCommands.MakeAdmin(ResolveDatabasePath(parsed.GetValue(database), environment), parsed.GetValue(adminEmail)!, parsed.GetValue(remove)))));

        var listUsers = new Command("list-users", "List the accounts: email, name, since when, open sessions, administrator, lockout.") { database };
        listUsers.SetAction(parsed => Guarded(error, () => output.WriteLine(AccountCommands.ListUsers(ResolveDatabasePath(parsed.GetValue(database), environment)))));

        var root = new RootCommand("CareerPath's operator tools: back up and restore the database, and help people who cannot sign in.")
        {
            backup, restore, resetPassword, makeAdmin, listUsers,
        };
        var result = root.Parse(args);
        if (args.Count == 0)
        {
            error.WriteLine("No command given. Run 'CareerPath.Tools --help' to see the commands.");
            return UsageError;
        }

        if (result.Errors.Count > 0)
        {
            var command = result.CommandResult.Command;
            var help = command == root ? "CareerPath.Tools --help" : $"CareerPath.Tools {command.Name} --help";
            var message = result.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))?.Message
                ?? (result.Errors[0].Message.StartsWith("Required argument missing for command", StringComparison.Ordinal)
                    ? command.Name switch
                    {
                        "backup" => "Give the backup file to write.",
                        "restore" => "Give the backup file to restore.",
                        _ => "Give the email of the account.",
                    }
                    : result.Errors[0].Message);
            error.WriteLine($"{message} Run '{help}' for how to use it.");
            return UsageError;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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

    // A refusal (a file that is not a backup, an unknown account, a database the app holds) is one line and exit 1.
    private static int Guarded(TextWriter error, Action command)
    {
        try
        {
            command();
            return Success;
        }
        catch (BackupException ex)
        {
            error.WriteLine(ex.Message);
            return Failure;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            error.WriteLine($"The database could not be used: {ex.Message} Start the app once to create or upgrade it.");
            return Failure;
        }
    }
}
