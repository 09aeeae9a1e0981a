using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Roadmaps;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Roadmaps;

/// <summary>Everything a roadmap page shows, computed from the saved plan, the catalog and the latest audit.</summary>
public sealed record RoadmapView(
    Roadmap Roadmap,
    RolePath Path,
    RoadmapPlan? Plan,
    ReadinessForecast? Forecast,
    bool HasAudit,
    bool FeedbackBlended,
    DateOnly Today,
    int? MonthsInStartRole)
{
    /// <summary>The catalog's typical time along the path, less the months the user has already spent in the start role.</summary>
    public int TypicalMonthsToTarget => TypicalTime.MonthsToTarget(Path, MonthsInStartRole ?? 0);

    /// <summary>When a suggestion of <paramref name="weeks"/> weeks would end if accepted now, in sequence or alongside.</summary>
    public DateOnly SuggestedDate(int weeks, bool inParallel) => RoadmapSchedule.SuggestedDate(Roadmap.Milestones, weeks, inParallel, Today);

    public int PlannedCostUsd => Roadmap.Milestones.Sum(m => m.EstimatedCostUsd);

    public int PlannedWeeks => Roadmap.Milestones.Sum(m => m.EstimatedWeeks);

    /// <summary>The plan's time in words: "3 weeks of activities", or that no item has a length yet (none, or ongoing ones only).</summary>
    public string PlannedTime => PlannedWeeks == 0 ? "no activities with a set length yet" : $"{Format.Weeks(PlannedWeeks)} of activities";

    /// <summary>This view after a change to the roadmap's own plan: path, gaps, suggestions and pace stay as they are.</summary>
    public RoadmapView After(Roadmap changed) => this with { Roadmap = changed, Forecast = Forecast?.WithMilestones(changed.Milestones) };
}

/// <summary>A roadmap's headline figures, as the compare page sets two side by side. Plain data (roles by slug).</summary>
public sealed record RoadmapFacts(
    Guid Id, IReadOnlyList<string> PathRoleSlugs, int TypicalMonthsToTarget, int? GapLevels, int Milestones, int MilestonesDone,
    int PlannedCostUsd, DateOnly? ReadyByMilestones, DateOnly? ReadyByPace, Guid? FrameworkVersionId = null)
{
    public static RoadmapFacts Of(RoadmapView view) => new(
        view.Roadmap.Id,
        view.Path.Roles.Select(r => r.Slug).ToList(),
        view.TypicalMonthsToTarget,
        view.Plan?.Steps.Sum(s => s.Gaps.Sum(g => g.Shortfall)),
        view.Roadmap.Milestones.Count,
        view.Roadmap.Milestones.Count(m => m.IsDone),
        view.PlannedCostUsd,
        view.Forecast?.FromMilestones,
        view.Forecast?.FromProgress,
        view.Roadmap.FrameworkVersionId);
}

/// <summary>The compare page: the user's roadmaps to choose from and the first two side by side.</summary>
public sealed record RoadmapComparePageModel(IReadOnlyList<RoadmapListItem> Roadmaps, RoadmapFacts? A, RoadmapFacts? B, string OwnerId)
    : CareerPath.Web.Components.Shared.IOwnedView;

/// <summary>A roadmap's open milestones, as a goal form offers them to link to.</summary>
public sealed record MilestoneChoices(Guid RoadmapId, string Name, string TargetRoleSlug, IReadOnlyList<MilestoneChoice> Milestones);

/// <summary>An open milestone, with what a new goal for it is pre-filled with.</summary>
public sealed record MilestoneChoice(Guid Id, string Title, DateOnly TargetDate, IReadOnlyList<string> SkillSlugs, bool IsDone = false);

/// <summary>A roadmap as the list shows it.</summary>
/// <param name="FrameworkVersionId">The framework version the roadmap was made against, which names its roles.</param>
public sealed record RoadmapListItem(Guid Id, string Name, string StartRoleSlug, string TargetRoleSlug, int Milestones, Guid? FrameworkVersionId = null);

