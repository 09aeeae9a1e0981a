using CareerPath.Domain.Common;

namespace CareerPath.Domain.Skills;

/// <summary>A skill in a framework with a description of what each step of the framework's rating scale looks like.</summary>
public sealed class Skill
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int RubricTextMaxLength = 2000;
    public const int CriterionMaxLength = 500;
    public const int MaxCriteriaPerLevel = 40;

    private List<RubricLevel> _rubric = [];

    private Skill()
    {
    }

    public Skill(string slug, string name, string categorySlug, string description, IEnumerable<string> rubric, int order)
        : this(slug, name, categorySlug, description, rubric.Select(text => new RubricLevel(text, [])), order)
    {
    }

    public Skill(string slug, string name, string categorySlug, string description, IEnumerable<RubricLevel> rubric, int order)
    {
        Slug = Guard.Slug(slug, "A skill's slug");
        Update(name, categorySlug, description, rubric, order);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CategorySlug { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Order { get; private set; }

    /// <summary>What proficiency looks like at each step of the scale, lowest first.</summary>
    public IReadOnlyList<RubricLevel> Rubric => _rubric;

    public string DescribeLevel(ProficiencyLevel level) => _rubric[level.Value - 1].Description;

    public void Update(string name, string categorySlug, string description, IEnumerable<string> rubric, int order) =>
        Update(name, categorySlug, description, rubric.Select(text => new RubricLevel(text, [])), order);

    public void Update(string name, string categorySlug, string description, IEnumerable<RubricLevel> rubric, int order)
    {
        var levels = rubric.Select((level, i) => Checked(level, i + 1)).ToList();
        if (levels.Count is < RatingScale.MinLevels or > RatingScale.MaxLevels)
        {
            throw new DomainException(
                $"The rubric for '{Slug}' must describe {RatingScale.MinLevels} to {RatingScale.MaxLevels} levels (it describes {levels.Count}).");
        }

        Name = Guard.Text(name, "A skill's name", NameMaxLength);
        CategorySlug = Guard.Slug(categorySlug, $"The category of skill '{Slug}'");
        Description = Guard.OptionalText(description, "A skill's description", DescriptionMaxLength) ?? "";
        _rubric = levels;
        Order = order;
    }

    private RubricLevel Checked(RubricLevel level, int number)
    {
        var what = $"Level {number} of the rubric for '{Slug}'";
        var criteria = (level.Criteria ?? []).Select((c, i) => Guard.Text(c, $"Criterion {i + 1} of {what.ToLowerInvariant()}", CriterionMaxLength)).ToList();
        if (criteria.Count > MaxCriteriaPerLevel)
        {
            throw new DomainException($"{what} lists {criteria.Count} criteria; at most {MaxCriteriaPerLevel} are allowed.");
        }

        return new RubricLevel(Guard.Text(level.Description, what, RubricTextMaxLength), criteria);
    }
}

/// <summary>What one step of the scale looks like for a skill, with optional examples of behaviour that show it.</summary>
public sealed record RubricLevel(string Description, IReadOnlyList<string> Criteria);
