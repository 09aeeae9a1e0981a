using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;

namespace CareerPath.Domain.Roadmaps;

/// <summary>
/// A user's plan from a start role to a target role: the milestones they accepted from suggestions or added
/// themselves, each with a target date, in the order they chose.
/// </summary>
public sealed class Roadmap : IOwned, IVersioned, IFrameworkBound
{
    public const int NameMaxLength = 100;
    public const int MaxMilestones = 200;

    private readonly List<Milestone> _milestones = [];

    private Roadmap()
    {
    }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string StartRoleSlug { get; private set; } = "";
    public string TargetRoleSlug { get; private set; } = "";
    public string? TrackSlug { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; private set; }
    public Guid? FrameworkVersionId { get; private set; }

    /// <summary>Milestones in the user's order.</summary>
    public IReadOnlyList<Milestone> Milestones => _milestones.OrderBy(m => m.Position).ToList();

    /// <summary>Creates a roadmap; the target must be reachable from the start in the catalog.</summary>
    public static Roadmap Create(string ownerId, string name, string startRoleSlug, string targetRoleSlug, string? trackSlug, CareerCatalog catalog, DateTime nowUtc)
    {
        var path = PathFinder.Find(catalog, startRoleSlug, targetRoleSlug);
        if (!path.Found)
        {
            throw new DomainException(path.Message!);
        }

        if (!string.IsNullOrEmpty(trackSlug) && catalog.Tracks.All(t => t.Slug != trackSlug))
        {
            throw new DomainException($"'{trackSlug}' is not a track in the catalog.");
        }

        return new Roadmap
        {
            Id = Guid.NewGuid(),
            OwnerId = Guard.Text(ownerId, "An owner", 450),
            Name = Guard.Text(name, "The roadmap's name", NameMaxLength),
            StartRoleSlug = startRoleSlug,
            TargetRoleSlug = targetRoleSlug,
            TrackSlug = string.IsNullOrEmpty(trackSlug) ? null : trackSlug,
            CreatedAtUtc = nowUtc,
            Version = Guid.NewGuid(),
            FrameworkVersionId = catalog.VersionId,
        };
    }

    /// <summary>Rebuilds a roadmap from an export; the route must still exist in the current catalog.</summary>
    public static Roadmap Restore(string ownerId, string name, string startRoleSlug, string targetRoleSlug, string? trackSlug, DateTime createdAtUtc, CareerCatalog catalog)
    {
        var roadmap = Create(ownerId, name, startRoleSlug, targetRoleSlug, trackSlug, catalog, createdAtUtc);
        return roadmap;
    }

    /// <summary>
    /// Restores a milestone as it was exported: past dates and completion included. A target date can be at most
    /// <see cref="Milestone.MaxYearsAhead"/> years after <paramref name="today"/>, as the form allowed on the day it was set.
    /// </summary>
    public Milestone RestoreMilestone(string title, DateOnly targetDate, string? resourceSlug, string? stepRoleSlug, IEnumerable<string> skillSlugs,
        int estimatedCostUsd, int estimatedWeeks, DateOnly? completedOn, CareerCatalog catalog, DateOnly today, bool inParallel = false)
    {
        if (targetDate > today.AddYears(Milestone.MaxYearsAhead))
        {
            throw new DomainException($"A milestone's target date must be within {Milestone.MaxYearsAhead} years.");
        }

        foreach (var skill in skillSlugs)
        {
            if (catalog.FindSkill(skill) is null)
            {
                throw new DomainException($"'{skill}' is not a skill in the catalog.");
            }
        }

        if (resourceSlug is not null && catalog.Resources.All(r => r.Slug != resourceSlug))
        {
            throw new DomainException($"'{resourceSlug}' is not a growth resource in the catalog.");
        }

        if (stepRoleSlug is not null && catalog.FindRole(stepRoleSlug) is null)
        {
            throw new DomainException($"'{stepRoleSlug}' is not a role in the catalog.");
        }

        Guard.Range(estimatedCostUsd, "A milestone's estimated cost", 0, Growth.GrowthResource.MaxCost);
        Guard.Range(estimatedWeeks, "A milestone's estimated weeks", 0, Growth.GrowthResource.MaxWeeks);
        var milestone = Add(new Milestone(Guid.NewGuid(), title, targetDate, targetDate, resourceSlug, stepRoleSlug, skillSlugs, estimatedCostUsd, estimatedWeeks, NextPosition));
        milestone.InParallel = inParallel;
        if (completedOn is { } done)
        {
            milestone.Complete(done);
        }

        return milestone;
    }

    public void Rename(string name)
    {
        Name = Guard.Text(name, "The roadmap's name", NameMaxLength);
        Touch();
    }

    /// <summary>Whether a step's suggestion of this resource is already in the plan (accepted, done or not).</summary>
    public bool HasInPlan(string resourceSlug, string stepRoleSlug) =>
        _milestones.Any(m => m.ResourceSlug == resourceSlug && m.StepRoleSlug == stepRoleSlug);

