using CareerPath.Data;

namespace CareerPath.Web.Services;

/// <summary>The database and catalog file this process uses, resolved once from configuration.</summary>
public sealed record DatabaseLocation(string ConnectionString, string CatalogPath)
{
    public string DatabasePath => Path.GetFullPath(DatabaseSetup.DataSourceOf(ConnectionString));

    /// <summary>Migrates the database and applies the catalog; called once before the app serves requests.</summary>
    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DatabaseSetup.InitializeAsync(services, ConnectionString, CatalogPath, cancellationToken);
        services.GetRequiredService<CatalogProvider>().Invalidate();
        services.GetRequiredService<ILogger<DatabaseLocation>>().LogInformation("Database ready at {Path}", DatabasePath);
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
