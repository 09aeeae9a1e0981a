using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Domain.Common;
using CareerPath.Domain.Frameworks;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Frameworks;

/// <summary>A framework as the frameworks page lists it: who sees it, its newest version, and its size.</summary>
public sealed record FrameworkLine(
    Guid Id,
    string Name,
    bool IsServer,
    bool IsDefault,
    bool CanChange,
    int Versions,
    int NewestNumber,
    DateTime NewestAtUtc,
    string NewestSource,
    int Ladders,
    int Roles,
    int Skills,
    int Levels);

public sealed record FrameworksPageModel(IReadOnlyList<FrameworkLine> Frameworks, bool IsAdministrator);

/// <summary>What an import did: the problems that stopped it, or what was stored.</summary>
public sealed record ImportOutcome(IReadOnlyList<FrameworkProblem> Problems, string? Stored)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The frameworks a signed-in user may see (the server's, and their own personal ones), their import and export.
/// Server frameworks are changed only by administrators; a personal framework only by its owner; anyone else's
/// personal framework does not exist as far as this service is concerned.
/// </summary>
public sealed class FrameworkService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public async Task<FrameworksPageModel> ListAsync()
    {
        await using var db = await userData.OpenAsync();
        var userId = db.CurrentOwnerId!;
        var isAdministrator = await Administrators.IsAdministratorAsync(db, userId);
        var frameworks = await Visible(db, userId)
            .Select(f => new
            {
                f.Id,
                f.Name,
                f.Key,
                f.OwnerId,
                Versions = db.FrameworkVersions.Count(v => v.FrameworkId == f.Id),
                Newest = db.FrameworkVersions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Number)
                    .Select(v => new { v.Id, v.Number, v.CreatedAtUtc, v.Source }).First(),
            })
            .ToListAsync();

        var lines = new List<FrameworkLine>();
        foreach (var f in frameworks)
        {
            var catalog = (await catalogProvider.GetVersionAsync(f.Newest.Id))!.Catalog;
            var isDefault = f.Key == StoredFramework.DefaultKey;
            lines.Add(new FrameworkLine(f.Id, f.Name, f.OwnerId is null, isDefault, CanChange(f.OwnerId, userId, isAdministrator) && !isDefault,
                f.Versions, f.Newest.Number, f.Newest.CreatedAtUtc, f.Newest.Source,
                catalog.Ladders.Count, catalog.Roles.Count, catalog.Skills.Count, catalog.Scale.Count));
        }

        // The server's default first, then the server's others, then the user's own, each by name.
        var ordered = lines.OrderByDescending(l => l.IsDefault).ThenByDescending(l => l.IsServer)
            .ThenBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new FrameworksPageModel(ordered, isAdministrator);
    }

    /// <summary>
    /// Reads, checks and stores a framework file: as a new framework (personal, or the server's when
    /// <paramref name="forServer"/> and the user is an administrator), or as a new version of <paramref name="into"/>.
    /// Nothing is stored unless the whole file passes.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(string fileName, string text, bool forServer, Guid? into)
    {
        await using var db = await userData.OpenAsync();
        var userId = db.CurrentOwnerId!;
        var isAdministrator = await Administrators.IsAdministratorAsync(db, userId);
        StoredFramework? target = null;
        if (into is { } id)
        {
            target = await Visible(db, userId).SingleOrDefaultAsync(f => f.Id == id)
                ?? throw new NotFoundException("That framework does not exist, or is not yours to change.");
            if (!CanChange(target.OwnerId, userId, isAdministrator) || target.Key == StoredFramework.DefaultKey)
            {
                throw new DomainException(target.Key == StoredFramework.DefaultKey
                    ? "The server's default framework comes from its catalog file; the operator changes it there."
                    : "Only an administrator can change a server framework.");
            }
        }
        else if (forServer && !isAdministrator)
        {
            throw new DomainException("Only an administrator can add a framework for everyone on this server. Import it as your own instead.");
        }

        var read = FrameworkFiles.Read(fileName, text);
        if (read.Document is null)
        {
            return new ImportOutcome(read.Problems, null);
        }

        var checkedFramework = FrameworkStore.Check(read.Document);
        if (checkedFramework.Catalog is null)
        {
            return new ImportOutcome(checkedFramework.Problems, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var name = Guard.Text(target?.Name ?? read.Document.Name ?? Path.GetFileNameWithoutExtension(fileName), "A framework's name", StoredFramework.NameMaxLength);
        if (target is null)
        {
            target = new StoredFramework
            {
                Id = Guid.NewGuid(),
                Key = "fw-" + Guid.NewGuid().ToString("N"),
                Name = name,
                OwnerId = forServer ? null : userId,
                CreatedAtUtc = now,
            };
            db.Frameworks.Add(target);
        }

        var version = await FrameworkStore.AddVersionAsync(db, target, name, checkedFramework, Path.GetFileName(fileName), now);
        return version is null
            ? new ImportOutcome([], $"'{name}' already holds exactly this content; nothing changed.")
            : new ImportOutcome([], version.Number == 1
                ? $"Imported '{name}': {Describe(checkedFramework)}."
                : $"Stored version {version.Number} of '{name}': {Describe(checkedFramework)}. Earlier versions are kept.");
    }

    /// <summary>The newest version of a framework the user may see, in an export format; null for an unknown format.</summary>
    public async Task<(string Content, string MediaType, string FileName)?> ExportAsync(Guid id, string format)
    {
        await using var db = await userData.OpenAsync();
        var framework = await Visible(db, db.CurrentOwnerId!).Select(f => new
            {
                f.Id,
                f.Name,
                Newest = db.FrameworkVersions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Number).Select(v => v.Id).First(),
            })
            .SingleOrDefaultAsync(f => f.Id == id)
            ?? throw new NotFoundException("That framework does not exist, or is not yours to see.");
        var loaded = (await catalogProvider.GetVersionAsync(framework.Newest))!;
        var document = FrameworkExport.ToDocument(loaded.Catalog, loaded.Document.Name ?? framework.Name, loaded.Document.Description, loaded.Document.Version);
        return FrameworkFiles.Write(document, format) is { } file ? (file.Content, file.MediaType, FileName(framework.Name) + file.Extension) : null;
    }

    /// <summary>Deletes a personal framework of the user's, or (administrators) a server framework other than the default.</summary>
    public async Task DeleteAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var userId = db.CurrentOwnerId!;
        var framework = await Visible(db, userId).SingleOrDefaultAsync(f => f.Id == id)
            ?? throw new NotFoundException("That framework does not exist, or is not yours to delete.");
        if (framework.Key == StoredFramework.DefaultKey)
        {
            throw new DomainException("The server's default framework cannot be deleted: signed-out visitors and new accounts use it.");
        }

        if (!CanChange(framework.OwnerId, userId, await Administrators.IsAdministratorAsync(db, userId)))
        {
            throw new DomainException("Only an administrator can delete a server framework.");
        }

        db.Frameworks.Remove(framework);
        await db.SaveChangesAsync();
    }

    private static IQueryable<StoredFramework> Visible(Data.CareerPathDbContext db, string userId) =>
        db.Frameworks.Where(f => f.OwnerId == null || f.OwnerId == userId);

    private static bool CanChange(string? ownerId, string userId, bool isAdministrator) =>
        ownerId is null ? isAdministrator : ownerId == userId;

    private static string Describe(CheckedFramework framework)
    {
        var catalog = framework.Catalog!;
        return $"{Format.Plural(catalog.Roles.Count, "role")} on {Format.Plural(catalog.Ladders.Count, "ladder")}, "
            + $"{Format.Plural(catalog.Skills.Count, "skill")}, a scale of {catalog.Scale.Count} levels";
    }

    private static string FileName(string name)
    {
        var safe = new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        safe = string.Join('-', safe.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return string.IsNullOrEmpty(safe) ? "framework" : safe.Length > 60 ? safe[..60].TrimEnd('-') : safe;
    }
}
