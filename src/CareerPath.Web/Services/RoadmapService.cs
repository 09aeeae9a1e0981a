using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>Everything a roadmap page shows, computed from the saved plan, the catalog and the latest audit.</summary>
public sealed record RoadmapView(
    Roadmap Roadmap,
    RolePath Path,
    RoadmapPlan? Plan,
    ReadinessForecast? Forecast,
    SkillAudit? LatestAudit,
    bool FeedbackBlended)
{
    public bool HasAudit => LatestAudit is not null;

    public int PlannedCostUsd => Roadmap.Milestones.Sum(m => m.EstimatedCostUsd);

    public int PlannedWeeks => Roadmap.Milestones.Sum(m => m.EstimatedWeeks);
}

/// <summary>The signed-in user's roadmaps: create, compute, edit the plan, complete milestones.</summary>
public sealed class RoadmapService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Roadmap>> ListAsync()
    {
        await using var db = await userData.OpenAsync();
        return await db.Roadmaps.AsNoTracking().OrderBy(r => r.CreatedAtUtc).ToListAsync();
    }

    /// <summary>
    /// Creates a roadmap. A repeated request with the same <paramref name="creationKey"/> (the form's, made when it
    /// opened) returns the roadmap the first one made instead of a second.
    /// </summary>
    public async Task<Roadmap> CreateAsync(string name, string startRoleSlug, string targetRoleSlug, string? trackSlug, Guid? creationKey = null)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await catalogProvider.GetAsync();
        var roadmap = Roadmap.Create(db.CurrentOwnerId!, name, startRoleSlug, targetRoleSlug, trackSlug, catalog, clock.GetUtcNow().UtcDateTime);
        return await db.AddOnceAsync(roadmap, creationKey);
    }

    public async Task<RoadmapView> GetViewAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var roadmap = await db.Roadmaps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That roadmap does not exist or is not yours.");
        return await BuildViewAsync(db, roadmap, await catalogProvider.GetAsync());
    }

    /// <summary>Recomputes the path, the step gaps and suggestions and the forecast for a loaded roadmap.</summary>
    private async Task<RoadmapView> BuildViewAsync(Data.CareerPathDbContext db, Roadmap roadmap, CareerCatalog catalog)
    {
        var audits = await db.SkillAudits.AsNoTracking().Where(a => a.Status == AuditStatus.Completed).ToListAsync();
        var latest = audits.OrderByDescending(a => a.CompletedAtUtc).FirstOrDefault();
        var path = PathFinder.Find(catalog, roadmap.StartRoleSlug, roadmap.TargetRoleSlug);
        if (latest is null || !path.Found)
        {
            return new RoadmapView(roadmap, path, null, null, latest, false);
        }

        // Only a closed round's "all others" figures, exactly as the feedback page shows them.
        var others = (await FeedbackRounds.LatestResultsAsync(db, catalog, clock.GetUtcNow().UtcDateTime))?.Overall.Averages
            ?? new Dictionary<string, double>();
        var levels = latest.Ratings.ToDictionary(
            r => r.SkillSlug,
            r => RoadmapPlanner.Blend(r.Level.Value, others.TryGetValue(r.SkillSlug, out var avg) ? avg : null));
        var plan = RoadmapPlanner.Plan(catalog, path, levels, roadmap.TrackSlug);
        var forecast = Readiness.Forecast(plan, roadmap, audits, Today);
        return new RoadmapView(roadmap, path, plan, forecast, latest, others.Count > 0);
    }

    public Task<Roadmap> AcceptSuggestionAsync(Guid id, Guid version, string resourceSlug, string stepRoleSlug, DateOnly targetDate) =>
        ChangeAsync(id, version, async (db, roadmap, catalog) =>
        {
            var view = await BuildViewAsync(db, roadmap, catalog);
            var suggestion = view.Plan?.Steps.FirstOrDefault(s => s.Role.Slug == stepRoleSlug)?.Suggestions.FirstOrDefault(s => s.Resource.Slug == resourceSlug)
                ?? throw new DomainException("That suggestion is not part of this roadmap's plan any more. Reload to see the current suggestions.");
            roadmap.AcceptSuggestion(suggestion.Resource, suggestion.Closes.Select(g => g.Skill.Slug), stepRoleSlug, targetDate, Today);
        });

    public Task<Roadmap> AddMilestoneAsync(Guid id, Guid version, string title, DateOnly targetDate, string? skillSlug) =>
        ChangeAsync(id, version, (_, roadmap, catalog) =>
        {
            roadmap.AddMilestone(title, targetDate, Today, skillSlug, catalog);
            return Task.CompletedTask;
        });

    public Task<Roadmap> EditMilestoneAsync(Guid id, Guid version, Guid milestoneId, string title, DateOnly targetDate) =>
        ChangeAsync(id, version, (_, roadmap, _) =>
        {
            roadmap.EditMilestone(milestoneId, title, targetDate, Today);
            return Task.CompletedTask;
        });

    public Task<Roadmap> MoveMilestoneAsync(Guid id, Guid version, Guid milestoneId, int offset) =>
        ChangeAsync(id, version, (_, roadmap, _) =>
        {
            roadmap.MoveMilestone(milestoneId, offset);
            return Task.CompletedTask;
        });

    public Task<Roadmap> RemoveMilestoneAsync(Guid id, Guid version, Guid milestoneId) =>
        ChangeAsync(id, version, (_, roadmap, _) =>
        {
            roadmap.RemoveMilestone(milestoneId);
            return Task.CompletedTask;
        });

    /// <summary>Completes a milestone; returns the skills it was meant to build, so the page can offer a re-rating.</summary>
    public async Task<(Roadmap Roadmap, IReadOnlyList<string> SkillsToReRate)> CompleteMilestoneAsync(Guid id, Guid version, Guid milestoneId)
    {
        IReadOnlyList<string> skills = [];
        var roadmap = await ChangeAsync(id, version, (_, r, _) =>
        {
            skills = r.CompleteMilestone(milestoneId, Today);
            return Task.CompletedTask;
        });
        return (roadmap, skills);
    }

    public async Task DeleteAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var roadmap = await db.Roadmaps.FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That roadmap does not exist or is not yours.");
        db.Roadmaps.Remove(roadmap);
        await db.SaveChangesAsync();
    }

    private async Task<Roadmap> ChangeAsync(Guid id, Guid version, Func<Data.CareerPathDbContext, Roadmap, CareerCatalog, Task> change)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await catalogProvider.GetAsync();
        var roadmap = await db.Roadmaps.FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That roadmap does not exist or is not yours.");
        db.Entry(roadmap).Property(r => r.Version).OriginalValue = version;
        await change(db, roadmap, catalog);
        await db.SaveOrConflictAsync("roadmap");
        return roadmap;
    }
}
