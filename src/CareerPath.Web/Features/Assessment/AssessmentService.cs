using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Roles;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Assessment;

/// <param name="RoleName">The role the audit was made as, named by the framework version it was made against.</param>
public sealed record AuditSummary(Guid Id, AuditStatus Status, string CurrentRoleSlug, DateTime StartedAtUtc, DateTime? CompletedAtUtc, int RatedCount,
    string? RoleName = null);

public sealed record AssessmentOverview(
    string? ProfileRoleSlug,
    AuditSummary? Draft,
    IReadOnlyList<AuditSummary> Completed);

/// <summary>
/// The assessment page, read in one go: the overview, the latest finished audit with the one before it, and the
/// target role results compare with by default. Plain data, so the prerendered page hands it to the live one.
/// </summary>
public sealed record AssessmentPageModel(AssessmentOverview Overview, AuditLevels? Latest, AuditLevels? Previous, string? DefaultTargetSlug, string OwnerId)
    : CareerPath.Web.Components.Shared.IOwnedView;

/// <summary>One audit's results page; <paramref name="Audit"/> is null when the user has no finished audit of that id.</summary>
/// <param name="IsDraft">The user's audit of that id is not finished yet.</param>
public sealed record AuditResultsPageModel(AuditLevels? Audit, bool IsDraft, AuditLevels? Previous, string? DefaultTargetSlug, string OwnerId)
    : CareerPath.Web.Components.Shared.IOwnedView;

/// <summary>Skill audits of the signed-in user: start, rate, finish, compare.</summary>
public sealed class AssessmentService(UserData userData, PlanCatalog plan, TimeProvider clock)
{
    public async Task<AssessmentOverview> GetOverviewAsync()
    {
        await using var db = await userData.OpenAsync();
        return await OverviewAsync(db, await plan.CurrentAsync());
    }

    public async Task<AssessmentPageModel> OverviewPageAsync()
    {
        await using var db = await userData.OpenAsync();
        var overview = await OverviewAsync(db, await plan.CurrentAsync());
        var latest = await LatestCompletedAsync(db);
        // The latest results are read on the framework they were made against, which a moved plan no longer uses.
        var catalog = latest is null ? await plan.CurrentAsync() : await plan.ForVersionAsync(latest.FrameworkVersionId);
        var previous = latest is null ? null : await ComparablePreviousAsync(db, latest, catalog);
        return new AssessmentPageModel(overview, Levels(latest), Levels(previous), await DefaultTargetAsync(db, catalog, latest), db.CurrentOwnerId!);
    }

    /// <summary>A finished audit's results with the audit before it; someone else's audit is not found.</summary>
    public async Task<AuditResultsPageModel> ResultsPageAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var audit = await db.SkillAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (audit is not { IsCompleted: true })
        {
            return new AuditResultsPageModel(null, audit is not null, null, null, db.CurrentOwnerId!);
        }