/// <summary>
/// Everything the roadmaps page shows and pre-fills, read in one go: the list, and the profile role and aspirations
/// that choose the new roadmap's defaults. Plain data, so the prerendered page can hand it to the live one.
/// </summary>
public sealed record RoadmapsPageModel(
    IReadOnlyList<RoadmapListItem> Roadmaps, string? ProfileRoleSlug, string? NextRoleSlug, string? FiveYearRoleSlug, string? TrackSlug, string OwnerId)
    : CareerPath.Web.Components.Shared.IOwnedView;

/// <summary>The signed-in user's roadmaps: create, compute, edit the plan, complete milestones.</summary>
public sealed class RoadmapService(UserData userData, PlanCatalog planCatalog, UserClock clock)
{
    /// <summary>Today in the user's time zone.</summary>
    public Task<DateOnly> TodayAsync() => clock.TodayAsync();

    /// <summary>The roadmaps page: only the columns it shows (a count of milestones, not the milestones).</summary>
    public async Task<RoadmapsPageModel> ListPageAsync()
    {
        await using var db = await userData.OpenAsync();
        var roadmaps = await ListItemsAsync(db);
        var profileRole = await db.Users.Where(u => u.Id == db.CurrentOwnerId).Select(u => u.CurrentRoleSlug).FirstOrDefaultAsync();
        var aspiration = await db.CareerAspirations.AsNoTracking()
            .Select(a => new { a.NextRoleSlug, a.FiveYearRoleSlug, a.TrackSlug })
            .FirstOrDefaultAsync();
        return new RoadmapsPageModel(roadmaps, profileRole, aspiration?.NextRoleSlug, aspiration?.FiveYearRoleSlug, aspiration?.TrackSlug, db.CurrentOwnerId!);
    }

    /// <summary>The compare page, with the first two roadmaps chosen.</summary>
    public async Task<RoadmapComparePageModel> ComparePageAsync()
    {
        IReadOnlyList<RoadmapListItem> roadmaps;
        string owner;
        await using (var db = await userData.OpenAsync())
        {
            roadmaps = await ListItemsAsync(db);
            owner = db.CurrentOwnerId!;
        }

        // With fewer than two there is nothing to set side by side.
        return roadmaps.Count < 2
            ? new RoadmapComparePageModel(roadmaps, null, null, owner)
            : new RoadmapComparePageModel(roadmaps, await FactsAsync(roadmaps[0].Id), await FactsAsync(roadmaps[1].Id), owner);
    }

    /// <summary>One roadmap's headline figures, or null when there is no such roadmap of the user's.</summary>
    public async Task<RoadmapFacts?> FactsAsync(Guid id)
    {
        try
        {
            return RoadmapFacts.Of(await GetViewAsync(id));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static Task<List<RoadmapListItem>> ListItemsAsync(Data.CareerPathDbContext db) =>
        db.Roadmaps.AsNoTracking().OrderBy(r => r.CreatedAtUtc)
            .Select(r => new RoadmapListItem(r.Id, r.Name, r.StartRoleSlug, r.TargetRoleSlug, EF.Property<List<Milestone>>(r, "_milestones").Count, r.FrameworkVersionId))
            .ToListAsync();

    /// <summary>
    /// The user's roadmaps with their open milestones, for a goal form's "roadmap milestone" choice, and the milestone
    /// a goal is already linked to (<paramref name="linked"/>) even if it is done.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneChoices>> MilestoneChoicesAsync(Guid? linked = null)
    {
        await using var db = await userData.OpenAsync();
        var roadmaps = await db.Roadmaps.AsNoTracking().OrderBy(r => r.CreatedAtUtc).ToListAsync();
        return roadmaps
            .Select(r => new MilestoneChoices(r.Id, r.Name, r.TargetRoleSlug,
                r.Milestones.Where(m => !m.IsDone || m.Id == linked).Select(m => new MilestoneChoice(m.Id, m.Title, m.TargetDate, m.SkillSlugs, m.IsDone)).ToList()))
            .ToList();
    }

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
        var catalog = await planCatalog.CurrentAsync();
        var roadmap = Roadmap.Create(db.CurrentOwnerId!, name, startRoleSlug, targetRoleSlug, trackSlug, catalog, clock.UtcNow.UtcDateTime);
        return await db.AddOnceAsync(roadmap, creationKey);
    }

    public async Task<RoadmapView> GetViewAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var roadmap = await db.Roadmaps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That roadmap does not exist or is not yours.");
        return await BuildViewAsync(db, roadmap, await planCatalog.ForVersionAsync(roadmap.FrameworkVersionId));
    }

