using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Frameworks;

/// <summary>
/// A career framework as plain data: what every import format reads into, what every export writes from, and what
/// <see cref="FrameworkBuilder"/> checks before anything is kept. Only skills (with their rubrics), at least one
/// ladder and role, and the categories skills name are required; every other section may be empty.
/// Fields are nullable so that a missing value is reported by the builder in the user's words, not by a parser.
/// </summary>
public sealed record FrameworkDocument
{
    /// <summary>A number the author bumps when the content changes.</summary>
    public int Version { get; init; } = 1;

    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The named steps of the rating scale, lowest first; empty means numbered steps, as many as the rubrics describe.</summary>
    public IReadOnlyList<ScaleEntry> Scale { get; init; } = [];

    public IReadOnlyList<LadderEntry> Ladders { get; init; } = [];
    public IReadOnlyList<CategoryEntry> SkillCategories { get; init; } = [];
    public IReadOnlyList<SkillEntry> Skills { get; init; } = [];
    public IReadOnlyList<RoleEntry> Roles { get; init; } = [];
    public IReadOnlyList<TrackEntry> Tracks { get; init; } = [];
    public IReadOnlyList<ResourceEntry> Certifications { get; init; } = [];
    public IReadOnlyList<ResourceEntry> Degrees { get; init; } = [];
    public IReadOnlyList<ResourceEntry> GrowthResources { get; init; } = [];
    public IReadOnlyList<FactorEntry> CareerFactors { get; init; } = [];

    /// <summary>Steps into the framework's first role (the seeded framework's route into technical product management).</summary>
    public IReadOnlyList<StepEntry> StepsToTpm { get; init; } = [];

    public sealed record ScaleEntry(string? Name, string? Description = null);

    public sealed record LadderEntry(string? Slug, string? Name, string? Description = null);

    public sealed record CategoryEntry(string? Slug, string? Name, string? Description = null);

    public sealed record SkillEntry(string? Slug, string? Name, string? Category, string? Description, IReadOnlyList<RubricLevel>? Rubric);

    public sealed record SalaryEntry(int Min, int Max, string? Currency);

    public sealed record RoleEntry
    {
        public string? Slug { get; init; }
        public string? Name { get; init; }
        public string? Ladder { get; init; }
        public int? Seniority { get; init; }
        public bool IsEntryPoint { get; init; }
        public string? Summary { get; init; }
        public string? Description { get; init; }
        public IReadOnlyList<string>? Responsibilities { get; init; }
        public SalaryEntry? Salary { get; init; }

        /// <summary>Months people typically spend in the role; <see cref="FrameworkBuilder.DefaultMonthsInRole"/> when not given.</summary>
        public int? TypicalMonthsInRole { get; init; }

        /// <summary>Skill slug to expected level; a skill left out is not expected in this role.</summary>
        public IReadOnlyDictionary<string, int>? ExpectedSkills { get; init; }

        public IReadOnlyList<string>? NextRoles { get; init; }
    }

    public sealed record TrackEntry(string? Slug, string? Name, string? Focus, string? Description, IReadOnlyList<string>? KeySkills);

    public sealed record ResourceEntry
    {
        public string? Slug { get; init; }
        public string? Name { get; init; }

        /// <summary>Required in <see cref="GrowthResources"/>; certifications and degrees have their kind from their section.</summary>
        public string? Kind { get; init; }

        public string? Abbreviation { get; init; }
        public string? Description { get; init; }
        public IReadOnlyList<string>? Skills { get; init; }
        public int TypicalWeeks { get; init; }
        public int ApproxCostUsd { get; init; }
    }

    public sealed record FactorEntry(string? Slug, string? Name, int Score, string? Description);

    public sealed record StepEntry(int Order, string? Title, string? Description);
}
