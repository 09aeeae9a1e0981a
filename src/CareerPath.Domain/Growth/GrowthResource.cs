using CareerPath.Domain.Common;

namespace CareerPath.Domain.Growth;

/// <summary>What sort of growth a resource offers.</summary>
public enum GrowthResourceKind
{
    Certification,
    Degree,
    Course,
    Workshop,
    CrossFunctionalProject,
    LeadershipRole,
    InternalTraining,
    Mentorship,
    Conference,
    ProfessionalAssociation,
    NetworkingCommunity,
}

/// <summary>
/// Anything that builds skills: a certification, a degree, a course, an experience, a mentor, a community.
/// Carries a typical duration and rough cost so a plan can be dated and costed.
/// </summary>
public sealed class GrowthResource
{
    public const int NameMaxLength = 150;
    public const int AbbreviationMaxLength = 30;
    public const int DescriptionMaxLength = 2000;
    public const int MaxWeeks = 520;
    public const int MaxCost = 1_000_000;

    private List<string> _skillSlugs = [];

    private GrowthResource()
    {
    }

    public GrowthResource(string slug, GrowthResourceKind kind, string name, string? abbreviation, string description,
        IEnumerable<string> skillSlugs, int typicalWeeks, int approxCostUsd)
    {
        Slug = Guard.Slug(slug, "A growth resource's slug");
        Update(kind, name, abbreviation, description, skillSlugs, typicalWeeks, approxCostUsd);
    }

    public string Slug { get; private set; } = "";
    public GrowthResourceKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? Abbreviation { get; private set; }
    public string Description { get; private set; } = "";
    public int TypicalWeeks { get; private set; }
    public int ApproxCostUsd { get; private set; }
    public IReadOnlyList<string> SkillSlugs => _skillSlugs;

    public void Update(GrowthResourceKind kind, string name, string? abbreviation, string description,
        IEnumerable<string> skillSlugs, int typicalWeeks, int approxCostUsd)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"'{kind}' is not a kind of growth resource.");
        }

        Kind = kind;
        Name = Guard.Text(name, "A growth resource's name", NameMaxLength);
        Abbreviation = Guard.OptionalText(abbreviation, "An abbreviation", AbbreviationMaxLength);
        Description = Guard.Text(description, "A growth resource's description", DescriptionMaxLength);
        _skillSlugs = skillSlugs.Select(s => Guard.Slug(s, "A skill slug")).Distinct().ToList();
        if (_skillSlugs.Count == 0)
        {
            throw new DomainException($"Growth resource '{Slug}' must build at least one skill.");
        }

        TypicalWeeks = Guard.Range(typicalWeeks, $"The typical weeks of '{Slug}'", 0, MaxWeeks);
        ApproxCostUsd = Guard.Range(approxCostUsd, $"The approximate cost of '{Slug}'", 0, MaxCost);
    }
}
