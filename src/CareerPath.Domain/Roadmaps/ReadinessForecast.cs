using CareerPath.Domain.Assessment;

namespace CareerPath.Domain.Roadmaps;

/// <summary>Why the pace estimate has, or has not, a date.</summary>
public enum PaceOutcome
{
    /// <summary>A date from the levels gained between the first and the latest audit.</summary>
    Forecast,

    /// <summary>Nothing is left to close: the latest audit already meets every expectation on the way.</summary>
    NoGapsLeft,

    /// <summary>Only one finished audit, so there is nothing to measure a pace between.</summary>
    NeedsSecondAudit,

    /// <summary>The first and latest audits are too close together for a pace to mean anything.</summary>
    AuditsTooClose,

    /// <summary>No level gained, between the two audits, on any skill the roadmap needs.</summary>
    NoLevelsGained,

    /// <summary>A pace so slow that readiness is further away than <see cref="Readiness.MaxForecastDays"/>.</summary>
    TooSlow,
}

/// <summary>When the user could be ready for the target role, and on what that estimate rests.</summary>
public sealed record ReadinessForecast(
    DateOnly? FromMilestones,
    DateOnly? FromProgress,
    double? LevelsClosedPerMonth,
    int RemainingGapLevels,
    int LevelsGained,
    PaceOutcome Pace,
    string PaceNote,
    string Basis)
{
    /// <summary>True when both estimates exist and are more than a month apart.</summary>
    public bool Disagree => FromMilestones is { } a && FromProgress is { } b && Math.Abs(a.DayNumber - b.DayNumber) > 31;

    /// <summary>
    /// The same forecast after the plan's milestones changed: the pace rests on the audits and the path, which a
    /// milestone does not change, so only the plan's date and the wording of the basis move.
    /// </summary>
    public ReadinessForecast WithMilestones(IEnumerable<Milestone> milestones)
    {
        var fromMilestones = RoadmapSchedule.ReadyBy(milestones);
        return this with { FromMilestones = fromMilestones, Basis = Readiness.Basis(fromMilestones, FromProgress, PaceNote) };
    }
}

public static class Readiness
{
    public const int MaxForecastDays = 50 * 365;

    /// <summary>Audits closer together than this give no pace: a week's change says little about a year's.</summary>
    public const int MinDaysBetweenAudits = 14;

    /// <summary>The average length of a month in days, for "levels a month".</summary>
    public const double DaysPerMonth = 30.44;

    /// <summary>
    /// Two honest estimates. From the plan: the latest target date of the accepted, unfinished milestones. From the
    /// pace: the levels gained between the first and the latest finished audit on the skills this roadmap needs
    /// (counting gaps closed completely, up to what the path expects), projected over the levels still missing.
    /// </summary>
    public static ReadinessForecast Forecast(RoadmapPlan plan, Roadmap roadmap, IReadOnlyList<SkillAudit> completedAudits, DateOnly today)
    {
        var remaining = plan.Steps.SelectMany(s => s.Gaps).Sum(g => g.Shortfall);
        var fromMilestones = RoadmapSchedule.ReadyBy(roadmap.Milestones);
        var audits = completedAudits.Where(a => a.CompletedAtUtc is not null).OrderBy(a => a.CompletedAtUtc).ToList();

        var (pace, fromProgress, perMonth, gained) = Pace(plan, audits, remaining, today);
        var note = pace switch
        {
            PaceOutcome.Forecast => $"{perMonth:0.##} levels a month: {gained} gained between your first and latest audits",
            PaceOutcome.NoGapsLeft => "you already meet every expectation on the way",
            PaceOutcome.NeedsSecondAudit => "needs a second finished audit",
            PaceOutcome.AuditsTooClose => $"your first and latest audits are less than {MinDaysBetweenAudits / 7} weeks apart",
            PaceOutcome.NoLevelsGained => "your audits show no level gained yet on the skills this roadmap needs",
            _ => $"at {perMonth:0.##} levels a month it would take more than {MaxForecastDays / 365} years",
        };

        return new ReadinessForecast(fromMilestones, fromProgress, perMonth, remaining, gained, pace, note, Basis(fromMilestones, fromProgress, note));
    }

    /// <summary>On what the forecast rests, in words.</summary>
    internal static string Basis(DateOnly? fromMilestones, DateOnly? fromProgress, string paceNote) => (fromMilestones, fromProgress) switch
    {
        (null, null) => "Add milestones to your plan, or finish audits a few weeks apart, to get a forecast.",
        (_, null) => "Based on your plan's dates only: " + paceNote + ".",
        (null, _) => "Based on the pace your audits show; add milestones to compare it with your plan.",
        _ => "Two estimates: your plan's latest date, and the pace your audits show.",
    };

    private static (PaceOutcome Outcome, DateOnly? Date, double? PerMonth, int Gained) Pace(
        RoadmapPlan plan, IReadOnlyList<SkillAudit> audits, int remaining, DateOnly today)
    {
        if (remaining == 0)
        {
            return (PaceOutcome.NoGapsLeft, today, null, 0);
        }

        if (audits.Count < 2)
        {
            return (PaceOutcome.NeedsSecondAudit, null, null, 0);
        }

        var first = audits[0];
        var last = audits[^1];
        var days = (last.CompletedAtUtc!.Value - first.CompletedAtUtc!.Value).TotalDays;
        if (days < MinDaysBetweenAudits)
        {
            return (PaceOutcome.AuditsTooClose, null, null, 0);
        }

        // What the path asks of each skill: the highest level any role after the start expects.
        var required = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in plan.Path.Roles.Skip(1))
        {
            foreach (var expectation in role.Expectations)
            {
                required[expectation.SkillSlug] = Math.Max(required.GetValueOrDefault(expectation.SkillSlug), expectation.Level.Value);
            }
        }

        // Levels gained towards what is required; a gap closed completely counts in full, going past it does not.
        var gained = 0;
        foreach (var (skill, level) in required)
        {
            // A skill an audit did not rate counts at the lowest level, as the planner counts it.
            var before = first.RatingFor(skill)?.Value ?? Skills.ProficiencyLevel.Min;
            var after = Math.Min(last.RatingFor(skill)?.Value ?? Skills.ProficiencyLevel.Min, level);
            gained += Math.Max(0, after - before);
        }

        if (gained == 0)
        {
            return (PaceOutcome.NoLevelsGained, null, null, 0);
        }

        var perMonth = Math.Round(gained / (days / DaysPerMonth), 2);
        // remaining ÷ (gained ÷ days) days, without a round trip through months.
        var daysToReady = Math.Ceiling(remaining * days / gained);
        return daysToReady > MaxForecastDays
            ? (PaceOutcome.TooSlow, null, perMonth, gained)
            : (PaceOutcome.Forecast, today.AddDays((int)daysToReady), perMonth, gained);
    }
}
