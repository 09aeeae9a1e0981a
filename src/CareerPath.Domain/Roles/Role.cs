using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Roles;

/// <summary>A role on a ladder, with what it does, what it pays and what it expects of someone in it.</summary>
public sealed class Role
{
    public const int NameMaxLength = 120;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int ResponsibilityMaxLength = 400;
    public const int MinSeniority = 1;
    public const int MaxSeniority = 10;
    public const int MaxMonthsInRole = 240;

    private List<string> _responsibilities = [];
    private readonly List<SkillExpectation> _expectations = [];
    private readonly List<RoleTransition> _nextRoles = [];

    // Built on first lookup: roadmap planning asks for every skill of every role on the path.
    private Dictionary<string, ProficiencyLevel>? _expectationIndex;

    private Role()
    {
    }

    public Role(string slug, string name, string ladderSlug, int seniority, bool isEntryPoint, string summary,
        string description, IEnumerable<string> responsibilities, SalaryBand? salary, int typicalMonthsInRole)
    {
        Slug = Guard.Slug(slug, "A role's slug");
        Update(name, ladderSlug, seniority, isEntryPoint, summary, description, responsibilities, salary, typicalMonthsInRole);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string LadderSlug { get; private set; } = "";
    public int Seniority { get; private set; }
    public bool IsEntryPoint { get; private set; }
    public string Summary { get; private set; } = "";
    public string Description { get; private set; } = "";
    public SalaryBand? Salary { get; private set; }

    /// <summary>An estimate of how long people typically spend in the role before moving on.</summary>
    public int TypicalMonthsInRole { get; private set; }

    public IReadOnlyList<string> Responsibilities => _responsibilities;
    public IReadOnlyList<SkillExpectation> Expectations => _expectations;
    public IReadOnlyList<RoleTransition> NextRoles => _nextRoles;

    public void Update(string name, string ladderSlug, int seniority, bool isEntryPoint, string summary,
        string description, IEnumerable<string> responsibilities, SalaryBand? salary, int typicalMonthsInRole)
    {
        Name = Guard.Text(name, "A role's name", NameMaxLength);
        LadderSlug = Guard.Slug(ladderSlug, $"The ladder of role '{Slug}'");
        Seniority = Guard.Range(seniority, $"The seniority of role '{Slug}'", MinSeniority, MaxSeniority);
        IsEntryPoint = isEntryPoint;
        // Published frameworks often give a role only its name: the summary and description may be empty.
        Summary = Guard.OptionalText(summary, "A role's summary", SummaryMaxLength) ?? "";
        Description = Guard.OptionalText(description, "A role's description", DescriptionMaxLength) ?? "";
        _responsibilities = responsibilities.Select(r => Guard.Text(r, "A responsibility", ResponsibilityMaxLength)).ToList();
        Salary = salary;
        TypicalMonthsInRole = Guard.Range(typicalMonthsInRole, $"The typical months in role '{Slug}'", 1, MaxMonthsInRole);
    }

    public ProficiencyLevel? ExpectedLevel(string skillSlug)
    {
        _expectationIndex ??= _expectations.ToDictionary(e => e.SkillSlug, e => e.Level, StringComparer.Ordinal);
        return _expectationIndex.TryGetValue(skillSlug, out var level) ? level : null;
    }

    /// <summary>Sets the level this role expects for a skill, replacing any earlier expectation.</summary>
    public void Expect(string skillSlug, ProficiencyLevel level)
    {
        var slug = Guard.Slug(skillSlug, "A skill slug");
        _expectationIndex = null;
        var existing = _expectations.FindIndex(e => e.SkillSlug == slug);
        if (existing >= 0)
        {
            _expectations[existing].ChangeLevel(level);
        }
        else
        {
            _expectations.Add(new SkillExpectation(slug, level));
        }
    }

    /// <summary>
    /// Replaces the roles this role leads into: each must be at least as senior (a sideways move, such as product
    /// manager to technical product manager, is a real career step; a step down is not).
    /// </summary>
    public void SetNextRoles(IEnumerable<Role> nextRoles)
    {
        var targets = nextRoles.ToList();
        foreach (var target in targets)
        {
            if (target.Slug == Slug)
            {
                throw new DomainException($"Role '{Slug}' cannot lead into itself.");
            }

            if (target.Seniority < Seniority)
            {
                throw new DomainException(
                    $"Role '{Slug}' (seniority {Seniority}) cannot lead into '{target.Slug}' (seniority {target.Seniority}): a next role cannot be less senior.");
            }
        }

        _nextRoles.RemoveAll(t => targets.All(x => x.Slug != t.ToRoleSlug));
        foreach (var target in targets.Where(t => _nextRoles.All(x => x.ToRoleSlug != t.Slug)))
        {
            _nextRoles.Add(new RoleTransition(Slug, target.Slug));
        }
    }
}

/// <summary>The proficiency a role expects in one skill.</summary>
public sealed class SkillExpectation
{
    private SkillExpectation()
    {
    }

    internal SkillExpectation(string skillSlug, ProficiencyLevel level)
    {
        SkillSlug = skillSlug;
        Level = level;
    }

    public string SkillSlug { get; private set; } = "";
    public ProficiencyLevel Level { get; private set; }

    internal void ChangeLevel(ProficiencyLevel level) => Level = level;
}

/// <summary>A move from one role to a more senior one, possibly on another ladder.</summary>
public sealed class RoleTransition
{
    private RoleTransition()
    {
    }

    internal RoleTransition(string fromRoleSlug, string toRoleSlug)
    {
        FromRoleSlug = fromRoleSlug;
        ToRoleSlug = toRoleSlug;
    }

    public string FromRoleSlug { get; private set; } = "";
    public string ToRoleSlug { get; private set; } = "";
}
