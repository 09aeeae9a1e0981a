using System.Globalization;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;

namespace CareerPath.Web.Features.Goals;

/// <summary>The goal form's state: every field the user edits, as they type it.</summary>
public sealed class GoalFormModel
{
    public string Outcome { get; set; } = "";
    public GoalHorizon Horizon { get; set; } = GoalHorizon.ShortTerm;
    public ProgressMode Mode { get; set; } = ProgressMode.Steps;
    public string? MeasureName { get; set; }

    /// <summary>The starting value as typed: a number box's text, so "1e15" or "abc" gets a message instead of vanishing.</summary>
    public string? StartValueText { get; set; }

    public string? TargetValueText { get; set; }
    public string? Achievable { get; set; }
    public HashSet<string> SkillSlugs { get; set; } = [];
    public string? MilestoneKey { get; set; }
    public string? TargetRoleSlug { get; set; }
    public DateOnly? Deadline { get; set; }

    /// <summary>Steps typed in the new-goal form (the edit page adds steps one at a time instead).</summary>
    public List<StepRow> Steps { get; set; } = [];

    public decimal? StartValue => Parse(StartValueText, "The starting value");

    public decimal? TargetValue => Parse(TargetValueText, "The target value");

    public string? StartValueProblem => NumberText.Problem(() => NumberText.Decimal(StartValueText, "The starting value", 0, Goal.MaxValue));

    public string? TargetValueProblem => NumberText.Problem(() => NumberText.Decimal(TargetValueText, "The target value", 0, Goal.MaxValue));

    /// <summary>The steps with a title, for the SMART check; rows left empty are not steps.</summary>
    public int FilledSteps => Steps.Count(s => !string.IsNullOrWhiteSpace(s.Title));

    public static GoalFormModel From(GoalFields fields) => new()
    {
        Outcome = fields.Outcome,
        Horizon = fields.Horizon,
        Mode = fields.Mode,
        MeasureName = fields.MeasureName,
        StartValueText = Show(fields.StartValue),
        TargetValueText = Show(fields.TargetValue),
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
            fields.Outcome.Trim(), fields.Horizon, fields.Mode, Text(fields.MeasureName),
            Number(fields.StartValue, Mode == ProgressMode.Measure ? StartValueText : null), Number(fields.TargetValue, Mode == ProgressMode.Measure ? TargetValueText : null),
            Text(fields.Achievable), string.Join(',', fields.SkillSlugs.Order(StringComparer.Ordinal)), fields.RoadmapId, fields.MilestoneId,
            Text(fields.TargetRoleSlug), fields.Deadline?.ToString("O", CultureInfo.InvariantCulture),
            string.Join('\u001e', Steps.Select(s => $"{s.Title.Trim()}@{s.Due:O}")));

        static string Text(string? value) => value?.Trim() ?? "";
    }

    /// <summary>A number the same however it was typed (12.0 is 12); text that is no number stays as typed, so it counts as unsaved too.</summary>
    private static string Number(decimal? value, string? typed) =>
        value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? typed?.Trim() ?? "";

    /// <summary>
    /// The fields to save. Refuses, in the user's words, a number that is not one, and a step with a title but no
    /// date (or a date but no title); the form keeps everything typed.
    /// </summary>
    public GoalFields ToCheckedFields()
    {
        if (Mode == ProgressMode.Measure)
        {
            NumberText.Decimal(StartValueText, "The starting value", 0, Goal.MaxValue);
            NumberText.Decimal(TargetValueText, "The target value", 0, Goal.MaxValue);
        }

        return ToFields();
    }

    /// <summary>The typed steps, checked: rows without a title are skipped, a titled one without a date is refused.</summary>
    public IReadOnlyList<NewStep> ToNewSteps()
    {
        var steps = new List<NewStep>();
        foreach (var row in Steps)
        {
            // A row without a title is no step (the SMART check does not count it either), whatever its date.
            if (string.IsNullOrWhiteSpace(row.Title))
            {
                continue;
            }

            steps.Add(new NewStep(row.Title, row.Due ?? throw new DomainException($"Choose a due date for the step “{row.Title.Trim()}”.")));
        }

        return steps;
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

    private static decimal? Parse(string? text, string what)
    {
        try
        {
            return NumberText.Decimal(text, what, 0, Goal.MaxValue);
        }
        catch (DomainException)
        {
            // Not a number the goal accepts: the field shows why, and the SMART check treats it as missing.
            return null;
        }
    }

    private static string? Show(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);
}

/// <summary>One step row of the new-goal form.</summary>
public sealed class StepRow
{
    public string Title { get; set; } = "";
    public DateOnly? Due { get; set; }
}
