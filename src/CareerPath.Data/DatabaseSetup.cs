using CareerPath.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CareerPath.Data;

/// <summary>Where the database lives, and how it is brought up to date when the app starts.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "CareerPath";
    public const string DefaultFileName = "careerpath.db";

    /// <summary>
    /// The configured connection string, or a file in the per-user application data folder
    /// (~/.local/share/CareerPath on Linux, %LOCALAPPDATA%\CareerPath on Windows).
    /// </summary>
    public static string ResolveConnectionString(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, "CareerPath", DefaultFileName) }.ToString();
    }

    /// <summary>
    /// Cookie and token keys live beside the database, so a backup of that folder restores sign-ins too.
    /// </summary>
    public static string KeysFolderFor(string connectionString)
    {
        var path = DataSourceOf(connectionString);
        var folder = string.IsNullOrEmpty(path) || path.Contains(":memory:", StringComparison.Ordinal)
            ? Path.GetTempPath()
            : Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Path.Combine(folder, "keys");
    }

    public static string DataSourceOf(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource;

    private static bool IsFile(string path) =>
        !string.IsNullOrEmpty(path) && path != ":memory:" && !path.StartsWith("file::memory:", StringComparison.Ordinal);

    /// <summary>
    /// Takes the database lock (see <see cref="DatabaseLock"/>) for as long as the app runs, creating the folder
    /// (0700) if needed. Refuses with a <see cref="DatabaseStartupException"/> if another app or a restore holds
    /// it. An in-memory database needs no lock: null.
    /// </summary>
    public static DatabaseLock? Lock(string connectionString)
    {
        var path = DataSourceOf(connectionString);
        if (!IsFile(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        try
        {
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(full)!);
            return DatabaseLock.TryAcquire(full)
                ?? throw new DatabaseStartupException(
                    $"Cannot use the database at '{full}': another CareerPath process is using it (an app already running on it, or a restore); stop it first, or give this app its own database.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException($"Cannot use the database at '{full}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Removes group and other access from the database, its -wal, -shm and lock files, the key folder and its keys,
    /// as left by an older version. Returns what was changed.
    /// </summary>
    public static IReadOnlyList<string> TightenPermissions(string connectionString)
    {
        var path = DataSourceOf(connectionString);
        if (!IsFile(path))
        {
            return [];
        }

        var full = Path.GetFullPath(path);
        var keys = KeysFolderFor(connectionString);
        var candidates = new List<string> { full, full + "-wal", full + "-shm", DatabaseLock.PathFor(full), keys };
        if (Directory.Exists(keys))
        {
            candidates.AddRange(Directory.EnumerateFiles(keys));
        }

        return candidates.Where(OwnerOnly.Tighten).ToList();
    }

    /// <summary>
    /// Creates the folder, checks the file can be opened and written, switches on write-ahead logging, applies
    /// pending migrations and the catalog. Failures become a <see cref="DatabaseStartupException"/> whose
    /// message names the path and the reason.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, string connectionString, string catalogPath, CancellationToken cancellationToken = default)
    {
        var path = DataSourceOf(connectionString);
        try
        {
            if (IsFile(path))
            {
                var full = Path.GetFullPath(path);
                OwnerOnly.CreateDirectory(Path.GetDirectoryName(full)!);
                OwnerOnly.CreateDirectory(KeysFolderFor(connectionString));
                // SQLite gives -wal and -shm the main file's mode, so a private main file keeps them private too.
                OwnerOnly.CreateEmptyFile(full);
            }

            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                // journal_mode=WAL is persistent in the file; the write also proves the file is writable.
                command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS __careerpath_probe(x); DROP TABLE __careerpath_probe;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareerPathDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(catalogPath, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            var reason = ex is SqliteException sqlite ? sqlite.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal) : ex.Message;
            throw new DatabaseStartupException($"Cannot use the database at '{Path.GetFullPath(path)}': {reason}", ex);
        }
    }

    public static IServiceCollection AddCareerPathData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<SqlitePragmaInterceptor>();
        void Configure(IServiceProvider sp, DbContextOptionsBuilder options) =>
            options.UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());

        // Pooled: an action on an open page uses a short-lived context, and a new one first builds its own scope of EF's
        // internal services, a few percent of an action's CPU in the load benchmark (docs/benchmarks.md, "Load").
        // A context going back to the pool forgets its owner (CareerPathDbContext.Dispose).
        services.AddPooledDbContextFactory<CareerPathDbContext>(Configure);
        services.AddDbContext<CareerPathDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CatalogSeeder>();
        return services;
    }
}

/// <summary>The database cannot be opened, written or migrated, or is in use; the message is fit to show as-is.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);
