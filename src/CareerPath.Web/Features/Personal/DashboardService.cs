using CareerPath.Domain.Assessment;
using CareerPath.Domain.Goals;
using CareerPath.Domain.Roadmaps;
using CareerPath.Domain.Roles;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Personal;

public sealed record Deadline(DateOnly Date, string Title, string Kind, string Href);

public sealed record NextMilestone(Roadmap Roadmap, Milestone Milestone);

/// <summary>The plan's framework has a version newer than the one the plan uses.</summary>
public sealed record NewerFramework(Guid FrameworkId, string Name, int PlanNumber, int NewestNumber);

public sealed record DashboardSummary(
    string? DisplayName,
    Role? CurrentRole,
    IReadOnlyList<Deadline> NextDeadlines,
    IReadOnlyList<Deadline> OverdueSteps,
    IReadOnlyList<Goal> AtRisk,
    IReadOnlyList<Goal> CompletedThisQuarter,
    DateOnly Today,
    SkillAudit? LatestAudit,
    GapReport? TopGaps,
    NextMilestone? NextMilestone,
    int ActiveGoals,
    int Roadmaps,
    NewerFramework? NewerFramework = null);

/// <summary>The signed-in home: what is due, what slipped, what is at risk, what moved.</summary>
public sealed class DashboardService(UserData userData, PlanCatalog plan, UserClock clock)
{
    public const int DeadlineWindowDays = 30;

    public async Task<DashboardSummary> GetAsync()
    {
        await using var db = await userData.OpenAsync();
        var catalog = await plan.CurrentAsync();
        var today = await clock.TodayAsync(db);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == db.CurrentOwnerId).Select(u => new { u.DisplayName, u.CurrentRoleSlug }).FirstAsync();
        var goals = await db.Goals.AsNoTracking().ToListAsync();
        var roadmaps = await db.Roadmaps.AsNoTracking().ToListAsync();
        var latest = await db.SkillAudits.AsNoTracking().Where(a => a.Status == AuditStatus.Completed).OrderByDescending(a => a.CompletedAtUtc).FirstOrDefaultAsync();
        var aspiration = await db.CareerAspirations.AsNoTracking().FirstOrDefaultAsync();

        var active = goals.Where(g => g.Status == GoalStatus.Active).ToList();
        var horizon = today.AddDays(DeadlineWindowDays);
        var deadlines = active.Where(g => g.Deadline is { } d && d >= today && d <= horizon)
            .Select(g => new Deadline(g.Deadline!.Value, g.Outcome, "Goal", $"goals/{g.Id}"))
            .Concat(active.SelectMany(g => g.Steps.Where(s => s.Status != StepStatus.Done && s.DueDate >= today && s.DueDate <= horizon)
                .Select(s => new Deadline(s.DueDate, s.Title, "Step", $"goals/{g.Id}"))))
            .Concat(roadmaps.SelectMany(r => r.Milestones.Where(m => !m.IsDone && m.TargetDate >= today && m.TargetDate <= horizon)
                .Select(m => new Deadline(m.TargetDate, m.Title, "Milestone", $"roadmap/{r.Id}"))))
            .OrderBy(d => d.Date).ThenBy(d => d.Title, StringComparer.Ordinal).Take(8).ToList();
        var overdue = active.SelectMany(g => g.Steps.Where(s => s.IsOverdue(today)).Select(s => new Deadline(s.DueDate, s.Title, "Step", $"goals/{g.Id}")))
            .OrderBy(d => d.Date).ToList();
        var quarterStart = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1);
        var completed = goals.Where(g => g.CompletedOn >= quarterStart).OrderByDescending(g => g.CompletedOn).ToList();

        GapReport? gaps = null;
        var currentRole = user.CurrentRoleSlug is { } slug ? catalog.FindRole(slug) : null;
        // The latest audit's gaps are read on the framework it was made against, which a moved plan may no longer use.
        var auditCatalog = latest is null || latest.FrameworkVersionId == catalog.VersionId ? catalog : await plan.ForVersionAsync(latest.FrameworkVersionId);
        if (latest is not null && auditCatalog.FindRole(latest.CurrentRoleSlug) is { } auditRole)
        {
            var target = TargetRoles.Default(auditCatalog, auditRole.Slug, aspiration?.NextRoleSlug, aspiration?.FiveYearRoleSlug);
            gaps = GapAnalysis.Analyze(auditCatalog, latest.Ratings.ToDictionary(r => r.SkillSlug, r => r.Level.Value), auditRole, target);
        }

        var nextMilestone = roadmaps.SelectMany(r => r.Milestones.Where(m => !m.IsDone).Select(m => new NextMilestone(r, m)))
            .OrderBy(x => x.Milestone.TargetDate).FirstOrDefault();
        // A plan stays on its version when the framework gets a newer one; say so where the user looks first.
        var newer = catalog.VersionId is { } planVersion
            ? await db.FrameworkVersions.AsNoTracking().Where(v => v.Id == planVersion)
                .Select(v => new
                {
                    v.FrameworkId,
                    v.Number,
                    Name = db.Frameworks.Where(f => f.Id == v.FrameworkId).Select(f => f.Name).First(),
                    Newest = db.FrameworkVersions.Where(n => n.FrameworkId == v.FrameworkId).Max(n => n.Number),
                })
                .FirstOrDefaultAsync()
            : null;
        return new DashboardSummary(user.DisplayName, currentRole, deadlines, overdue, active.Where(g => g.IsAtRisk(today)).ToList(), completed, today,
            latest, gaps, nextMilestone, active.Count, roadmaps.Count,
            newer is not null && newer.Newest > newer.Number ? new NewerFramework(newer.FrameworkId, newer.Name, newer.Number, newer.Newest) : null);
    }
}
