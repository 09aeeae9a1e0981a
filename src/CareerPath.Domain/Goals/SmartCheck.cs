namespace CareerPath.Domain.Goals;

public enum SmartPart
{
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

public sealed record SmartIssue(SmartPart Part, string Reason);

/// <summary>
/// A short list of plain rules, one reason each, so the user always knows what to fix. No guesswork: the check
/// looks only at what was filled in.
/// </summary>
public static class SmartCheck
{
    public const int MinOutcomeWords = 4;
    public const int ShortTermMaxMonths = 12;
    public const int LongTermMaxYears = 10;

    // Words that name no result: filler, "be better", "improve", and the general traits and roles a vague goal is
    // built from ("a better leader and communicator"). An outcome needs at least one word outside this list: a
    // thing done, earned or delivered ("memo", "CSPO", "twelve interviews").
    private static readonly HashSet<string> VagueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "to", "be", "get", "become", "better", "improve", "improved", "more", "good", "great", "best",
        "stuff", "things", "grow", "learn", "do", "my", "skills", "career", "work", "at", "on", "in", "and", "of",
        "as", "with", "overall", "really", "much", "very", "stronger", "strong", "confident", "effective", "successful",
        "leader", "leadership", "communicator", "communication", "manager", "management", "person", "professional",
        "teammate", "colleague", "collaborator", "thinker", "speaker", "listener", "writer", "product", "pm", "tpm",
        "technical", "strategic", "confidence", "lead", "communicate", "manage", "think", "speak", "listen", "collaborate", "myself",
    };

    /// <param name="goal">The goal's fields, saved or still being typed.</param>
    /// <param name="stepCount">How many steps its action plan has (they make a step-based goal measurable).</param>
    /// <param name="today">The date the check is made: a deadline before it has passed.</param>
    /// <param name="setOn">
    /// The day the goal was set (today for a new one): a horizon is measured from it, so a long-term goal does not
    /// stop being SMART as its deadline comes near.
    /// </param>
    public static IReadOnlyList<SmartIssue> Evaluate(GoalFields goal, int stepCount, DateOnly today, DateOnly? setOn = null)
    {
        var from = setOn is { } set && set < today ? set : today;
        var issues = new List<SmartIssue>();
        var words = (goal.Outcome ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < MinOutcomeWords)
        {
            issues.Add(new(SmartPart.Specific, $"Describe the outcome in at least {MinOutcomeWords} words: what will be true when you are done?"));
        }
        else if (words.All(w => VagueWords.Contains(w.Trim('.', ',', '!'))))
        {
            issues.Add(new(SmartPart.Specific, "The outcome is too vague to judge: name the thing you will have done, earned or delivered."));
        }

        if (goal.Mode == ProgressMode.Measure)
        {
            if (string.IsNullOrWhiteSpace(goal.MeasureName) || goal.TargetValue is null)
            {
                issues.Add(new(SmartPart.Measurable, "No measurable target: say what you will count and the value you aim for."));
            }
            else if (goal.TargetValue <= (goal.StartValue ?? 0))
            {
                issues.Add(new(SmartPart.Measurable, "The target must be above the starting value, or there is nothing to measure."));
            }
        }
        else if (stepCount == 0)
        {
            issues.Add(new(SmartPart.Measurable, "No measurable target: add the steps that mark progress, or measure a value instead."));
        }

        if (string.IsNullOrWhiteSpace(goal.Achievable))
        {
            issues.Add(new(SmartPart.Achievable, "Say why it is achievable: the time and resources you will use."));
        }

        if (goal.SkillSlugs.Count == 0 && goal.MilestoneId is null && string.IsNullOrEmpty(goal.TargetRoleSlug))
        {
            issues.Add(new(SmartPart.Relevant, "No link to anything: connect it to a skill, a roadmap milestone or a target role."));
        }

        if (goal.Deadline is not { } deadline)
        {
            issues.Add(new(SmartPart.TimeBound, "No deadline: choose the date you will be done by."));
        }
        else if (deadline < today)
        {
            issues.Add(new(SmartPart.TimeBound, "The deadline is in the past."));
        }
        else if (goal.Horizon == GoalHorizon.ShortTerm && deadline > from.AddMonths(ShortTermMaxMonths))
        {
            issues.Add(new(SmartPart.TimeBound, $"The deadline is too far for a short-term goal (at most {ShortTermMaxMonths} months): make it long-term or bring it closer."));
        }
        else if (goal.Horizon == GoalHorizon.LongTerm && deadline <= from.AddMonths(ShortTermMaxMonths))
        {
            issues.Add(new(SmartPart.TimeBound, $"A long-term goal runs past {ShortTermMaxMonths} months: make it short-term or move the deadline out."));
        }
        else if (goal.Horizon == GoalHorizon.LongTerm && deadline > from.AddYears(LongTermMaxYears))
        {
            issues.Add(new(SmartPart.TimeBound, $"The deadline is more than {LongTermMaxYears} years away; set a nearer one you can plan for."));
        }

        return issues;
    }
}
