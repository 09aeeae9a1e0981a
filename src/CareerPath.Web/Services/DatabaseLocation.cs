using CareerPath.Data;

namespace CareerPath.Web.Services;

/// <summary>
/// The database and catalog file this process uses, resolved once from configuration. Holds the database lock
/// from start-up until the app stops (it is disposed with the service container).
/// </summary>
public sealed class DatabaseLocation(string connectionString, string catalogPath) : IDisposable
{
    private DatabaseLock? _lock;

    public string ConnectionString { get; } = connectionString;

    public string CatalogPath { get; } = catalogPath;

    public string DatabasePath => Path.GetFullPath(DatabaseSetup.DataSourceOf(ConnectionString));

    /// <summary>
    /// Locks, migrates the database and applies the catalog; called once before the app serves requests. Throws
    /// <see cref="DatabaseStartupException"/> if another app or a restore is using the database.
    /// </summary>
    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        _lock ??= DatabaseSetup.Lock(ConnectionString);
        await DatabaseSetup.InitializeAsync(services, ConnectionString, CatalogPath, cancellationToken);
        services.GetRequiredService<CatalogProvider>().Invalidate();
        var logger = services.GetRequiredService<ILogger<DatabaseLocation>>();
        foreach (var path in DatabaseSetup.TightenPermissions(ConnectionString))
        {
            logger.LogWarning("Made {Path} readable by its owner only", path);
        }

        logger.LogInformation("Database ready at {Path}", DatabasePath);
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

/// <summary>Where the catalog file is: configured, or the copy shipped next to the app.</summary>
public static class CatalogFile
{
    public static string Resolve(string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, CareerPath.Data.Seeding.CatalogSeeder.DefaultFileName)
            : Path.GetFullPath(configured);
}
