using System.Globalization;
using System.Text;
using CareerPath.Domain.Goals;

namespace CareerPath.Web.Features.Goals;

/// <summary>A date under the chart, at <see cref="Left"/> percent of its width.</summary>
public readonly record struct ChartDate(double Left, string Text);

/// <summary>
/// Where a goal's two progress lines go in the chart's drawing: time runs left to right over
/// <see cref="Width"/> units, from the earliest date of either line to the latest; progress runs bottom to top over
/// <see cref="Height"/> units, 0 % at the bottom and 100 % at the top. Points are SVG <c>points</c> lists.
/// </summary>
/// <param name="OnTrack">The straight line to the deadline, or empty when there is none.</param>
/// <param name="Progress">Where the goal stood.</param>
/// <param name="Markers">A dot on each point of <paramref name="Progress"/>, as path data (zero-length strokes with round caps).</param>
/// <param name="Dates">The first and last dates, and the one halfway when they are at least <see cref="MiddleDateDays"/> apart (closer, three dates overlap on a phone).</param>
public sealed record GoalChartLayout(string OnTrack, string Progress, string Markers, IReadOnlyList<ChartDate> Dates)
{
    public const int Width = 1000;
    public const int Height = 100;
    public const int MiddleDateDays = 6;

    public static GoalChartLayout For(IReadOnlyList<ProgressPoint> onTrack, IReadOnlyList<ProgressPoint> progress)
    {
        if (onTrack.Count == 0 && progress.Count == 0)
        {
            return new GoalChartLayout("", "", "", []);
        }

        var first = onTrack.Concat(progress).Min(p => p.Date);
        var last = onTrack.Concat(progress).Max(p => p.Date);
        var days = last.DayNumber - first.DayNumber;

        double X(DateOnly date) => days == 0 ? 0 : (double)(date.DayNumber - first.DayNumber) * Width / days;
        static double Y(double percent) => Height - (Math.Clamp(percent, 0, 100) * Height / 100);

        string Points(IReadOnlyList<ProgressPoint> points) =>
            string.Join(' ', points.Select(p => $"{Number(X(p.Date))},{Number(Y(p.Percent))}"));

        var markers = new StringBuilder();
        foreach (var p in progress)
        {
            markers.Append('M').Append(Number(X(p.Date))).Append(' ').Append(Number(Y(p.Percent))).Append("h0");
        }

        var dates = new List<ChartDate> { new(0, Label(first)) };
        if (days >= MiddleDateDays)
        {
            var middle = first.AddDays(days / 2);
            dates.Add(new ChartDate(Math.Round(100.0 * (days / 2) / days, 2), Label(middle)));
        }

        if (days >= 1)
        {
            dates.Add(new ChartDate(100, Label(last)));
        }

        return new GoalChartLayout(Points(onTrack), Points(progress), markers.ToString(), dates);
    }

    /// <summary>
    /// The chart as markup: one small SVG whose plot stretches to the card's width (lines keep their thickness,
    /// vector-effect), with the labels as HTML so they stay readable on a phone. The same figures are in the table
    /// below it. Written once per reading of the goal: as a component it kept two trees of its own.
    /// </summary>
    public Microsoft.AspNetCore.Components.MarkupString Html()
    {
        var html = new StringBuilder("<div class=\"goal-chart\" role=\"img\" aria-label=\"Progress over time against the straight line to the deadline; the same figures are in the table below\">")
            .Append("<div class=\"goal-chart__y\" aria-hidden=\"true\"><span style=\"top: 0\">100%</span><span style=\"top: 25%\">75%</span><span style=\"top: 50%\">50%</span><span style=\"top: 75%\">25%</span><span style=\"top: 100%\">0%</span></div>")
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"goal-chart__plot\" viewBox=\"0 0 {Width} {Height}\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">")
            .Append("<path class=\"goal-chart__grid\" d=\"M0 0H1000M0 25H1000M0 50H1000M0 75H1000\" />");
        if (OnTrack.Length > 0)
        {
            html.Append($"<polyline class=\"goal-chart__on-track\" points=\"{OnTrack}\" />");
        }

        html.Append($"<polyline class=\"goal-chart__progress\" points=\"{Progress}\" /><path class=\"goal-chart__markers\" d=\"{Markers}\" /></svg>")
            .Append("<div class=\"goal-chart__x\" aria-hidden=\"true\">");
        foreach (var date in Dates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"left: {date.Left}%\">{date.Text}</span>");
        }

        return new(html.Append("</div></div>").ToString());
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Label(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
