using CareerPath.Data;
using CareerPath.Data.Frameworks;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Frameworks;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Frameworks;

/// <summary>One side of a move: a framework version by name and number.</summary>
public sealed record PlanFrameworkVersion(Guid FrameworkId, Guid VersionId, string Name, int Number);

/// <summary>
/// What moving the plan to another framework (or to the newest version of its own) would do, shown before it is done.
/// </summary>
/// <param name="Blocked">Why the move cannot be made now; null when it can.</param>
/// <param name="Kept">What the plan holds, said as a sentence: it stays on the version it was made against.</param>
/// <param name="RatingsCarried">Ratings of the latest finished audit the next audit starts with (skills both frameworks have).</param>
/// <param name="RatingsRated">Ratings the latest finished audit holds; 0 without one.</param>
/// <param name="RoleKept">The role held now exists in the target framework (by key); otherwise it is asked for again.</param>
/// <param name="AspirationRolesDropped">Roles the user's aspirations name that the target framework does not have.</param>
public sealed record PlanMovePreview(
    PlanFrameworkVersion From,
    PlanFrameworkVersion To,
    FrameworkChanges Changes,
    IReadOnlyList<string> FromLevels,
    IReadOnlyList<string> ToLevels,
    string? Blocked,
    string? Kept,
    int RatingsCarried,
    int RatingsRated,
    string? RoleName,
    bool RoleKept,
    IReadOnlyList<string> AspirationRolesDropped);

/// <summary>
/// Moves a user's plan to another framework or to the newest version of its own. What the plan already holds
/// (audits, feedback rounds, roadmaps, goals) stays on the version it was made against and keeps its meaning; the
/// next audit starts from the latest one's ratings wherever the new framework has the same skill (by key) on a scale
/// of the same size.
/// </summary>
public sealed class PlanMoveService(UserData userData, CatalogProvider catalogProvider, PlanVersions planVersions)
{
    public async Task<PlanMovePreview> PreviewAsync(Guid frameworkId)
    {
        await using var db = await userData.OpenAsync();
        return await PreviewAsync(db, frameworkId);
    }

    /// <summary>
    /// Moves the plan from and to the versions the user saw in the preview; refused when it is blocked, or when either
    /// side changed since (a newer version stored, the plan moved in another tab): the user reviews the changes again.
    /// </summary>
    public async Task<PlanMovePreview> MoveAsync(Guid frameworkId, Guid fromVersionId, Guid toVersionId)
    {
        await using var db = await userData.OpenAsync();
        // One write transaction from the checks to the save: an audit started in another tab meanwhile waits for it,
        // and then starts on the framework the plan has moved to.
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var preview = await PreviewAsync(db, frameworkId);
        if (preview.Blocked is { } blocked)
        {
            throw new DomainException(blocked);
        }

        if (preview.To.VersionId != toVersionId)
        {
            throw new ConflictException($"'{preview.To.Name}' has a newer version (version {preview.To.Number}) than the one you reviewed. Its changes are shown again; move when you have read them.");
        }

        if (preview.From.VersionId != fromVersionId)
        {
            throw new ConflictException("Your plan moved to another framework version (in another tab or device) since you opened this page. The changes from where it is now are shown again.");
        }

        var userId = db.CurrentOwnerId!;
        var isDefault = await db.Frameworks.AnyAsync(f => f.Id == frameworkId && f.Key == StoredFramework.DefaultKey);
        // The server's default is planned against as "the default" (null), which follows its newest version.
        Guid? versionId = isDefault ? null : preview.To.VersionId;
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.FrameworkVersionId = versionId;
        if (!preview.RoleKept)
        {
            user.CurrentRoleSlug = null;
            user.CurrentRoleSince = null;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        planVersions.Set(userId, versionId);
        return preview;
    }

    private async Task<PlanMovePreview> PreviewAsync(CareerPathDbContext db, Guid frameworkId)
    {
        var userId = db.CurrentOwnerId!;
        var target = await db.Frameworks.Where(f => f.Id == frameworkId && (f.OwnerId == null || f.OwnerId == userId))
            .Select(f => db.FrameworkVersions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).First())
            .FirstOrDefaultAsync()
            ?? throw new NotFoundException("That framework does not exist, or is not yours to use.");
        var to = await catalogProvider.GetVersionAsync(target)
            ?? throw new NotFoundException("That framework does not exist, or is not yours to use.");
        var fromVersion = await planVersions.GetAsync(userId) ?? (await catalogProvider.GetAsync()).VersionId;
        var from = fromVersion is { } id ? await catalogProvider.GetVersionAsync(id) : null;
        if (from is null)
        {
            // Only a database from before frameworks were stored has no default version; there is nothing to move from.
            throw new DomainException("Your plan's framework is not stored, so it cannot be compared. Ask the operator to restart the server.");
        }

        var latest = await AssessmentService.LatestCompletedAsync(db);
        var carry = FrameworkChanges.CanCarryRatings(from.Catalog, to.Catalog);
        var rated = latest?.Ratings.Count ?? 0;
        var carried = carry && latest is not null ? latest.Ratings.Count(r => to.Catalog.FindSkill(r.SkillSlug) is not null && to.Catalog.Scale.Contains(r.Level.Value)) : 0;
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CurrentRoleSlug).FirstAsync();
        var aspiration = await db.CareerAspirations.AsNoTracking().Select(a => new { a.NextRoleSlug, a.FiveYearRoleSlug }).FirstOrDefaultAsync();
        var dropped = new[] { aspiration?.NextRoleSlug, aspiration?.FiveYearRoleSlug }
            .Where(slug => slug is not null && to.Catalog.FindRole(slug) is null)
            .Select(slug => from.Catalog.FindRole(slug)?.Name ?? slug!)
            .Distinct()
            .ToList();

        string? blocked = null;
        if (from.VersionId == to.VersionId)
        {
            blocked = "Your plan already uses this version.";
        }
        else if (await db.SkillAudits.AnyAsync(a => a.Status == AuditStatus.Draft))
        {
            blocked = "You have a skill audit in progress on your plan's framework. Finish it first: its ratings then come with you to the new framework wherever it has the same skill.";
        }

        return new PlanMovePreview(
            new PlanFrameworkVersion(from.FrameworkId, from.VersionId, from.Name, from.Number),
            new PlanFrameworkVersion(to.FrameworkId, to.VersionId, to.Name, to.Number),
            FrameworkChanges.Between(from.Catalog, to.Catalog),
            from.Catalog.Scale.Levels.Select(l => l.Name).ToList(),
            to.Catalog.Scale.Levels.Select(l => l.Name).ToList(),
            blocked,
            await KeptAsync(db),
            carried,
            rated,
            from.Catalog.FindRole(profile)?.Name,
            profile is null || to.Catalog.FindRole(profile) is not null,
            dropped);
    }

    /// <summary>What the plan holds, as a list for a sentence; null when it holds nothing.</summary>
    internal static async Task<string?> KeptAsync(CareerPathDbContext db)
    {
        var held = new (int Count, string Noun)[]
        {
            (await db.SkillAudits.CountAsync(), "skill audit"),
            (await db.FeedbackRounds.CountAsync(), "feedback round"),
            (await db.Roadmaps.CountAsync(), "roadmap"),
            (await db.Goals.CountAsync(), "goal"),
        }.Where(h => h.Count > 0).Select(h => Format.Plural(h.Count, h.Noun)).ToList();
        return held.Count == 0 ? null : Format.List(held);
    }
}
