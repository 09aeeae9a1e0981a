using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;

namespace CareerPath.Domain.Goals;

public enum GoalHorizon
{
    ShortTerm,
    LongTerm,
}

/// <summary>How progress is counted: completed steps, or check-ins of a measured value.</summary>
public enum ProgressMode
{
    Steps,
    Measure,
}

public enum GoalStatus
{
    Active,
    Completed,
}

/// <summary>How an active goal stands on a given day.</summary>
public enum GoalHealth
{
    OnTrack,

    /// <summary>Progress trails the time elapsed by more than the slack.</summary>
    AtRisk,

    /// <summary>The deadline has passed and the goal is not done.</summary>
    Overdue,

    Completed,
}

public enum StepStatus
{
    ToDo,
    InProgress,
    Done,
}

/// <summary>The editable fields of a goal, as one value so the form and the domain agree.</summary>
public sealed record GoalFields(
    string Outcome,
    GoalHorizon Horizon,
    ProgressMode Mode,
    string? MeasureName,
    decimal? StartValue,
    decimal? TargetValue,
    string? Achievable,
    IReadOnlyCollection<string> SkillSlugs,
    Guid? RoadmapId,
    Guid? MilestoneId,
    string? TargetRoleSlug,
    DateOnly? Deadline);

/// <summary>
/// A goal with its SMART parts as fields, an action plan of steps and dated check-ins. A goal that fails the
/// SMART check can still be saved; it is then marked as not yet SMART.
/// </summary>
public sealed class Goal : IOwned, IVersioned, IFrameworkBound
{
    public const int OutcomeMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int MeasureMaxLength = 100;
    public const decimal MaxValue = 1_000_000_000m;
    public const int MaxSteps = 100;
    public const int MaxCheckIns = 1000;

    // Sets, not lists: the order is the properties' (by date), and EF Core, reading a goal, asks each collection
    // whether it already holds every row it reads; a list answers in time linear in its size, which over a goal's 500
    // check-ins took about 5 % of a check-in's server time (docs/benchmarks.md, "CPU per action").
    // Check-ins are only ever added: GoalService saves a change without tracking those read (TrackAllButCheckIns), so
    // a method that edited or removed one would need that changed too.
    private readonly HashSet<GoalStep> _steps = [];
    private readonly HashSet<CheckIn> _checkIns = [];
#pragma warning disable IDE0044 // EF Core assigns this field when it loads a goal.
    private List<string> _skillSlugs = [];
#pragma warning restore IDE0044

