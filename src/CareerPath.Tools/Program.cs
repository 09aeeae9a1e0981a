namespace CareerPath.Tools;

internal static class Program
{
    private static int Main(string[] args) =>
        Cli.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
}
