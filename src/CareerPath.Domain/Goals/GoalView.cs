namespace CareerPath.Domain.Goals;

/// <summary>One row of a goal's progress figures: a day, where the goal stood, and where the straight line to the deadline stood.</summary>
public readonly record struct ProgressRow(DateOnly Date, double Percent, double OnTrackPercent);

/// <summary>
/// A goal as its page shows it on a given day: the figures computed from the whole goal, its steps, at most
/// <see cref="ChartPointsMax"/> chart points and the newest check-ins. A page holds this for as long as it is open,
/// instead of the goal with up to <see cref="Goal.MaxCheckIns"/> check-ins.
/// </summary>
/// <param name="CheckInCount">Every check-in of the goal; <paramref name="RecentCheckIns"/> holds the newest of them, newest first.</param>
/// <param name="ChartSampled">The measured check-ins behind the chart when it shows fewer of them than there are; otherwise null.</param>
public sealed record GoalView(
    GoalSummary Summary,
    Guid Version,
    GoalFields Fields,
    decimal? CurrentValue,
    double Elapsed,
    IReadOnlyList<GoalStep> Steps,
    IReadOnlyList<ProgressPoint> OnTrack,
    IReadOnlyList<ProgressRow> Progress,
    int? ChartSampled,
    IReadOnlyList<CheckIn> RecentCheckIns,
    int CheckInCount)
{
    /// <summary>A chart 260 pixels high and at most a screen wide shows no more than this many points apart.</summary>
    public const int ChartPointsMax = 60;

    /// <summary>How many check-ins the page lists at first, and how many more each "show older" adds.</summary>
    public const int CheckInPage = 20;

    public Guid Id => Summary.Id;

    public static GoalView Of(Goal goal, DateOnly today, int checkInsShown = CheckInPage)
    {
        var chart = GoalProgressChart.For(goal, today);
        var shown = Sample(chart.Actual, ChartPointsMax);
        var checkIns = goal.CheckIns;
        var measured = checkIns.Count(c => c.Value is not null);
        return new GoalView(
            GoalSummary.Of(goal, today),
            goal.Version,
            goal.Fields,
            goal.CurrentValue,
            goal.ElapsedAt(today),
            goal.Steps,
            chart.OnTrack,
            shown.Select(p => new ProgressRow(p.Date, p.Percent, Math.Round(goal.ElapsedAt(p.Date) * 100))).ToList(),
            shown.Count < chart.Actual.Count ? measured : null,
            checkIns.AsEnumerable().Reverse().Take(Math.Max(checkInsShown, 0)).ToList(),
            checkIns.Count);
    }

    /// <summary>
    /// At most <paramref name="max"/> points, evenly spread over the list and always with its first and last
    /// (where the goal started and where it stands now); a list that fits is returned as it is.
    /// </summary>
    public static IReadOnlyList<ProgressPoint> Sample(IReadOnlyList<ProgressPoint> points, int max)
    {
        if (points.Count <= max || max < 2)
        {
            return points;
        }

        var sampled = new List<ProgressPoint>(max);
        for (var i = 0; i < max; i++)
        {
            // Index i of max spread over 0..Count-1, rounded to the nearest point.
            sampled.Add(points[(int)Math.Round(i * (points.Count - 1) / (double)(max - 1), MidpointRounding.AwayFromZero)]);
        }

        return sampled;
    }
}