        var catalog = await plan.ForVersionAsync(audit.FrameworkVersionId);
        var previous = await ComparablePreviousAsync(db, audit, catalog);
        return new AuditResultsPageModel(Levels(audit), false, Levels(previous), await DefaultTargetAsync(db, catalog, audit), db.CurrentOwnerId!);
    }

    /// <summary>
    /// The audit before this one, when its levels mean the same: made on a scale of the same size. An audit from
    /// before a move to a framework with another scale is not compared, since level 3 of 5 is not level 3 of 6.
    /// </summary>
    private async Task<SkillAudit?> ComparablePreviousAsync(CareerPathDbContext db, SkillAudit audit, CareerCatalog catalog)
    {
        var previous = await PreviousAsync(db, audit);
        return previous is null || await plan.SameScaleAsync(previous.FrameworkVersionId, catalog) ? previous : null;
    }

    private static AuditLevels? Levels(SkillAudit? audit) => audit is null ? null : AuditLevels.Of(audit);

    /// <summary>The role results compare with at first: the user's next or five-year role from their aspirations.</summary>
    private static async Task<string?> DefaultTargetAsync(CareerPathDbContext db, CareerCatalog catalog, SkillAudit? audit)
    {
        var aspiration = await db.CareerAspirations.AsNoTracking().Select(a => new { a.NextRoleSlug, a.FiveYearRoleSlug }).FirstOrDefaultAsync();
        return TargetRoles.Default(catalog, audit?.CurrentRoleSlug, aspiration?.NextRoleSlug, aspiration?.FiveYearRoleSlug)?.Slug;
    }

    private async Task<AssessmentOverview> OverviewAsync(CareerPathDbContext db, CareerCatalog catalog)
    {
        // A line per audit, counted in the database: not every rating of every audit.
        var skills = catalog.Skills.Select(s => s.Slug).ToList();
        var rows = await db.SkillAudits.AsNoTracking().OrderByDescending(a => a.StartedAtUtc)
            .Select(a => new { Summary = new AuditSummary(a.Id, a.Status, a.CurrentRoleSlug, a.StartedAtUtc, a.CompletedAtUtc, a.Ratings.Count(r => skills.Contains(r.SkillSlug)), null), a.FrameworkVersionId })
            .ToListAsync();
        // Each audit's role is named by the framework it was made against (a plan moved since may not have that role).
        var summaries = new List<AuditSummary>(rows.Count);
        foreach (var row in rows)
        {
            var made = row.FrameworkVersionId == catalog.VersionId ? catalog : await plan.ForVersionAsync(row.FrameworkVersionId);
            summaries.Add(row.Summary with { RoleName = made.FindRole(row.Summary.CurrentRoleSlug)?.Name ?? row.Summary.CurrentRoleSlug });
        }

        var profileRole = await ProfileRoleAsync(db);
        return new AssessmentOverview(
            profileRole,
            summaries.FirstOrDefault(a => a.Status == AuditStatus.Draft),
            summaries.Where(a => a.Status == AuditStatus.Completed).OrderByDescending(a => a.CompletedAtUtc).ToList());
    }

    /// <summary>Returns the draft in progress, or starts one from the last completed audit.</summary>
    public async Task<SkillAudit> StartOrResumeAsync(string? currentRoleSlug)
    {
        await using var db = await userData.OpenAsync();
        var draft = await db.SkillAudits.FirstOrDefaultAsync(a => a.Status == AuditStatus.Draft);
        if (draft is not null)
        {
            return draft;
        }

        var catalog = await plan.CurrentAsync();
        var role = currentRoleSlug ?? await ProfileRoleAsync(db)
            ?? throw new DomainException("Choose the role you hold now before starting the audit.");
        var previous = await LatestCompletedAsync(db);
        // Ratings carry over by skill key from an audit on another framework only when its scale has as many levels.
        if (previous is not null && !await plan.SameScaleAsync(previous.FrameworkVersionId, catalog))
        {
            previous = null;
        }

        var audit = SkillAudit.Start(db.CurrentOwnerId!, role, catalog, clock.GetUtcNow().UtcDateTime, previous);
        db.SkillAudits.Add(audit);
        await SetProfileRoleAsync(db, role);
        await db.SaveChangesAsync();
        return audit;
    }

    /// <summary>What the audit page needs: the profile's role (to start one) and the draft in progress, if any; not every audit.</summary>
    public async Task<(string? ProfileRoleSlug, SkillAudit? Draft)> GetDraftAsync()
    {
        await using var db = await userData.OpenAsync();
        var draft = await db.SkillAudits.AsNoTracking().Where(a => a.Status == AuditStatus.Draft)
            .OrderByDescending(a => a.StartedAtUtc).FirstOrDefaultAsync();
        return (await ProfileRoleAsync(db), draft);
    }

    public async Task<SkillAudit> GetAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        return await db.SkillAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id)
            ?? throw new NotFoundException("That audit does not exist or is not yours.");
    }

    /// <summary>The completed audit before this one, if any, to show what moved.</summary>
    public async Task<SkillAudit?> GetPreviousAsync(SkillAudit audit)
    {
        if (audit.CompletedAtUtc is null)
        {
            return null;
        }

        await using var db = await userData.OpenAsync();
        return await PreviousAsync(db, audit);
    }

    private static Task<SkillAudit?> PreviousAsync(CareerPathDbContext db, SkillAudit audit) =>
        db.SkillAudits.AsNoTracking()
            .Where(a => a.Status == AuditStatus.Completed && a.CompletedAtUtc < audit.CompletedAtUtc)
            .OrderByDescending(a => a.CompletedAtUtc)
            .FirstOrDefaultAsync();

    public async Task<SkillAudit?> GetLatestCompletedAsync()
    {
        await using var db = await userData.OpenAsync();
        return await LatestCompletedAsync(db);
    }

    public Task<SkillAudit> RateAsync(Guid auditId, Guid version, string skillSlug, int level, string? evidence) =>
        ChangeAsync(auditId, version, (_, audit, catalog) => Run(() => audit.Rate(skillSlug, level, evidence, catalog)));

    /// <summary>Changes the draft's role and the profile's current role in one save.</summary>
    public Task<SkillAudit> ChangeRoleAsync(Guid auditId, Guid version, string roleSlug) =>
        ChangeAsync(auditId, version, async (db, audit, catalog) =>
        {
            audit.ChangeCurrentRole(roleSlug, catalog);
            await SetProfileRoleAsync(db, roleSlug);
        });

    public Task<SkillAudit> CompleteAsync(Guid auditId, Guid version) =>
        ChangeAsync(auditId, version, (_, audit, catalog) => Run(() => audit.Complete(catalog, clock.GetUtcNow().UtcDateTime)));

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private async Task<SkillAudit> ChangeAsync(Guid auditId, Guid version, Func<CareerPathDbContext, SkillAudit, CareerCatalog, Task> change)
    {
        await using var db = await userData.OpenAsync();
        var audit = await db.SkillAudits.FirstOrDefaultAsync(a => a.Id == auditId)
            ?? throw new NotFoundException("That audit does not exist or is not yours.");
        var catalog = await plan.ForVersionAsync(audit.FrameworkVersionId);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        await change(db, audit, catalog);
        await db.SaveOrConflictAsync("audit");
        return audit;
    }

    internal static Task<SkillAudit?> LatestCompletedAsync(CareerPathDbContext db) =>
        db.SkillAudits.AsNoTracking()
            .Where(a => a.Status == AuditStatus.Completed)
            .OrderByDescending(a => a.CompletedAtUtc)
            .FirstOrDefaultAsync();

    private static async Task<string?> ProfileRoleAsync(CareerPathDbContext db) =>
        await db.Users.Where(u => u.Id == db.CurrentOwnerId).Select(u => u.CurrentRoleSlug).FirstOrDefaultAsync();

    private static async Task SetProfileRoleAsync(CareerPathDbContext db, string roleSlug)
    {
        var user = await db.Users.FirstAsync(u => u.Id == db.CurrentOwnerId);
        user.CurrentRoleSlug = roleSlug;
    }
}