    /// <summary>Recomputes the path, the step gaps and suggestions and the forecast for a loaded roadmap.</summary>
    private async Task<RoadmapView> BuildViewAsync(Data.CareerPathDbContext db, Roadmap roadmap, CareerCatalog catalog)
    {
        var today = await clock.TodayAsync(db);
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == db.CurrentOwnerId)
            .Select(u => new { u.CurrentRoleSlug, u.CurrentRoleSince }).FirstAsync();
        // Time already spent counts only when the roadmap starts from the role the profile says the user holds.
        int? monthsInStartRole = profile.CurrentRoleSlug == roadmap.StartRoleSlug && profile.CurrentRoleSince is { } since
            ? TypicalTime.WholeMonthsBetween(since, today)
            : null;
        // Audits and feedback made on a framework whose scale has another size than the roadmap's are not read against it,
        // nor audits that rate none of its skills: a plan moved to another framework keeps its older roadmaps on their
        // own framework, read with the audits made on it, not with newer ones that cannot be compared.
        var skills = catalog.Skills.Select(s => s.Slug).ToList();
        var candidates = await db.SkillAudits.AsNoTracking().Where(a => a.Status == AuditStatus.Completed)
            .Where(a => a.Ratings.Any(r => skills.Contains(r.SkillSlug)))
            .OrderBy(a => a.CompletedAtUtc)
            .Select(a => new { a.Id, a.FrameworkVersionId })
            .ToListAsync();
        var readable = new List<Guid>();
        foreach (var candidate in candidates)
        {
            if (await planCatalog.SameScaleAsync(candidate.FrameworkVersionId, catalog))
            {
                readable.Add(candidate.Id);
            }
        }

        // The pace compares the first and the latest of them: load those two, not every audit with its ratings.
        List<Guid> pair = readable.Count == 0 ? [] : [.. new[] { readable[0], readable[^1] }.Distinct()];
        var loaded = await db.SkillAudits.AsNoTracking().Where(a => pair.Contains(a.Id)).ToListAsync();
        IReadOnlyList<SkillAudit> audits = loaded.OrderBy(a => a.CompletedAtUtc).ToList();
        var latest = audits.Count == 0 ? null : audits[^1];
        var path = PathFinder.Find(catalog, roadmap.StartRoleSlug, roadmap.TargetRoleSlug);
        if (latest is null || !path.Found)
        {
            return new RoadmapView(roadmap, path, null, null, latest is not null, false, today, monthsInStartRole);
        }

