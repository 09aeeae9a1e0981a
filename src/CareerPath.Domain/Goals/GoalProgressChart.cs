namespace CareerPath.Domain.Goals;

/// <summary>A point on a goal's progress chart: a day and the share of the goal done by then, in percent (0–100).</summary>
public readonly record struct ProgressPoint(DateOnly Date, double Percent);

/// <summary>The two lines of a goal's progress chart.</summary>
/// <param name="OnTrack">A straight line from 0 % on the day the goal was set to 100 % on its deadline; empty without a deadline after that day.</param>
/// <param name="Actual">Where the goal stood: each measured check-in, or for a goal measured by steps, today's share of steps done.</param>
public sealed record GoalProgressChart(IReadOnlyList<ProgressPoint> OnTrack, IReadOnlyList<ProgressPoint> Actual)
{
    public static GoalProgressChart For(Goal goal, DateOnly today)
    {
        IReadOnlyList<ProgressPoint> onTrack = goal.Deadline is { } deadline && deadline > goal.CreatedOn
            ? [new(goal.CreatedOn, 0), new(deadline, 100)]
            : [];
        var actual = new List<ProgressPoint> { new(goal.CreatedOn, 0) };
        if (goal.Mode == ProgressMode.Measure && goal.TargetValue is { } target && target > (goal.StartValue ?? 0))
        {
            var start = goal.StartValue ?? 0;
            foreach (var checkIn in goal.CheckIns)
            {
                if (checkIn.Value is { } value)
                {
                    actual.Add(new(checkIn.Date, Math.Clamp((double)((value - start) / (target - start)) * 100, 0, 100)));
                }
            }
        }
        else
        {
            actual.Add(new(today < goal.CreatedOn ? goal.CreatedOn : today, Math.Round(goal.Progress * 100)));
        }

        return new GoalProgressChart(onTrack, actual);
    }
}
