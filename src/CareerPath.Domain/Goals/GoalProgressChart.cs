namespace CareerPath.Domain.Goals;

/// <summary>A point on a goal's progress chart: a day and the share of the goal done by then, in percent (0–100).</summary>
public readonly record struct ProgressPoint(DateOnly Date, double Percent);

/// <summary>The two lines of a goal's progress chart.</summary>
/// <param name="OnTrack">A straight line from 0 % on the day the goal was set to 100 % on its deadline; empty without a deadline after that day.</param>
/// <param name="Actual">Where the goal stood: from 0 % on the day it was set, then the last measured check-in of each day, or for a goal measured by steps, today's share of steps done.</param>
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
                    // One point a day: a later check-in the same day corrects the earlier one, as it does the current value.
                    var point = new ProgressPoint(checkIn.Date, Math.Clamp((double)((value - start) / (target - start)) * 100, 0, 100));
                    if (actual.Count > 1 && actual[^1].Date == checkIn.Date)
                    {
                        actual[^1] = point;
                    }
                    else
                    {
                        actual.Add(point);
                    }
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
