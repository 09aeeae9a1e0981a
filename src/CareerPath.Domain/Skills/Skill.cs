using CareerPath.Domain.Common;

namespace CareerPath.Domain.Skills;

/// <summary>A skill in the catalog with a description of what each proficiency level looks like.</summary>
public sealed class Skill
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int RubricTextMaxLength = 500;

    private List<string> _rubric = [];

    private Skill()
    {
    }

    public Skill(string slug, string name, string categorySlug, string description, IEnumerable<string> rubric, int order)
    {
        Slug = Guard.Slug(slug, "A skill's slug");
        Update(name, categorySlug, description, rubric, order);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CategorySlug { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Order { get; private set; }

    /// <summary>What proficiency looks like at levels 1 to 5, in order.</summary>
    public IReadOnlyList<string> Rubric => _rubric;

    public string DescribeLevel(ProficiencyLevel level) => _rubric[level.Value - 1];

    public void Update(string name, string categorySlug, string description, IEnumerable<string> rubric, int order)
    {
        var levels = rubric.Select((text, i) => Guard.Text(text, $"Level {i + 1} of the rubric for '{Slug}'", RubricTextMaxLength)).ToList();
        if (levels.Count != ProficiencyLevel.Max)
        {
            throw new DomainException($"The rubric for '{Slug}' must describe exactly {ProficiencyLevel.Max} levels (it describes {levels.Count}).");
        }

        Name = Guard.Text(name, "A skill's name", NameMaxLength);
        CategorySlug = Guard.Slug(categorySlug, $"The category of skill '{Slug}'");
        Description = Guard.Text(description, "A skill's description", DescriptionMaxLength);
        _rubric = levels;
        Order = order;
    }
}
