namespace CareerPath.Domain.Roadmaps;

/// <summary>
/// Dates for a plan: a new item runs after the accepted items the user has not finished (or alongside them, when
/// they say so), and the plan is ready when its last unfinished item ends. Suggestions the user has not accepted
/// never push a date out.
/// </summary>
public static class RoadmapSchedule
{
    /// <summary>
    /// When an item of <paramref name="weeks"/> weeks would end if accepted today: after the latest unfinished item
    /// that runs in sequence, or from today when it runs alongside the plan. Every item takes at least a week.
    /// </summary>
    public static DateOnly SuggestedDate(IEnumerable<Milestone> milestones, int weeks, bool inParallel, DateOnly today)
    {
        var start = inParallel ? today : SequenceEnd(milestones, today);
        return start.AddDays(7 * Math.Max(1, weeks));
    }

    /// <summary>The day the unfinished items that run in sequence end (today when there are none, or all ended already).</summary>
    public static DateOnly SequenceEnd(IEnumerable<Milestone> milestones, DateOnly today)
    {
        var end = today;
        foreach (var milestone in milestones)
        {
            if (!milestone.IsDone && !milestone.InParallel && milestone.TargetDate > end)
            {
                end = milestone.TargetDate;
            }
        }

        return end;
    }

    /// <summary>The latest target date among unfinished items, parallel ones included; null when nothing is left.</summary>
    public static DateOnly? ReadyBy(IEnumerable<Milestone> milestones)
    {
        DateOnly? latest = null;
        foreach (var milestone in milestones)
        {
            if (!milestone.IsDone && (latest is null || milestone.TargetDate > latest))
            {
                latest = milestone.TargetDate;
            }
        }

        return latest;
    }
}
