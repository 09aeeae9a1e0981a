using CareerPath.Data.Frameworks;
using Microsoft.EntityFrameworkCore;
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await FrameworkStore.AddVersionAsync(db, StoredFramework.DefaultKey, read.Document!.Name ?? DefaultName, checkedFramework!,
            Path.GetFileName(path), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (version is null)
        {
            logger.LogDebug("Catalog {Path} already stored", path);
            return false;
        }

        if (version.Number > 1)
        {
            await KeepResultsOnTheirVersionAsync(version, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Stored catalog {Path} as version {Number} of the default framework", path, version.Number);
        return true;
    }

    /// <summary>
    /// A new default version must not change what anyone's results mean. Records made before frameworks had versions
    /// are pinned to the default's first version; users who follow the default and hold results stay on the version
    /// before this one (moving a plan that holds results is the user's choice). Plans without results follow the
    /// default to its new version.
    /// </summary>
    private async Task KeepResultsOnTheirVersionAsync(StoredFrameworkVersion added, CancellationToken ct)
    {
        var versions = await db.FrameworkVersions.Where(v => v.FrameworkId == added.FrameworkId && (v.Number == 1 || v.Number == added.Number - 1))
            .ToDictionaryAsync(v => v.Number, v => v.Id, ct);
        var first = versions[1];
        await db.SkillAudits.IgnoreQueryFilters().Where(r => r.FrameworkVersionId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.FrameworkVersionId, first), ct);
        await db.FeedbackRounds.IgnoreQueryFilters().Where(r => r.FrameworkVersionId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.FrameworkVersionId, first), ct);
        await db.Roadmaps.IgnoreQueryFilters().Where(r => r.FrameworkVersionId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.FrameworkVersionId, first), ct);
        await db.Goals.IgnoreQueryFilters().Where(r => r.FrameworkVersionId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.FrameworkVersionId, first), ct);

        var previous = versions[added.Number - 1];
        var pinned = await db.Users
            .Where(u => u.FrameworkVersionId == null
                && (db.SkillAudits.IgnoreQueryFilters().Any(r => r.OwnerId == u.Id)
                    || db.FeedbackRounds.IgnoreQueryFilters().Any(r => r.OwnerId == u.Id)
                    || db.CareerAspirations.IgnoreQueryFilters().Any(r => r.OwnerId == u.Id)
                    || db.Roadmaps.IgnoreQueryFilters().Any(r => r.OwnerId == u.Id)
                    || db.Goals.IgnoreQueryFilters().Any(r => r.OwnerId == u.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FrameworkVersionId, previous), ct);
        logger.LogInformation("Kept {Count} plans holding results on version {Number} of the default framework", pinned, added.Number - 1);
    }
}

/// <summary>The catalog file cannot be read or applied; the message says why.</summary>
public sealed class CatalogException(string message) : Exception(message);