        // Only a closed round's "all others" figures, exactly as the feedback page shows them.
        var round = await FeedbackRounds.LatestResultsAsync(db, planCatalog.ForVersionAsync, clock.UtcNow.UtcDateTime);
        var others = round is not null && await planCatalog.SameScaleAsync(round.Value.FrameworkVersionId, catalog)
            ? round.Value.Results.Overall.Averages
            : new Dictionary<string, double>();
        var levels = latest.Ratings.ToDictionary(
            r => r.SkillSlug,
            r => RoadmapPlanner.Blend(r.Level.Value, others.TryGetValue(r.SkillSlug, out var avg) ? avg : null));
        var plan = RoadmapPlanner.Plan(catalog, path, levels, roadmap.TrackSlug);
        var forecast = Readiness.Forecast(plan, roadmap, audits, today);
        return new RoadmapView(roadmap, path, plan, forecast, true, others.Count > 0, today, monthsInStartRole);
    }

    // Every change returns the page's new view, built in the same unit of work: the page shows it without loading again.

    /// <summary>Adds a suggestion to the plan, dated after the unfinished items in sequence, or from today when it runs alongside them.</summary>
    public Task<RoadmapView> AcceptSuggestionAsync(Guid id, Guid version, string resourceSlug, string stepRoleSlug, bool inParallel) =>
        ChangeAsync(id, version, async (db, roadmap, catalog, today) =>
        {
            var view = await BuildViewAsync(db, roadmap, catalog);
            var suggestion = view.Plan?.Steps.FirstOrDefault(s => s.Role.Slug == stepRoleSlug)?.Suggestions.FirstOrDefault(s => s.Resource.Slug == resourceSlug)
                ?? throw new DomainException("That suggestion is not part of this roadmap's plan any more. Reload to see the current suggestions.");
            roadmap.AcceptSuggestion(suggestion.Resource, suggestion.Closes.Select(g => g.Skill.Slug), stepRoleSlug, inParallel, today);
            return view;
        });

    public Task<RoadmapView> AddMilestoneAsync(Guid id, Guid version, string title, DateOnly targetDate, string? skillSlug) =>
        ChangeAsync(id, version, (_, roadmap, catalog, today) =>
        {
            roadmap.AddMilestone(title, targetDate, today, skillSlug, catalog);
            return NoViewYet;
        });

    public Task<RoadmapView> EditMilestoneAsync(Guid id, Guid version, Guid milestoneId, string title, DateOnly targetDate, bool inParallel) =>
        ChangeAsync(id, version, (_, roadmap, _, today) =>
        {
            roadmap.EditMilestone(milestoneId, title, targetDate, today, inParallel);
            return NoViewYet;
        });

    public Task<RoadmapView> MoveMilestoneAsync(Guid id, Guid version, Guid milestoneId, int offset) =>
        ChangeAsync(id, version, (_, roadmap, _, _) =>
        {
            roadmap.MoveMilestone(milestoneId, offset);
            return NoViewYet;
        });

    public Task<RoadmapView> RemoveMilestoneAsync(Guid id, Guid version, Guid milestoneId) =>
        ChangeAsync(id, version, (_, roadmap, _, _) =>
        {
            roadmap.RemoveMilestone(milestoneId);
            return NoViewYet;
        });

    /// <summary>Completes a milestone; returns the skills it was meant to build, so the page can offer a re-rating.</summary>
    public async Task<(RoadmapView View, IReadOnlyList<string> SkillsToReRate)> CompleteMilestoneAsync(Guid id, Guid version, Guid milestoneId)
    {
        IReadOnlyList<string> skills = [];
        var view = await ChangeAsync(id, version, (_, r, _, today) =>
        {
            skills = r.CompleteMilestone(milestoneId, today);
            return NoViewYet;
        });
        return (view, skills);
    }

    public async Task DeleteAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var roadmap = await db.Roadmaps.FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That roadmap does not exist or is not yours.");
        db.Roadmaps.Remove(roadmap);
        await db.SaveChangesAsync();
    }

    private static readonly Task<RoadmapView?> NoViewYet = Task.FromResult<RoadmapView?>(null);

    /// <summary>
    /// Loads the roadmap, applies the change against the version the page showed, saves, and returns the new view: the
    /// one the change already built (moved on to the changed plan), or one built now from the same context.
    /// </summary>
    private async Task<RoadmapView> ChangeAsync(Guid id, Guid version, Func<Data.CareerPathDbContext, Roadmap, CareerCatalog, DateOnly, Task<RoadmapView?>> change)
    {
        await using var db = await userData.OpenAsync();
        var today = await clock.TodayAsync(db);
        var roadmap = await db.Roadmaps.FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That roadmap does not exist or is not yours.");
        var catalog = await planCatalog.ForVersionAsync(roadmap.FrameworkVersionId);
        db.Entry(roadmap).Property(r => r.Version).OriginalValue = version;
        var before = await change(db, roadmap, catalog, today);
        await db.SaveOrConflictAsync("roadmap");
        return before?.After(roadmap) ?? await BuildViewAsync(db, roadmap, catalog);
    }
}
