using CareerPath.Domain.Common;

namespace CareerPath.Domain.Skills;

/// <summary>A group of skills, such as technical or leadership.</summary>
public sealed class SkillCategory
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    private SkillCategory()
    {
    }

    public SkillCategory(string slug, string name, string description, int order)
    {
        Slug = Guard.Slug(slug, "A skill category's slug");
        Update(name, description, order);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Order { get; private set; }

    public void Update(string name, string description, int order)
    {
        Name = Guard.Text(name, "A skill category's name", NameMaxLength);
        Description = Guard.OptionalText(description, "A skill category's description", DescriptionMaxLength) ?? "";
        Order = order;
    }
}
