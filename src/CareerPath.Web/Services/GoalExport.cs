using System.Globalization;
using System.Text;
using CareerPath.Domain.Goals;

namespace CareerPath.Web.Services;

/// <summary>Goals as a calendar of deadlines and step due dates, or as CSV.</summary>
public static class GoalExport
{
    public static string Calendar(IEnumerable<Goal> goals, DateTime nowUtc) =>
        ICalendar.Write(
            goals.Where(g => g.Status == GoalStatus.Active).SelectMany(g =>
                (g.Deadline is { } deadline ? [new CalendarEvent($"goal-{g.Id}@careerpath", deadline, $"Goal due: {g.Outcome}", g.MeasureName is null ? null : $"Target: {g.TargetValue} {g.MeasureName}")] : Array.Empty<CalendarEvent>())
                .Concat(g.Steps.Where(s => s.Status != StepStatus.Done).Select(s => new CalendarEvent($"step-{s.Id}@careerpath", s.DueDate, $"Step: {s.Title}", $"For the goal: {g.Outcome}")))),
            nowUtc);

    public static string Csv(IEnumerable<Goal> goals, DateOnly today)
    {
        var csv = new StringBuilder("Outcome,Horizon,Status,Smart,Deadline,ProgressPercent,AtRisk,Measure,StartValue,TargetValue,CurrentValue,Steps,StepsDone,Skills\r\n");
        foreach (var g in goals)
        {
            csv.Append(string.Join(",",
                Csv(g.Outcome),
                g.Horizon,
                g.Status,
                g.IsSmart ? "yes" : "no",
                g.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Math.Round(g.Progress * 100).ToString(CultureInfo.InvariantCulture),
                g.IsAtRisk(today) ? "yes" : "no",
                Csv(g.MeasureName ?? ""),
                g.StartValue?.ToString(CultureInfo.InvariantCulture) ?? "",
                g.TargetValue?.ToString(CultureInfo.InvariantCulture) ?? "",
                g.CurrentValue?.ToString(CultureInfo.InvariantCulture) ?? "",
                g.Steps.Count.ToString(CultureInfo.InvariantCulture),
                g.Steps.Count(s => s.Status == StepStatus.Done).ToString(CultureInfo.InvariantCulture),
                Csv(string.Join(" ", g.SkillSlugs)))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, with a leading quote mark against spreadsheet formula injection.</summary>
    public static string Csv(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || safe != value ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }
}
