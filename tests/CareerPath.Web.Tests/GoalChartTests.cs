using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Goals;

namespace CareerPath.Web.Tests;

/// <summary>
/// Where the goal chart puts its points, worked out by hand: time runs over 1,000 units from the first date of either
/// line to the last, progress over 100 units from the bottom (0 %) to the top (100 %).
/// </summary>
public sealed class GoalChartTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    [Fact]
    public void Ten_days_put_day_five_halfway_and_forty_percent_forty_units_up()
    {
        var layout = GoalChartLayout.For(
            [new(Jan1, 0), new(Jan1.AddDays(10), 100)],
            [new(Jan1, 0), new(Jan1.AddDays(5), 40)]);

        Assert.Equal("0,100 1000,0", layout.OnTrack);
        Assert.Equal("0,100 500,60", layout.Progress);
        Assert.Equal("M0 100h0M500 60h0", layout.Markers);
        Assert.Equal(
            [new ChartDate(0, "1 Jan 2026"), new ChartDate(50, "6 Jan 2026"), new ChartDate(100, "11 Jan 2026")],
            layout.Dates);
    }

    [Fact]
    public void The_chart_is_written_as_one_svg_with_its_lines_and_html_labels()
    {
        // The ten-day case above; a chart without a deadline has no straight line at all.
        var html = GoalChartLayout.For([new(Jan1, 0), new(Jan1.AddDays(10), 100)], [new(Jan1, 0), new(Jan1.AddDays(5), 40)]).Html().Value;
        var noDeadline = GoalChartLayout.For([], [new(Jan1, 0), new(Jan1.AddDays(5), 40)]).Html().Value;

        Assert.StartsWith("<div class=\"goal-chart\" role=\"img\" aria-label=\"Progress over time against the straight line to the deadline; the same figures are in the table below\">", html, StringComparison.Ordinal);
        Assert.Contains(
            "<svg class=\"goal-chart__plot\" viewBox=\"0 0 1000 100\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            + "<path class=\"goal-chart__grid\" d=\"M0 0H1000M0 25H1000M0 50H1000M0 75H1000\" />"
            + "<polyline class=\"goal-chart__on-track\" points=\"0,100 1000,0\" />"
            + "<polyline class=\"goal-chart__progress\" points=\"0,100 500,60\" />"
            + "<path class=\"goal-chart__markers\" d=\"M0 100h0M500 60h0\" /></svg>",
            html,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "<div class=\"goal-chart__x\" aria-hidden=\"true\"><span style=\"left: 0%\">1 Jan 2026</span><span style=\"left: 50%\">6 Jan 2026</span>"
            + "<span style=\"left: 100%\">11 Jan 2026</span></div></div>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("goal-chart__on-track", noDeadline, StringComparison.Ordinal);
    }

    [Fact]
    public void Seven_days_put_the_middle_label_on_day_three_three_sevenths_of_the_way()
    {
        // 7 days: the middle label is day 3 (7 / 2 rounded down), at 3/7 = 42.86 % of the width; 1/7 of 1,000 is 142.9.
        var layout = GoalChartLayout.For([], [new(Jan1, 0), new(Jan1.AddDays(1), 12.5), new(Jan1.AddDays(7), 100)]);

        Assert.Equal("", layout.OnTrack);
        Assert.Equal("0,100 142.9,87.5 1000,0", layout.Progress);
        Assert.Equal([new ChartDate(0, "1 Jan 2026"), new ChartDate(42.86, "4 Jan 2026"), new ChartDate(100, "8 Jan 2026")], layout.Dates);
    }

    [Fact]
    public void Five_days_have_no_middle_date_and_figures_beyond_the_scale_stay_on_its_edges()
    {
        // Three dates over five days would overlap on a phone; 150 % is drawn at the top (0), -20 % at the bottom (100).
        var layout = GoalChartLayout.For([], [new(Jan1, -20), new(Jan1.AddDays(5), 150)]);

        Assert.Equal("0,100 1000,0", layout.Progress);
        Assert.Equal([new ChartDate(0, "1 Jan 2026"), new ChartDate(100, "6 Jan 2026")], layout.Dates);
    }

    [Fact]
    public void The_progress_line_may_run_past_the_deadline_and_the_axis_then_ends_at_the_last_check_in()
    {
        // Deadline on day 4, last check-in on day 8: the axis runs 8 days, so the deadline is at 500.
        var layout = GoalChartLayout.For(
            [new(Jan1, 0), new(Jan1.AddDays(4), 100)],
            [new(Jan1, 0), new(Jan1.AddDays(8), 75)]);

        Assert.Equal("0,100 500,0", layout.OnTrack);
        Assert.Equal("0,100 1000,25", layout.Progress);
        Assert.Equal("9 Jan 2026", layout.Dates[^1].Text);
    }

    [Fact]
    public void A_goal_set_today_without_a_deadline_is_one_dot_at_the_start_with_one_date()
    {
        var layout = GoalChartLayout.For([], [new(Jan1, 0), new(Jan1, 30)]);

        Assert.Equal("0,100 0,70", layout.Progress);
        Assert.Equal([new ChartDate(0, "1 Jan 2026")], layout.Dates);
    }

    [Fact]
    public void The_table_under_the_chart_has_a_row_per_point_and_a_dash_without_a_deadline()
    {
        ProgressRow[] rows = [new(Jan1, 0, 0), new(new DateOnly(2026, 3, 1), 33.4, 49.6)];

        Assert.Equal(
            "<tr><td>1 Jan 2026</td><td>0%</td><td>0%</td></tr><tr><td>1 Mar 2026</td><td>33%</td><td>50%</td></tr>",
            ProgressTable.Rows(rows, hasDeadline: true).Value);
        Assert.Equal(
            "<tr><td>1 Mar 2026</td><td>33%</td><td>–</td></tr>",
            ProgressTable.Rows(rows[1..], hasDeadline: false).Value);
    }

    [Fact]
    public void The_check_in_list_is_written_with_dates_values_and_notes_encoded()
    {
        var catalog = new CareerPath.Domain.Catalog.CareerCatalog([], [], [], [], [], [], [], []);
        var goal = Goal.Create("owner", new GoalFields("Interview customers", GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews", 0, 10,
            "An hour a week", [], null, null, null, new DateOnly(2026, 6, 30)), catalog, Jan1);
        goal.CheckIn(new DateOnly(2026, 1, 5), 2.5m, "<script>alert(1)</script> & \"quotes\" 'too'", Jan1.AddDays(10));
        goal.CheckIn(new DateOnly(2026, 1, 9), 4m, null, Jan1.AddDays(10));

        // Newest first, as the page lists them: 9 January with no note, then 5 January with 2.5 and the note as text.
        Assert.Equal(
            "<li><span class=\"muted small\">9 Jan 2026 · 4</span></li>"
            + "<li><span class=\"muted small\">5 Jan 2026 · 2.5</span><span class=\"checkins__note\">"
            + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#x27;too&#x27;</span></li>",
            CheckInItems.Of(goal.CheckIns.Reverse().ToList()).Value);
        Assert.Equal("", CheckInItems.Of([]).Value);
    }
}