    /// <summary>
    /// Accepts a catalog suggestion as a milestone for the given step, dated by <see cref="RoadmapSchedule"/>: after
    /// the unfinished items in sequence, or from today when it runs alongside them.
    /// </summary>
    public Milestone AcceptSuggestion(GrowthResource resource, IEnumerable<string> skillSlugs, string stepRoleSlug, bool inParallel, DateOnly today)
    {
        if (HasInPlan(resource.Slug, stepRoleSlug))
        {
            throw new DomainException($"“{resource.Name}” is already in your plan for this step.");
        }

        var targetDate = RoadmapSchedule.SuggestedDate(_milestones, resource.TypicalWeeks, inParallel, today);
        var milestone = Add(new Milestone(Guid.NewGuid(), resource.Name, targetDate, today, resource.Slug, stepRoleSlug, skillSlugs, resource.ApproxCostUsd, resource.TypicalWeeks, NextPosition));
        milestone.InParallel = inParallel;
        return milestone;
    }

    /// <summary>Adds a milestone of the user's own, optionally tied to a skill.</summary>
    public Milestone AddMilestone(string title, DateOnly targetDate, DateOnly today, string? skillSlug, CareerCatalog catalog)
    {
        if (!string.IsNullOrEmpty(skillSlug) && catalog.FindSkill(skillSlug) is null)
        {
            throw new DomainException($"'{skillSlug}' is not a skill in the catalog.");
        }

        return Add(new Milestone(Guid.NewGuid(), title, targetDate, today, null, null, string.IsNullOrEmpty(skillSlug) ? [] : [skillSlug], 0, 0, NextPosition));
    }

    public void EditMilestone(Guid milestoneId, string title, DateOnly targetDate, DateOnly today, bool? inParallel = null)
    {
        var milestone = Find(milestoneId);
        milestone.Edit(title, targetDate, today);
        if (inParallel is { } parallel)
        {
            milestone.InParallel = parallel;
        }

        Touch();
    }

    /// <summary>Moves a milestone up (-1) or down (+1) in the plan.</summary>
    public void MoveMilestone(Guid milestoneId, int offset)
    {
        var ordered = Milestones.ToList();
        var index = ordered.FindIndex(m => m.Id == milestoneId);
        if (index < 0)
        {
            throw new DomainException("That milestone is not in this roadmap.");
        }

        var target = Math.Clamp(index + offset, 0, ordered.Count - 1);
        var moving = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, moving);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        Touch();
    }

    public void RemoveMilestone(Guid milestoneId)
    {
        _milestones.Remove(Find(milestoneId));
        Touch();
    }

    /// <summary>Marks a milestone done and returns the skills it was meant to build, to offer a re-rating.</summary>
    public IReadOnlyList<string> CompleteMilestone(Guid milestoneId, DateOnly today)
    {
        var milestone = Find(milestoneId);
        milestone.Complete(today);
        Touch();
        return milestone.SkillSlugs;
    }

    private int NextPosition => _milestones.Count == 0 ? 0 : _milestones.Max(m => m.Position) + 1;

    private Milestone Add(Milestone milestone)
    {
        if (_milestones.Count >= MaxMilestones)
        {
            throw new DomainException($"A roadmap can hold at most {MaxMilestones} milestones.");
        }

        _milestones.Add(milestone);
        Touch();
        return milestone;
    }

    private Milestone Find(Guid milestoneId) =>
        _milestones.Find(m => m.Id == milestoneId) ?? throw new DomainException("That milestone is not in this roadmap.");

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>A dated step in a roadmap: a suggestion the user accepted, or one of their own.</summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 150;
    public const int MaxYearsAhead = 20;

#pragma warning disable IDE0044 // EF Core assigns this field when it loads a milestone.
    private List<string> _skillSlugs = [];
#pragma warning restore IDE0044

    private Milestone()
    {
    }

    internal Milestone(Guid id, string title, DateOnly targetDate, DateOnly today, string? resourceSlug, string? stepRoleSlug,
        IEnumerable<string> skillSlugs, int estimatedCostUsd, int estimatedWeeks, int position)
    {
        Id = id;
        Edit(title, targetDate, today);
        ResourceSlug = resourceSlug;
        StepRoleSlug = stepRoleSlug;
        _skillSlugs = skillSlugs.Distinct().ToList();
        EstimatedCostUsd = estimatedCostUsd;
        EstimatedWeeks = estimatedWeeks;
        Position = position;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly TargetDate { get; private set; }
    public string? ResourceSlug { get; private set; }
    public string? StepRoleSlug { get; private set; }
    public int EstimatedCostUsd { get; private set; }
    public int EstimatedWeeks { get; private set; }
    public int Position { get; internal set; }
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>Runs alongside the rest of the plan: later items in sequence do not wait for it.</summary>
    public bool InParallel { get; internal set; }

    public IReadOnlyList<string> SkillSlugs => _skillSlugs;

    public bool IsDone => CompletedOn is not null;

    internal void Edit(string title, DateOnly targetDate, DateOnly today)
    {
        var cleanTitle = Guard.Text(title, "A milestone's title", TitleMaxLength);
        // A date that has passed may stay while the title or "alongside" changes; a new one is today or later.
        if (targetDate < today && (TargetDate == default || targetDate != TargetDate))
        {
            throw new DomainException($"The target date {targetDate:d MMMM yyyy} is in the past. Choose today or a later date.");
        }

        if (targetDate > today.AddYears(MaxYearsAhead))
        {
            throw new DomainException($"The target date must be within {MaxYearsAhead} years.");
        }

        Title = cleanTitle;
        TargetDate = targetDate;
    }

    internal void Complete(DateOnly today)
    {
        if (IsDone)
        {
            throw new DomainException($"“{Title}” is already done.");
        }

        CompletedOn = today;
    }
}
