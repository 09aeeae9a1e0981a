using CareerPath.Domain.Goals;

namespace CareerPath.Domain.Tests.Goals;

public sealed class GoalViewTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);
    private static readonly CareerPath.Domain.Catalog.CareerCatalog Catalog = Build();

    private static CareerPath.Domain.Catalog.CareerCatalog Build()
    {
        var builder = new CatalogBuilder().WithSkill("communication");
        builder.AddRole("tpm", 3);
        return builder.Build();
    }

    /// <summary>0 → 100 interviews, set on 1 November 2026 with a deadline 100 days later (9 February 2027).</summary>
    private static Goal Measured() => Goal.Create("owner", new GoalFields(
        "Run a hundred customer interviews", GoalHorizon.LongTerm, ProgressMode.Measure, "interviews", 0, 100,
        "Two a week with the research panel", ["communication"], null, null, null, Today.AddDays(100)), Catalog, Today);

    [Fact]
    public void Sampling_keeps_the_first_and_last_points_and_spreads_the_rest_evenly()
    {
        var points = Enumerable.Range(0, 5).Select(i => new ProgressPoint(Today.AddDays(i), i * 10)).ToList();

        // Three of five: indices 0, 4·1/2 = 2 and 4.
        Assert.Equal([0d, 20, 40], GoalView.Sample(points, 3).Select(p => p.Percent));
        // Four of ten: indices 0, 9·1/3 = 3, 9·2/3 = 6 and 9.
        var ten = Enumerable.Range(0, 10).Select(i => new ProgressPoint(Today.AddDays(i), i)).ToList();
        Assert.Equal([0d, 3, 6, 9], GoalView.Sample(ten, 4).Select(p => p.Percent));
        // Four of six: indices 0, 5/3 = 1.67 → 2, 10/3 = 3.33 → 3 and 5.
        Assert.Equal([0d, 2, 3, 5], GoalView.Sample(ten.Take(6).ToList(), 4).Select(p => p.Percent));
        Assert.Same(points, GoalView.Sample(points, 5));
    }

    [Fact]
    public void A_goal_with_many_check_ins_keeps_the_newest_page_of_them_and_a_sampled_chart()
    {
        var goal = Measured();
        var day = Today.AddDays(80);
        for (var i = 1; i <= 80; i++)
        {
            goal.CheckIn(Today.AddDays(i), i, $"note {i}", day);
        }

        var view = GoalView.Of(goal, day);

        Assert.Equal(80, view.CheckInCount);
        Assert.Equal(GoalView.CheckInPage, view.RecentCheckIns.Count);
        Assert.Equal("note 80", view.RecentCheckIns[0].Note);
        Assert.Equal("note 61", view.RecentCheckIns[^1].Note);
        // 81 points (the start at 0 % and 80 check-ins) thinned to 60: the first and the latest stay.
        Assert.Equal(GoalView.ChartPointsMax, view.Progress.Count);
        Assert.Equal(80, view.ChartSampled);
        Assert.Equal(new ProgressRow(Today, 0, 0), view.Progress[0]);
        // 80 of 100 interviews on day 80 of 100: 80 % done and 80 % of the time gone.
        Assert.Equal(new ProgressRow(day, 80, 80), view.Progress[^1]);
        Assert.Equal(0.8, view.Summary.Progress, 3);
        Assert.Equal(0.8, view.Elapsed, 3);

        Assert.Equal(40, GoalView.Of(goal, day, 40).RecentCheckIns.Count);
    }

    [Fact]
    public void A_goal_with_few_check_ins_shows_them_all_and_says_nothing_is_sampled()
    {
        var goal = Measured();
        goal.CheckIn(Today.AddDays(10), 5, null, Today.AddDays(20));
        goal.CheckIn(Today.AddDays(20), 25, "a good week", Today.AddDays(20));

        var view = GoalView.Of(goal, Today.AddDays(20));

        Assert.Null(view.ChartSampled);
        Assert.Equal(2, view.CheckInCount);
        Assert.Equal(["a good week", null], view.RecentCheckIns.Select(c => c.Note));
        // Day 10 of 100: 5 of 100 done, on track would be 10 %; day 20: 25 % done against 20 %.
        Assert.Equal([new ProgressRow(Today, 0, 0), new ProgressRow(Today.AddDays(10), 5, 10), new ProgressRow(Today.AddDays(20), 25, 20)], view.Progress);
    }
}
