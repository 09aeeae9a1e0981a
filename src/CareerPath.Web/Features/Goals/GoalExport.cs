using System.Globalization;
using System.Text;
using CareerPath.Domain.Goals;
using CareerPath.Web.Services;

namespace CareerPath.Web.Features.Goals;

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
        var csv = new StringBuilder("Outcome,Horizon,Status,Standing,Smart,Deadline,ProgressPercent,Measure,StartValue,TargetValue,CurrentValue,Steps,StepsDone,CheckIns,Skills\r\n");
        foreach (var g in goals)
        {
            csv.Append(string.Join(",",
                Csv(g.Outcome),
                g.Horizon,
                g.Status,
                Standing(g.HealthOn(today)),
                g.Status == GoalStatus.Active ? (g.IsSmartOn(today) ? "yes" : "no") : "",
                Date(g.Deadline),
                Math.Round(g.Progress * 100).ToString(CultureInfo.InvariantCulture),
                Csv(g.MeasureName ?? ""),
                Number(g.StartValue),
                Number(g.TargetValue),
                Number(g.CurrentValue),
                g.Steps.Count.ToString(CultureInfo.InvariantCulture),
                g.Steps.Count(s => s.Status == StepStatus.Done).ToString(CultureInfo.InvariantCulture),
                g.CheckIns.Count.ToString(CultureInfo.InvariantCulture),
                Csv(string.Join(" ", g.SkillSlugs)))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Every step and check-in of every goal, one per row, with the goal's outcome to group or filter by.</summary>
    public static string ActivityCsv(IEnumerable<Goal> goals)
    {
        var csv = new StringBuilder("Goal,Kind,Date,Text,StepStatus,Value\r\n");
        foreach (var g in goals)
        {
            foreach (var step in g.Steps)
            {
                csv.Append(string.Join(",", Csv(g.Outcome), "step", Date(step.DueDate), Csv(step.Title), StepStatusText(step.Status), "")).Append("\r\n");
            }

            foreach (var checkIn in g.CheckIns)
            {
                csv.Append(string.Join(",", Csv(g.Outcome), "check-in", Date(checkIn.Date), Csv(checkIn.Note ?? ""), "",
                    Number(checkIn.Value))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Standing(GoalHealth health) => health switch
    {
        GoalHealth.Overdue => "overdue",
        GoalHealth.AtRisk => "at risk",
        GoalHealth.Completed => "completed",
        _ => "on track",
    };

    private static string StepStatusText(StepStatus status) => status switch
    {
        StepStatus.Done => "done",
        StepStatus.InProgress => "in progress",
        _ => "to do",
    };

    /// <summary>A value as the user typed it: 4, not the 4.0 the database hands back.</summary>
    private static string Number(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 quoting, with a leading quote mark against spreadsheet formula injection.</summary>
    public static string Csv(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || safe != value ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }
}
