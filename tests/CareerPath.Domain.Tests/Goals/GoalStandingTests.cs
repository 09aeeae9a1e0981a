using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;

namespace CareerPath.Domain.Tests.Goals;

/// <summary>Overdue, derived SMART, deadline rules, the progress chart, list order and step dates, worked out by hand.</summary>
public sealed class GoalStandingTests
{
    private static readonly DateOnly SetOn = new(2026, 1, 1);
    private static readonly CareerPath.Domain.Catalog.CareerCatalog Catalog = BuildCatalog();

    private static CareerPath.Domain.Catalog.CareerCatalog BuildCatalog()
    {
        var builder = new CatalogBuilder().WithSkill("communication");
        builder.AddRole("junior", 1);
        return builder.Build();
    }

    private static GoalFields Fields(DateOnly deadline, GoalHorizon horizon = GoalHorizon.ShortTerm, string outcome = "Run twelve customer discovery interviews") => new(
        outcome, horizon, ProgressMode.Measure, "interviews", 0, 12, "Two a week with the research panel", ["communication"], null, null, null, deadline);

    [Fact]
    public void A_goal_past_its_deadline_is_overdue_and_no_longer_smart()
    {
        var goal = Goal.Create("owner", Fields(new DateOnly(2026, 3, 31)), Catalog, SetOn);

        Assert.True(goal.IsSmartOn(new DateOnly(2026, 3, 31)));
        Assert.Equal(GoalHealth.OnTrack, goal.HealthOn(SetOn));
        Assert.Equal(GoalHealth.Overdue, goal.HealthOn(new DateOnly(2026, 4, 1)));
        Assert.True(goal.IsOverdue(new DateOnly(2026, 4, 1)));
        Assert.False(goal.IsSmartOn(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Progress_trailing_the_time_elapsed_by_more_than_ten_points_is_at_risk_not_overdue()
    {
        // 1 January → 1 May is 120 days; on 1 March (59 days) 49 % of the time has passed. 3 of 12 = 25 % done: 25 + 10 < 49.
        var goal = Goal.Create("owner", Fields(new DateOnly(2026, 5, 1)), Catalog, SetOn);
        goal.CheckIn(new DateOnly(2026, 3, 1), 3, null, new DateOnly(2026, 3, 1));

        Assert.Equal(GoalHealth.AtRisk, goal.HealthOn(new DateOnly(2026, 3, 1)));
        // 5 of 12 = 41.7 %: 41.7 + 10 ≥ 49.2, on track.
        goal.CheckIn(new DateOnly(2026, 3, 1), 5, null, new DateOnly(2026, 3, 1));
        Assert.Equal(GoalHealth.OnTrack, goal.HealthOn(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void A_long_term_goal_stays_smart_as_its_deadline_comes_near()
    {
        // Set with a deadline 14 months out: long term (more than 12). Seven months later the deadline is seven months away.
        var goal = Goal.Create("owner", Fields(new DateOnly(2027, 3, 1), GoalHorizon.LongTerm), Catalog, SetOn);

        Assert.True(goal.IsSmartOn(SetOn));
        Assert.True(goal.IsSmartOn(new DateOnly(2026, 8, 1)));
    }

    [Fact]
    public void A_deadline_in_the_past_is_refused_like_a_steps_due_date()
    {
        var ex = Assert.Throws<DomainException>(() => Goal.Create("owner", Fields(new DateOnly(1900, 1, 1)), Catalog, SetOn));

        Assert.Equal("The deadline 1 January 1900 is in the past. Choose today or a later date.", ex.Message);
    }

    [Fact]
    public void An_overdue_goal_can_still_be_edited_without_moving_its_deadline_but_not_given_another_past_one()
    {
        var goal = Goal.Create("owner", Fields(new DateOnly(2026, 3, 31)), Catalog, SetOn);
        var later = new DateOnly(2026, 5, 1);

        goal.Update(Fields(new DateOnly(2026, 3, 31), outcome: "Run twelve customer discovery interviews with buyers"), Catalog, later);
        Assert.Throws<DomainException>(() => goal.Update(Fields(new DateOnly(2026, 4, 15)), Catalog, later));

        Assert.Equal(new DateOnly(2026, 3, 31), goal.Deadline);
        Assert.Equal("Run twelve customer discovery interviews with buyers", goal.Outcome);
    }

    [Fact]
    public void A_restored_goal_keeps_a_passed_deadline_but_not_one_before_it_was_set()
    {
        var restored = Goal.Restore("owner", Fields(new DateOnly(2026, 3, 31)), SetOn, GoalStatus.Active, null, [], [], Catalog, new DateOnly(2026, 6, 1));
        Assert.Equal(GoalHealth.Overdue, restored.HealthOn(new DateOnly(2026, 6, 1)));

        Assert.Throws<DomainException>(() =>
            Goal.Restore("owner", Fields(new DateOnly(2025, 12, 31)), SetOn, GoalStatus.Active, null, [], [], Catalog, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void The_progress_chart_plots_each_measured_check_in_against_a_straight_line_to_the_deadline()
    {
        var goal = Goal.Create("owner", Fields(new DateOnly(2026, 4, 1)), Catalog, SetOn);
        goal.CheckIn(new DateOnly(2026, 1, 15), 3, null, new DateOnly(2026, 1, 15));
        goal.CheckIn(new DateOnly(2026, 2, 1), 6, "half way", new DateOnly(2026, 2, 1));

        var chart = GoalProgressChart.For(goal, new DateOnly(2026, 2, 10));

        // 3 of 12 = 25 %, 6 of 12 = 50 %.
        Assert.Equal([new(SetOn, 0), new(new DateOnly(2026, 4, 1), 100)], chart.OnTrack);
        Assert.Equal([new(SetOn, 0), new(new DateOnly(2026, 1, 15), 25), new(new DateOnly(2026, 2, 1), 50)], chart.Actual);
    }

    [Fact]
    public void The_progress_chart_shows_one_point_a_day_the_last_check_in_of_that_day()
    {
        var goal = Goal.Create("owner", Fields(new DateOnly(2026, 4, 1)), Catalog, SetOn);
        goal.CheckIn(new DateOnly(2026, 1, 15), 3, null, new DateOnly(2026, 1, 15));
        goal.CheckIn(new DateOnly(2026, 1, 15), 5, "miscounted", new DateOnly(2026, 1, 15));
        goal.CheckIn(new DateOnly(2026, 1, 20), 6, null, new DateOnly(2026, 1, 20));

        var chart = GoalProgressChart.For(goal, new DateOnly(2026, 2, 10));

        // 5 of 12 = 41.67 % on the 15th (the second check-in that day), 6 of 12 = 50 % on the 20th.
        Assert.Equal([SetOn, new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 20)], chart.Actual.Select(p => p.Date));
        Assert.Equal(41.667, chart.Actual[1].Percent, 3);
        Assert.Equal(6, goal.CurrentValue);
    }

    [Fact]
    public void A_goal_measured_by_steps_is_plotted_as_today_share_of_steps_done()
    {
        var goal = Goal.Create("owner", Fields(new DateOnly(2026, 4, 1)) with { Mode = ProgressMode.Steps, TargetValue = null, MeasureName = null }, Catalog, SetOn);
        var steps = Enumerable.Range(1, 4).Select(i => goal.AddStep($"Step {i}", new DateOnly(2026, 2, i), SetOn)).ToList();
        goal.SetStepStatus(steps[0].Id, StepStatus.Done, SetOn);

        var chart = GoalProgressChart.For(goal, new DateOnly(2026, 2, 10));

        // 1 of 4 steps: 25 %.
        Assert.Equal([new(SetOn, 0), new(new DateOnly(2026, 2, 10), 25)], chart.Actual);
    }

    [Fact]
    public void The_list_shows_overdue_then_at_risk_then_on_track_each_by_deadline_and_filters_by_standing()
    {
        var today = new DateOnly(2026, 3, 1);
        var overdue = Goal.Create("owner", Fields(new DateOnly(2026, 2, 1), outcome: "Overdue goal with a missed deadline"), Catalog, SetOn);
        var atRisk = Goal.Create("owner", Fields(new DateOnly(2026, 5, 1), outcome: "At risk goal trailing the time"), Catalog, SetOn);
        var onTrackLate = Goal.Create("owner", Fields(new DateOnly(2026, 12, 1), outcome: "On track goal due in December") with { Horizon = GoalHorizon.LongTerm }, Catalog, today);
        var onTrackSoon = Goal.Create("owner", Fields(new DateOnly(2026, 3, 20), outcome: "On track goal due in March"), Catalog, today);
        var done = Goal.Create("owner", Fields(new DateOnly(2026, 3, 10), outcome: "Completed goal"), Catalog, SetOn);
        done.Complete(new DateOnly(2026, 2, 1));
        Goal[] all = [done, onTrackLate, atRisk, onTrackSoon, overdue];

        Assert.Equal([overdue, atRisk, onTrackSoon, onTrackLate, done], GoalList.Arrange(all, GoalFilter.All, GoalSort.Attention, today));
        Assert.Equal([overdue, atRisk], GoalList.Arrange(all, GoalFilter.NeedsAttention, GoalSort.Attention, today));
        Assert.Equal([overdue], GoalList.Arrange(all, GoalFilter.Overdue, GoalSort.Deadline, today));
        // Due within 30 days of 1 March: 20 March only (10 March is completed, 1 February has passed).
        Assert.Equal([onTrackSoon], GoalList.Arrange(all, GoalFilter.DueSoon, GoalSort.Deadline, today));
        Assert.Equal([overdue, done, onTrackSoon, atRisk, onTrackLate], GoalList.Arrange(all, GoalFilter.All, GoalSort.Deadline, today));
        Assert.Equal([done], GoalList.Arrange(all, GoalFilter.Completed, GoalSort.Newest, today));
    }

    [Fact]
    public void Template_steps_are_spread_evenly_up_to_the_deadline()
    {
        var today = new DateOnly(2027, 1, 1);

        // 1 January → 31 March is 89 days: days 29, 59 and 89.
        Assert.Equal([new DateOnly(2027, 1, 30), new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)], StepDates.Spread(3, today, new DateOnly(2027, 3, 31)));
        // No deadline: three months, to 1 April (90 days): days 45 and 90.
        Assert.Equal([new DateOnly(2027, 2, 15), new DateOnly(2027, 4, 1)], StepDates.Spread(2, today, null));
        Assert.Empty(StepDates.Spread(0, today, null));
    }
}
