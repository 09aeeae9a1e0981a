namespace CareerPath.Domain.Goals;

/// <summary>
/// A goal as lists and badges show it on a given day: plain data computed from the goal, so a page can hold (and
/// hand from its prerender to its live circuit) a few fields per goal instead of every step and check-in.
/// </summary>
public sealed record GoalSummary(
    Guid Id,
    string Outcome,
    GoalHorizon Horizon,
    GoalStatus Status,
    DateOnly CreatedOn,
    DateOnly? Deadline,
    DateOnly? CompletedOn,
    double Progress,
    GoalHealth Health,
    bool IsSmart)
{
    public static GoalSummary Of(Goal goal, DateOnly today) =>
        new(goal.Id, goal.Outcome, goal.Horizon, goal.Status, goal.CreatedOn, goal.Deadline, goal.CompletedOn, goal.Progress, goal.HealthOn(today), goal.IsSmartOn(today));

    /// <summary>At risk or past its deadline.</summary>
    public bool NeedsAttention => Health is GoalHealth.AtRisk or GoalHealth.Overdue;
}
