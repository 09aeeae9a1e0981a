using CareerPath.Data;
using CareerPath.Data.Identity;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

public sealed record AuditSummary(Guid Id, AuditStatus Status, string CurrentRoleSlug, DateTime StartedAtUtc, DateTime? CompletedAtUtc, int RatedCount);

public sealed record AssessmentOverview(
    string? ProfileRoleSlug,
    AuditSummary? Draft,
    IReadOnlyList<AuditSummary> Completed,
    CareerAspiration? Aspiration);

/// <summary>Skill audits of the signed-in user: start, rate, finish, compare.</summary>
public sealed class AssessmentService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public async Task<AssessmentOverview> GetOverviewAsync()
    {
        await using var db = await userData.OpenAsync();
        var catalog = await catalogProvider.GetAsync();
        // A line per audit, counted in the database: not every rating of every audit.
        var skills = catalog.Skills.Select(s => s.Slug).ToList();
        var summaries = await db.SkillAudits.AsNoTracking().OrderByDescending(a => a.StartedAtUtc)
            .Select(a => new AuditSummary(a.Id, a.Status, a.CurrentRoleSlug, a.StartedAtUtc, a.CompletedAtUtc, a.Ratings.Count(r => skills.Contains(r.SkillSlug))))
            .ToListAsync();
        var profileRole = await ProfileRoleAsync(db);
        var aspiration = await db.CareerAspirations.AsNoTracking().FirstOrDefaultAsync();
        return new AssessmentOverview(
            profileRole,
            summaries.FirstOrDefault(a => a.Status == AuditStatus.Draft),
            summaries.Where(a => a.Status == AuditStatus.Completed).OrderByDescending(a => a.CompletedAtUtc).ToList(),
            aspiration);
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

        var catalog = await catalogProvider.GetAsync();
        var role = currentRoleSlug ?? await ProfileRoleAsync(db)
            ?? throw new DomainException("Choose the role you hold now before starting the audit.");
        var previous = await LatestCompletedAsync(db);
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
        return await db.SkillAudits.AsNoTracking()
            .Where(a => a.Status == AuditStatus.Completed && a.CompletedAtUtc < audit.CompletedAtUtc)
            .OrderByDescending(a => a.CompletedAtUtc)
            .FirstOrDefaultAsync();
    }

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
        var catalog = await catalogProvider.GetAsync();
        var audit = await db.SkillAudits.FirstOrDefaultAsync(a => a.Id == auditId)
            ?? throw new NotFoundException("That audit does not exist or is not yours.");
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        await change(db, audit, catalog);
        await db.SaveOrConflictAsync("audit");
        return audit;
    }

    private static Task<SkillAudit?> LatestCompletedAsync(CareerPathDbContext db) =>
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
