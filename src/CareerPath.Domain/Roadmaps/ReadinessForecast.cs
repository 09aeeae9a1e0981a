using CareerPath.Domain.Assessment;

namespace CareerPath.Domain.Roadmaps;

/// <summary>When the user could be ready for the target role, and on what that estimate rests.</summary>
public sealed record ReadinessForecast(
    DateOnly? FromMilestones,
    DateOnly? FromProgress,
    double? LevelsClosedPerMonth,
    int RemainingGapLevels,
    string Basis)
{
    /// <summary>True when both estimates exist and are more than a month apart.</summary>
    public bool Disagree => FromMilestones is { } a && FromProgress is { } b && Math.Abs(a.DayNumber - b.DayNumber) > 31;
}

public static class Readiness
{
    public const int MaxForecastDays = 50 * 365;

    /// <summary>
    /// Two honest estimates: the last open milestone's target date (what the user planned), and, once there are
    /// two or more completed audits, the date the remaining gap levels close at the pace the audits show.
    /// </summary>
    public static ReadinessForecast Forecast(RoadmapPlan plan, Roadmap roadmap, IReadOnlyList<SkillAudit> completedAudits, DateOnly today)
    {
        var remaining = plan.Steps.SelectMany(s => s.Gaps).Sum(g => g.Shortfall);
        var open = roadmap.Milestones.Where(m => !m.IsDone).ToList();
        DateOnly? fromMilestones = open.Count == 0 ? null : open.Max(m => m.TargetDate);

        DateOnly? fromProgress = null;
        double? pace = null;
        var audits = completedAudits.Where(a => a.CompletedAtUtc is not null).OrderBy(a => a.CompletedAtUtc).ToList();
        if (audits.Count >= 2)
        {
            var first = audits[0];
            var last = audits[^1];
            var months = (last.CompletedAtUtc!.Value - first.CompletedAtUtc!.Value).TotalDays / 30.44;
            var gained = plan.Steps.SelectMany(s => s.Gaps).Select(g => g.Skill.Slug).Distinct()
                .Sum(skill => Math.Max(0, (last.RatingFor(skill)?.Value ?? 0) - (first.RatingFor(skill)?.Value ?? 0)));
            var levelsPerMonth = months >= 0.5 ? gained / months : 0;
            var daysToReady = levelsPerMonth > 0 ? Math.Ceiling(remaining / levelsPerMonth * 30.44) : double.PositiveInfinity;
            // A pace so slow that readiness is more than 50 years away is no forecast at all.
            if (daysToReady <= MaxForecastDays)
            {
                pace = Math.Round(levelsPerMonth, 2);
                fromProgress = today.AddDays((int)daysToReady);
            }
        }

        var basis = (fromMilestones, fromProgress, audits.Count) switch
        {
            (null, null, < 2) => "Add milestones with dates, or complete a second audit, to get a forecast.",
            (_, null, < 2) => "Based on your milestones' dates. After a second audit, your actual pace is shown too.",
            (_, null, _) => "Your audits show no progress on these gaps yet, so only your milestones' dates give a forecast.",
            (null, _, _) => "Based on how fast your gaps have been closing between audits.",
            _ => "Two estimates: your milestones' dates, and the pace your audits show.",
        };
        return new ReadinessForecast(fromMilestones, fromProgress, pace, remaining, basis);
    }
}
