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
    bool IsPlan,
    int? PlanNumber,
    int Versions,
    int NewestNumber,
    DateTime NewestAtUtc,
    string NewestSource,
    int Ladders,
    int Roles,
    int Skills,
    int Levels);

/// <param name="PlanHolds">What the user's plan holds ("2 skill audits and 1 goal"): moving it then goes through a review of what changes. Null when it holds nothing.</param>
public sealed record FrameworksPageModel(IReadOnlyList<FrameworkLine> Frameworks, bool IsAdministrator, string? PlanHolds);

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
public sealed class FrameworkService(UserData userData, CatalogProvider catalogProvider, PlanVersions planVersions, TimeProvider clock)
{
    public async Task<FrameworksPageModel> ListAsync()
    {
        await using var db = await userData.OpenAsync();
        var userId = db.CurrentOwnerId!;
        var isAdministrator = await Administrators.IsAdministratorAsync(db, userId);
        var planVersion = await planVersions.GetAsync(userId);
        var plan = planVersion is null
            ? null
            : await db.FrameworkVersions.Where(v => v.Id == planVersion).Select(v => new { v.FrameworkId, v.Number }).FirstOrDefaultAsync();
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
            CareerPath.Domain.Catalog.CareerCatalog catalog;
            try
            {
                catalog = (await catalogProvider.GetVersionAsync(f.Newest.Id))!.Catalog;
            }
            catch (InvalidDataException)
            {
                // A version stored by an older release that today's checks refuse: listed, not counted, so the page still works.
                lines.Add(new FrameworkLine(f.Id, f.Name + " (cannot be read)", f.OwnerId is null, false, false, false, null, f.Versions, f.Newest.Number,
                    f.Newest.CreatedAtUtc, f.Newest.Source, 0, 0, 0, 0));
                continue;
            }

            var isDefault = f.Key == StoredFramework.DefaultKey;
            var isPlan = plan is null ? isDefault : plan.FrameworkId == f.Id;
            lines.Add(new FrameworkLine(f.Id, f.Name, f.OwnerId is null, isDefault, CanChange(f.OwnerId, userId, isAdministrator) && !isDefault,
                isPlan, isPlan ? plan?.Number ?? f.Newest.Number : null, f.Versions, f.Newest.Number, f.Newest.CreatedAtUtc, f.Newest.Source,
                catalog.Ladders.Count, catalog.Roles.Count, catalog.Skills.Count, catalog.Scale.Count));
        }

        // The server's default first, then the server's others, then the user's own, each by name.
        var ordered = lines.OrderByDescending(l => l.IsDefault).ThenByDescending(l => l.IsServer)
            .ThenBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new FrameworksPageModel(ordered, isAdministrator, await PlanMoveService.KeptAsync(db));
    }

    /// <summary>
    /// Plans the user's work against a framework's newest version (the server's default follows its newest version),
    /// at once while the plan holds nothing; a plan with results moves through <see cref="PlanMoveService"/>, after
    /// the user has seen what changes.
    /// </summary>
    public async Task ChooseAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var userId = db.CurrentOwnerId!;
        var framework = await Visible(db, userId).Select(f => new
            {
                f.Id,
                f.Key,
                Newest = db.FrameworkVersions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Number).Select(v => v.Id).First(),
            })
            .SingleOrDefaultAsync(f => f.Id == id)
            ?? throw new NotFoundException("That framework does not exist, or is not yours to use.");
        if (await PlanMoveService.KeptAsync(db) is { } held)
        {
            throw new DomainException($"Your plan holds {held}. Review what changes before you move it.");
        }

        var versionId = framework.Key == StoredFramework.DefaultKey ? (Guid?)null : framework.Newest;
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.FrameworkVersionId = versionId;
        // The role held now is a role of the framework; one the new framework does not have is asked for again.
        var catalog = await catalogProvider.ForVersionAsync(versionId);
        if (catalog.FindRole(user.CurrentRoleSlug) is null)
        {
            user.CurrentRoleSlug = null;
            user.CurrentRoleSince = null;
        }

        await db.SaveChangesAsync();
        planVersions.Set(userId, versionId);
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

        if (target is null && !forServer && await db.Frameworks.CountAsync(f => f.OwnerId == userId) >= FrameworkStore.MaxPersonalFrameworks)
        {
            throw new DomainException($"You already keep {FrameworkStore.MaxPersonalFrameworks} frameworks of your own: delete one you no longer use, or import this one as a new version of one you keep.");
        }

        if (target is not null && await db.FrameworkVersions.CountAsync(v => v.FrameworkId == target.Id) >= FrameworkStore.MaxVersions)
        {
            throw new DomainException($"'{target.Name}' already has {FrameworkStore.MaxVersions} versions, the most one framework keeps: import this one as a new framework instead.");
        }

        var read = FrameworkFiles.Read(fileName, text);
        if (read.Document is null)
        {
            return new ImportOutcome(FrameworkBuilder.Capped(read.Problems), null);
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

        StoredFrameworkVersion? version;
        try
        {
            version = await FrameworkStore.AddVersionAsync(db, target, name, checkedFramework, Path.GetFileName(fileName), now);
        }
        catch (DbUpdateException) when (into is not null)
        {
            // Two imports into one framework at the same moment both chose the next number; the unique index kept one.
            throw new ConflictException($"Another import into '{name}' was stored at the same moment as yours. Import again to add yours as the next version.");
        }
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
        return FrameworkFiles.Write(document, format) is { } file ? (file.Content, file.MediaType, Format.FileName(framework.Name, "framework") + file.Extension) : null;
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

        // Anything made against one of its versions keeps it: counted across every account, since a server framework serves all.
        var versions = db.FrameworkVersions.Where(v => v.FrameworkId == id).Select(v => (Guid?)v.Id);
        var uses = new (int Count, string Noun)[]
        {
            (await db.Users.CountAsync(u => versions.Contains(u.FrameworkVersionId)), "plan"),
            (await db.SkillAudits.IgnoreQueryFilters().CountAsync(a => versions.Contains(a.FrameworkVersionId)), "skill audit"),
            (await db.FeedbackRounds.IgnoreQueryFilters().CountAsync(r => versions.Contains(r.FrameworkVersionId)), "feedback round"),
            (await db.Roadmaps.IgnoreQueryFilters().CountAsync(r => versions.Contains(r.FrameworkVersionId)), "roadmap"),
            (await db.Goals.IgnoreQueryFilters().CountAsync(g => versions.Contains(g.FrameworkVersionId)), "goal"),
        }.Where(u => u.Count > 0).Select(u => Format.Plural(u.Count, u.Noun)).ToList();
        if (uses.Count > 0)
        {
            throw new DomainException($"'{framework.Name}' is still in use ({string.Join(", ", uses)}), so it was not deleted: what was made against it keeps its meaning.");
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
}
