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
        var byId = goals.ToDictionary(g => g.Id);
        return Arrange(byId.Values.Select(g => GoalSummary.Of(g, today)), filter, sort, today).Select(s => byId[s.Id]).ToList();
    }

    /// <summary>The same, on goals summarised for <paramref name="today"/>.</summary>
    public static IReadOnlyList<GoalSummary> Arrange(IEnumerable<GoalSummary> goals, GoalFilter filter, GoalSort sort, DateOnly today)
    {
        var shown = goals.Where(g => filter switch
        {
            GoalFilter.Active => g.Status == GoalStatus.Active,
            GoalFilter.NeedsAttention => g.NeedsAttention,
            GoalFilter.Overdue => g.Health == GoalHealth.Overdue,
            GoalFilter.DueSoon => g.Status == GoalStatus.Active && g.Deadline is { } d && d >= today && d.DayNumber - today.DayNumber <= DueSoonDays,
            GoalFilter.Completed => g.Status == GoalStatus.Completed,
            _ => true,
        });

        var deadlineOrNever = (GoalSummary g) => g.Deadline ?? DateOnly.MaxValue;
        var ordered = sort switch
        {
            GoalSort.Deadline => shown.OrderBy(deadlineOrNever),
            GoalSort.Newest => shown.OrderByDescending(g => g.CreatedOn),
            _ => shown.OrderBy(g => g.Health switch
            {
                GoalHealth.Overdue => 0,
                GoalHealth.AtRisk => 1,
                GoalHealth.OnTrack => 2,
                _ => 3,
            }).ThenBy(deadlineOrNever),
        };
        return ordered.ThenBy(g => g.Outcome, StringComparer.CurrentCultureIgnoreCase).ThenBy(g => g.Id).ToList();
    }
}
