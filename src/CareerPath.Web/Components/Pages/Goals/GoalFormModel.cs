using System.Globalization;
using CareerPath.Domain.Goals;

namespace CareerPath.Web.Components.Pages.Goals;

/// <summary>The goal form's state: every field the user edits, as they type it.</summary>
public sealed class GoalFormModel
{
    public string Outcome { get; set; } = "";
    public GoalHorizon Horizon { get; set; } = GoalHorizon.ShortTerm;
    public ProgressMode Mode { get; set; } = ProgressMode.Steps;
    public string? MeasureName { get; set; }
    public decimal? StartValue { get; set; }
    public decimal? TargetValue { get; set; }
    public string? Achievable { get; set; }
    public HashSet<string> SkillSlugs { get; set; } = [];
    public string? MilestoneKey { get; set; }
    public string? TargetRoleSlug { get; set; }
    public DateOnly? Deadline { get; set; }

    public static GoalFormModel From(GoalFields fields) => new()
    {
        Outcome = fields.Outcome,
        Horizon = fields.Horizon,
        Mode = fields.Mode,
        MeasureName = fields.MeasureName,
        StartValue = fields.StartValue,
        TargetValue = fields.TargetValue,
        Achievable = fields.Achievable,
        SkillSlugs = [.. fields.SkillSlugs],
        MilestoneKey = fields.RoadmapId is { } r ? $"{r}/{fields.MilestoneId}" : null,
        TargetRoleSlug = fields.TargetRoleSlug,
        Deadline = fields.Deadline,
    };

    public static GoalFormModel From(Goal goal) => From(goal.Fields);

    /// <summary>
    /// What the user has entered, in a form that compares equal when the content is the same (an emptied box
    /// equals one never touched, 12.0 equals 12), so a page can tell whether anything is left unsaved.
    /// </summary>
    public string Snapshot()
    {
        var fields = ToFields();
        return string.Join('\u001f',
            fields.Outcome.Trim(), fields.Horizon, fields.Mode, Text(fields.MeasureName), Number(fields.StartValue), Number(fields.TargetValue),
            Text(fields.Achievable), string.Join(',', fields.SkillSlugs.Order(StringComparer.Ordinal)), fields.RoadmapId, fields.MilestoneId,
            Text(fields.TargetRoleSlug), fields.Deadline?.ToString("O", CultureInfo.InvariantCulture));

        static string Text(string? value) => value?.Trim() ?? "";

        static string Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "";
    }

    public GoalFields ToFields()
    {
        Guid? roadmap = null;
        Guid? milestone = null;
        if (MilestoneKey?.Split('/') is [var r, var m] && Guid.TryParse(r, out var rid))
        {
            roadmap = rid;
            milestone = Guid.TryParse(m, out var mid) ? mid : null;
        }

        return new GoalFields(Outcome, Horizon, Mode, MeasureName, Mode == ProgressMode.Measure ? StartValue : null, Mode == ProgressMode.Measure ? TargetValue : null,
            Achievable, SkillSlugs.ToList(), roadmap, milestone, TargetRoleSlug, Deadline);
    }
}
