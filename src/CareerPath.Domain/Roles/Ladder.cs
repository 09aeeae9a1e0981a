using CareerPath.Domain.Common;

namespace CareerPath.Domain.Roles;

/// <summary>A career ladder: a family of roles ordered by seniority.</summary>
public sealed class Ladder
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    private Ladder()
    {
    }

    public Ladder(string slug, string name, string description, int order)
    {
        Slug = Guard.Slug(slug, "A ladder's slug");
        Update(name, description, order);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Order { get; private set; }

    public void Update(string name, string description, int order)
    {
        Name = Guard.Text(name, "A ladder's name", NameMaxLength);
        Description = Guard.OptionalText(description, "A ladder's description", DescriptionMaxLength) ?? "";
        Order = order;
    }
}
