using CareerPath.Data;

namespace CareerPath.Tools;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Backups and restored databases are the owner's alone, like the database the app makes (umask 077).
        OwnerOnly.RestrictNewFiles();
        return Cli.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
    }
}
