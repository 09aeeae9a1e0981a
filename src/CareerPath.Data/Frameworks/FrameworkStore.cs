using System.Security.Cryptography;
using System.Text;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Data.Frameworks;

/// <summary>A framework that passed every check, in the normalised form a version stores.</summary>
public sealed record CheckedFramework(CareerCatalog? Catalog, string? Document, IReadOnlyList<FrameworkProblem> Problems);

/// <summary>A framework version read back: its checked catalog and which version it is.</summary>
public sealed record LoadedFramework(Guid FrameworkId, Guid VersionId, int Number, string Name, CareerCatalog Catalog, FrameworkDocument Document);

/// <summary>Stores framework versions and reads them back.</summary>
public static class FrameworkStore
{
    /// <summary>The largest stored version: well above the biggest framework the limits allow, far below what would hurt.</summary>
    public const int MaxDocumentChars = 16_000_000;

    /// <summary>Personal frameworks one user may keep, and versions one framework may have.</summary>
    public const int MaxPersonalFrameworks = 20;
    public const int MaxVersions = 50;

    /// <summary>Checks a document and, when it passes, writes it out normalised (what a version stores and its hash covers).</summary>
    public static CheckedFramework Check(FrameworkDocument document)
    {
        var build = FrameworkBuilder.Build(document);
        if (build.Catalog is null)
        {
            return new(null, null, build.Problems);
        }

        var normalised = FrameworkJson.Write(FrameworkExport.ToDocument(build.Catalog, document.Name, document.Description, document.Version));
        if (normalised.Length > MaxDocumentChars)
        {
            return new(null, null, [new(FrameworkBuilder.Whole, $"The framework is too large to keep ({normalised.Length / 1_000_000.0:0.#} million characters written out; at most {MaxDocumentChars / 1_000_000} million).")]);
        }

        return new(build.Catalog, normalised, []);
    }

    /// <summary>
    /// Adds a version to the framework with this key (creating the framework on first use) unless its newest version
    /// already holds the same content. Returns the new version, or null when nothing changed.
    /// </summary>
    public static async Task<StoredFrameworkVersion?> AddVersionAsync(CareerPathDbContext db, string key, string name, CheckedFramework framework,
        string source, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var stored = await db.Frameworks.SingleOrDefaultAsync(f => f.Key == key, cancellationToken);
        if (stored is null)
        {
            stored = new StoredFramework { Id = Guid.NewGuid(), Key = key, Name = name, CreatedAtUtc = nowUtc };
            db.Frameworks.Add(stored);
        }

        return await AddVersionAsync(db, stored, name, framework, source, nowUtc, cancellationToken);
    }

    /// <summary>
    /// Adds a version to a framework already loaded (tracked) or just added; null when its newest version holds the same
    /// content. With <paramref name="number"/>, the version is stored as exactly that number (the one after the version
    /// an editor opened), so a version stored meanwhile makes the save fail on the unique index instead of being
    /// silently followed.
    /// </summary>
    public static async Task<StoredFrameworkVersion?> AddVersionAsync(CareerPathDbContext db, StoredFramework stored, string name, CheckedFramework framework,
        string source, DateTime nowUtc, CancellationToken cancellationToken = default, int? number = null)
    {
        var document = framework.Document ?? throw new InvalidOperationException("Only a checked framework can be stored.");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

        var newest = await db.FrameworkVersions.Where(v => v.FrameworkId == stored.Id)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        if (newest?.ContentHash == hash)
        {
            return null;
        }

        var version = new StoredFrameworkVersion
        {
            Id = Guid.NewGuid(),
            FrameworkId = stored.Id,
            Number = number ?? (newest?.Number ?? 0) + 1,
            Document = document,
            ContentHash = hash,
            Source = source.Length > StoredFrameworkVersion.SourceMaxLength ? source[..StoredFrameworkVersion.SourceMaxLength] : source,
            CreatedAtUtc = nowUtc,
        };
        stored.Name = name;
        db.FrameworkVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>The newest version of the framework with this key, checked again as it is read.</summary>
    public static async Task<LoadedFramework?> LoadNewestAsync(CareerPathDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var row = await db.Frameworks.AsNoTracking().Where(f => f.Key == key)
            .Join(db.FrameworkVersions.AsNoTracking(), f => f.Id, v => v.FrameworkId, (f, v) => new { f.Name, Version = v })
            .OrderByDescending(x => x.Version.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Parse(key, row.Name, row.Version);
    }

    /// <summary>One version by its id, checked again as it is read; null when there is none.</summary>
    public static async Task<LoadedFramework?> LoadVersionAsync(CareerPathDbContext db, Guid versionId, CancellationToken cancellationToken = default)
    {
        var row = await db.FrameworkVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Join(db.Frameworks.AsNoTracking(), v => v.FrameworkId, f => f.Id, (v, f) => new { f.Key, f.Name, Version = v })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Parse(row.Key, row.Name, row.Version);
    }

    private static LoadedFramework Parse(string key, string name, StoredFrameworkVersion version)
    {
        var read = FrameworkJson.Read(version.Document);
        var build = read.Document is null ? null : FrameworkBuilder.Build(read.Document);
        if (build?.Catalog is null)
        {
            var problems = read.Problems.Concat(build?.Problems ?? []);
            throw new InvalidDataException($"Version {version.Number} of framework '{key}' is stored damaged: {string.Join("; ", problems)}");
        }

        return new LoadedFramework(version.FrameworkId, version.Id, version.Number, name, build.Catalog.IdentifyAs(version.Id), read.Document!);
    }
}
