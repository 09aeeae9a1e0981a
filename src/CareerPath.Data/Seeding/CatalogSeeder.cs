using CareerPath.Data.Frameworks;
using Microsoft.Extensions.Logging;

namespace CareerPath.Data.Seeding;

/// <summary>
/// Keeps the instance's default framework in step with the catalog file: the file is read and checked in full, and
/// stored as a new version of the default framework when its content differs from the newest version. Earlier
/// versions stay, and user data is never touched.
/// </summary>
public sealed class CatalogSeeder(CareerPathDbContext db, TimeProvider clock, ILogger<CatalogSeeder> logger)
{
    public const string DefaultFileName = "catalog.json";

    /// <summary>The default framework's name when the catalog file gives none.</summary>
    public const string DefaultName = "Technical and product management";

    /// <returns>Whether a new version was stored.</returns>
    public async Task<bool> SeedAsync(string path, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"The catalog file '{path}' cannot be read: {ex.Message}");
        }

        var read = FrameworkJson.Read(json);
        var checkedFramework = read.Document is null ? null : FrameworkStore.Check(read.Document);
        var problems = read.Problems.Concat(checkedFramework?.Problems ?? []).ToList();
        if (problems.Count > 0)
        {
            throw new CatalogException(
                $"The catalog file '{path}' cannot be used:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => $"- {p}")));
        }

        var version = await FrameworkStore.AddVersionAsync(db, StoredFramework.DefaultKey, read.Document!.Name ?? DefaultName, checkedFramework!,
            Path.GetFileName(path), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (version is null)
        {
            logger.LogDebug("Catalog {Path} already stored", path);
            return false;
        }

        logger.LogInformation("Stored catalog {Path} as version {Number} of the default framework", path, version.Number);
        return true;
    }
}

/// <summary>The catalog file cannot be read or applied; the message says why.</summary>
public sealed class CatalogException(string message) : Exception(message);
