namespace CareerPath.Domain.Goals;

/// <summary>Which goals the list shows.</summary>
public enum GoalFilter
{
    All,
    Active,

    /// <summary>Active goals at risk or past their deadline.</summary>
    NeedsAttention,
    Overdue,

    /// <summary>Active goals whose deadline falls within <see cref="GoalList.DueSoonDays"/> days from today.</summary>
    DueSoon,
    Completed,
}

/// <summary>The order of the goals list.</summary>
public enum GoalSort
{
    /// <summary>Overdue, then at risk, then on track, then completed; soonest deadline first within each.</summary>
    Attention,

    /// <summary>Soonest deadline first; goals without one last.</summary>
    Deadline,

    /// <summary>Most recently set first.</summary>
    Newest,
}

public static class GoalList
{
    public const int DueSoonDays = 30;

    /// <summary>Filters and orders goals; ties go to the outcome's text, so the order never jumps between visits.</summary>
    public static IReadOnlyList<Goal> Arrange(IEnumerable<Goal> goals, GoalFilter filter, GoalSort sort, DateOnly today)
    {
        var shown = goals.Select(g => (Goal: g, Health: g.HealthOn(today))).Where(x => filter switch
        {
            GoalFilter.Active => x.Goal.Status == GoalStatus.Active,
            GoalFilter.NeedsAttention => x.Health is GoalHealth.AtRisk or GoalHealth.Overdue,
            GoalFilter.Overdue => x.Health == GoalHealth.Overdue,
            GoalFilter.DueSoon => x.Goal.Status == GoalStatus.Active && x.Goal.Deadline is { } d && d >= today && d.DayNumber - today.DayNumber <= DueSoonDays,
            GoalFilter.Completed => x.Goal.Status == GoalStatus.Completed,
            _ => true,
        });

        var deadlineOrNever = (Goal g) => g.Deadline ?? DateOnly.MaxValue;
        var ordered = sort switch
        {
            GoalSort.Deadline => shown.OrderBy(x => deadlineOrNever(x.Goal)),
            GoalSort.Newest => shown.OrderByDescending(x => x.Goal.CreatedOn),
            _ => shown.OrderBy(x => x.Health switch
            {
                GoalHealth.Overdue => 0,
                GoalHealth.AtRisk => 1,
                GoalHealth.OnTrack => 2,
                _ => 3,
            }).ThenBy(x => deadlineOrNever(x.Goal)),
        };
        return ordered.ThenBy(x => x.Goal.Outcome, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.Goal.Id).Select(x => x.Goal).ToList();
    }
}