    private Goal()
    {
    }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string Outcome { get; private set; } = "";
    public GoalHorizon Horizon { get; private set; }
    public ProgressMode Mode { get; private set; }
    public string? MeasureName { get; private set; }
    public decimal? StartValue { get; private set; }
    public decimal? TargetValue { get; private set; }
    public decimal? CurrentValue { get; private set; }
    public string? Achievable { get; private set; }
    public Guid? RoadmapId { get; private set; }
    public Guid? MilestoneId { get; private set; }
    public string? TargetRoleSlug { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public GoalStatus Status { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public Guid Version { get; private set; }
    public Guid? FrameworkVersionId { get; private set; }
    public IReadOnlyList<string> SkillSlugs => _skillSlugs;
    public IReadOnlyList<GoalStep> Steps => _steps.OrderBy(s => s.DueDate).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    /// <summary>By date, and check-ins of the same day in the order they were made (the later one is the day's figure).</summary>
    public IReadOnlyList<CheckIn> CheckIns => _checkIns.OrderBy(c => c.Date).ThenBy(c => c.Sequence).ToList();

    public static Goal Create(string ownerId, GoalFields fields, CareerCatalog catalog, DateOnly today)
    {
        var goal = new Goal
        {
            Id = Guid.NewGuid(),
            OwnerId = Guard.Text(ownerId, "An owner", 450),
            CreatedOn = today,
            Status = GoalStatus.Active,
            FrameworkVersionId = catalog.VersionId,
        };
        goal.Update(fields, catalog, today);
        return goal;
    }

    /// <summary>
    /// Rebuilds a goal from an export: its history (past steps, check-ins, completion) is kept as it was, within
    /// the limits the forms keep. Dates are bounded by <paramref name="today"/>, as a form bounds them by the day
    /// they were entered, which was never later.
    /// </summary>
    public static Goal Restore(string ownerId, GoalFields fields, DateOnly createdOn, GoalStatus status, DateOnly? completedOn,
        IEnumerable<(string Title, DateOnly DueDate, StepStatus Status)> steps, IEnumerable<(DateOnly Date, decimal? Value, string? Note)> checkIns,
        CareerCatalog catalog, DateOnly today)
    {
        if (!Enum.IsDefined(status) || (status == GoalStatus.Completed) != (completedOn is not null))
        {
            throw new DomainException("A goal must be either active, or completed with a completion date.");
        }

        if (createdOn > today)
        {
            throw new DomainException("A goal cannot have been set after today.");
        }

        // A restored goal keeps a deadline that has passed since, but never one before the goal was set.
        if (fields.Deadline is { } deadline && deadline < createdOn)
        {
            throw new DomainException("A goal's deadline cannot be before the day it was set.");
        }

        var goal = new Goal
        {
            Id = Guid.NewGuid(),
            OwnerId = Guard.Text(ownerId, "An owner", 450),
            CreatedOn = createdOn,
            Status = GoalStatus.Active,
            FrameworkVersionId = catalog.VersionId,
        };
        goal.Apply(fields, catalog, today, deadlineMayHavePassed: true);
        foreach (var (title, dueDate, stepStatus) in steps)
        {
            if (goal._steps.Count >= MaxSteps)
            {
                throw new DomainException($"A goal can have at most {MaxSteps} steps.");
            }

            if (!Enum.IsDefined(stepStatus))
            {
                throw new DomainException("A step's status must be to do, in progress or done.");
            }

            RequirePlausible(dueDate, today, "A step's due date");
            goal._steps.Add(new GoalStep(Guid.NewGuid(), Guard.Text(title, "A step's title", GoalStep.TitleMaxLength), dueDate) { Status = stepStatus });
        }

        foreach (var (date, value, note) in checkIns)
        {
            // A note-only check-in made before the goal switched to a measured value keeps its empty value.
            goal.AddCheckIn(date, value, note, today, valueRequired: false);
        }

        goal.Status = status;
        goal.CompletedOn = completedOn;
        return goal;
    }

    public GoalFields Fields => new(Outcome, Horizon, Mode, MeasureName, StartValue, TargetValue, Achievable, _skillSlugs, RoadmapId, MilestoneId, TargetRoleSlug, Deadline);

    /// <summary>What keeps the goal from being SMART on <paramref name="today"/>; its horizon counts from the day it was set.</summary>
    public IReadOnlyList<SmartIssue> Check(DateOnly today) => SmartCheck.Evaluate(Fields, _steps.Count, today, CreatedOn);

    /// <summary>Derived, never stored: a goal whose deadline has passed is no longer SMART.</summary>
    public bool IsSmartOn(DateOnly today) => Check(today).Count == 0;

    public void Update(GoalFields fields, CareerCatalog catalog, DateOnly today)
    {
        RequireActive();
        Apply(fields, catalog, today, deadlineMayHavePassed: false);
    }

    private void Apply(GoalFields fields, CareerCatalog catalog, DateOnly today, bool deadlineMayHavePassed)
    {
        var outcome = Guard.Text(fields.Outcome, "The outcome", OutcomeMaxLength);
        if (!Enum.IsDefined(fields.Horizon) || !Enum.IsDefined(fields.Mode))
        {
            throw new DomainException("Choose a horizon (short or long term) and how progress is measured.");
        }

        ValidateValue(fields.StartValue, "The starting value");
        ValidateValue(fields.TargetValue, "The target value");
        foreach (var skill in fields.SkillSlugs)
        {
            if (catalog.FindSkill(skill) is null)
            {
                throw new DomainException($"'{skill}' is not a skill in the catalog.");
            }
        }

        if (!string.IsNullOrEmpty(fields.TargetRoleSlug) && catalog.FindRole(fields.TargetRoleSlug) is null)
        {
            throw new DomainException($"'{fields.TargetRoleSlug}' is not a role in the catalog.");
        }

        if (fields.Deadline is { } deadline)
        {
            // A deadline that passed may stay as it is while other fields change; a new one is today or later, like a step's.
            if (deadline < today && !deadlineMayHavePassed && deadline != Deadline)
            {
                throw new DomainException($"The deadline {deadline:d MMMM yyyy} is in the past. Choose today or a later date.");
            }

            RequirePlausible(deadline, today, "The deadline");
        }

        var measureName = Guard.OptionalText(fields.MeasureName, "What you measure", MeasureMaxLength);
        var achievable = Guard.OptionalText(fields.Achievable, "Why it is achievable", TextMaxLength);

        // Everything is checked above; only now does the goal change, so a refused update changes nothing.
        Outcome = outcome;
        Horizon = fields.Horizon;
        Mode = fields.Mode;
        MeasureName = measureName;
        StartValue = fields.StartValue;
        TargetValue = fields.TargetValue;
        if (_checkIns.All(c => c.Value is null))
        {
            CurrentValue = fields.StartValue;
        }

        Achievable = achievable;
        _skillSlugs = fields.SkillSlugs.Distinct().ToList();
        RoadmapId = fields.RoadmapId;
        MilestoneId = fields.RoadmapId is null ? null : fields.MilestoneId;
        TargetRoleSlug = string.IsNullOrEmpty(fields.TargetRoleSlug) ? null : fields.TargetRoleSlug;
        Deadline = fields.Deadline;
        Touch();
    }

    public GoalStep AddStep(string title, DateOnly dueDate, DateOnly today)
    {
        RequireActive();
        if (_steps.Count >= MaxSteps)
        {
            throw new DomainException($"A goal can have at most {MaxSteps} steps.");
        }

        if (dueDate < today)
        {
            throw new DomainException($"The due date {dueDate:d MMMM yyyy} is in the past. Choose today or a later date.");
        }

        RequirePlausible(dueDate, today, "The due date");

        var step = new GoalStep(Guid.NewGuid(), Guard.Text(title, "A step's title", GoalStep.TitleMaxLength), dueDate);
        _steps.Add(step);
        Touch();
        return step;
    }

    public void SetStepStatus(Guid stepId, StepStatus status, DateOnly today)
    {
        RequireActive();
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Choose to do, in progress or done.");
        }

        FindStep(stepId).Status = status;
        Touch();
    }

    public void RemoveStep(Guid stepId, DateOnly today)
    {
        RequireActive();
        _steps.Remove(FindStep(stepId));
        Touch();
    }

    /// <summary>Records a dated note and, for a measured goal, the current value.</summary>
    public CheckIn CheckIn(DateOnly date, decimal? value, string? note, DateOnly today)
    {
        RequireActive();
        return AddCheckIn(date, value, note, today, valueRequired: Mode == ProgressMode.Measure);
    }

    private CheckIn AddCheckIn(DateOnly date, decimal? value, string? note, DateOnly today, bool valueRequired)
    {
        if (date > today)
        {
            throw new DomainException("A check-in cannot be dated in the future.");
        }

        if (date < CreatedOn)
        {
            throw new DomainException($"A check-in cannot be dated before the goal was set ({CreatedOn:d MMMM yyyy}).");
        }

        ValidateValue(value, "The current value");
        if (valueRequired && value is null)
        {
            throw new DomainException($"Enter the current value of {MeasureName ?? "what you measure"}.");
        }

        if (_checkIns.Count >= MaxCheckIns)
        {
            throw new DomainException($"A goal can have at most {MaxCheckIns} check-ins.");
        }

        var sequence = _checkIns.Count == 0 ? 1 : _checkIns.Max(c => c.Sequence) + 1;
        var checkIn = new CheckIn(Guid.NewGuid(), date, value, Guard.OptionalText(note, "The note", TextMaxLength), sequence);
        _checkIns.Add(checkIn);
        var latest = _checkIns.Where(c => c.Value is not null).OrderBy(c => c.Date).ThenBy(c => c.Sequence).LastOrDefault();
        if (latest is not null)
        {
            CurrentValue = latest.Value;
        }

        Touch();
        return checkIn;
    }

    /// <summary>Marks the goal achieved and returns the skills it was meant to build, to offer a re-rating.</summary>
    public IReadOnlyList<string> Complete(DateOnly today)
    {
        RequireActive();
        Status = GoalStatus.Completed;
        CompletedOn = today;
        Touch();
        return _skillSlugs;
    }

    /// <summary>Progress from 0 to 1: completed steps, or the measured value between start and target.</summary>
    public double Progress
    {
        get
        {
            if (Status == GoalStatus.Completed)
            {
                return 1;
            }

            if (Mode == ProgressMode.Steps)
            {
                return _steps.Count == 0 ? 0 : _steps.Count(s => s.Status == StepStatus.Done) / (double)_steps.Count;
            }

            if (TargetValue is not { } target || target <= (StartValue ?? 0))
            {
                return 0;
            }

            var start = StartValue ?? 0;
            return Math.Clamp((double)(((CurrentValue ?? start) - start) / (target - start)), 0, 1);
        }
    }

    /// <summary>The share of the time from creation to deadline that has passed, from 0 to 1.</summary>
    public double ElapsedAt(DateOnly today)
    {
        if (Deadline is not { } deadline)
        {
            return 0;
        }

        var total = deadline.DayNumber - CreatedOn.DayNumber;
        return total <= 0 ? 1 : Math.Clamp((today.DayNumber - CreatedOn.DayNumber) / (double)total, 0, 1);
    }

    /// <summary>
    /// Overdue once the deadline has passed unfinished; before that, at risk when progress trails the time elapsed
    /// by more than <see cref="AtRiskSlack"/>.
    /// </summary>
    public GoalHealth HealthOn(DateOnly today) =>
        Status == GoalStatus.Completed ? GoalHealth.Completed
        : Deadline is not { } deadline ? GoalHealth.OnTrack
        : today > deadline ? GoalHealth.Overdue
        : Progress + AtRiskSlack < ElapsedAt(today) ? GoalHealth.AtRisk
        : GoalHealth.OnTrack;

    /// <summary>At risk or overdue: a goal that needs attention.</summary>
    public bool IsAtRisk(DateOnly today) => HealthOn(today) is GoalHealth.AtRisk or GoalHealth.Overdue;

    public bool IsOverdue(DateOnly today) => HealthOn(today) == GoalHealth.Overdue;

    public const double AtRiskSlack = 0.10;

    /// <summary>Dates more than 20 years out are typing mistakes, and would break calendar arithmetic near year 9999.</summary>
    private static void RequirePlausible(DateOnly date, DateOnly today, string what)
    {
        if (date > today.AddYears(SmartCheck.LongTermMaxYears * 2))
        {
            throw new DomainException($"{what} is too far in the future to plan for (more than {SmartCheck.LongTermMaxYears * 2} years).");
        }
    }

    private static void ValidateValue(decimal? value, string what)
    {
        if (value is < 0)
        {
            throw new DomainException($"{what} cannot be negative.");
        }

        if (value > MaxValue)
        {
            throw new DomainException($"{what} is too large.");
        }
    }

    private GoalStep FindStep(Guid stepId) =>
        _steps.FirstOrDefault(s => s.Id == stepId) ?? throw new DomainException("That step is not part of this goal.");

    private void RequireActive()
    {
        if (Status == GoalStatus.Completed)
        {
            throw new DomainException("This goal is completed and can no longer change.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}

public sealed class GoalStep
{
    public const int TitleMaxLength = 150;

    private GoalStep()
    {
    }

    internal GoalStep(Guid id, string title, DateOnly dueDate)
    {
        Id = id;
        Title = title;
        DueDate = dueDate;
        Status = StepStatus.ToDo;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public StepStatus Status { get; internal set; }

    public bool IsOverdue(DateOnly today) => Status != StepStatus.Done && DueDate < today;
}

public sealed class CheckIn
{
    private CheckIn()
    {
    }

    internal CheckIn(Guid id, DateOnly date, decimal? value, string? note, int sequence)
    {
        Id = id;
        Date = date;
        Value = value;
        Note = note;
        Sequence = sequence;
    }

    public Guid Id { get; private set; }

    /// <summary>The check-in's place among the goal's check-ins, in the order they were made: 1, 2, 3, ...</summary>
    public int Sequence { get; private set; }

    public DateOnly Date { get; private set; }
    public decimal? Value { get; private set; }
    public string? Note { get; private set; }
}
