using CareerPath.Domain.Common;

namespace CareerPath.Domain.Roles;

/// <summary>A specialisation within the TPM role, such as operational or compliance-focused.</summary>
public sealed class Track
{
    public const int NameMaxLength = 100;
    public const int FocusMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    private List<string> _keySkillSlugs = [];

    private Track()
    {
    }

    public Track(string slug, string name, string focus, string description, IEnumerable<string> keySkillSlugs, int order)
    {
        Slug = Guard.Slug(slug, "A track's slug");
        Update(name, focus, description, keySkillSlugs, order);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Focus { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int Order { get; private set; }
    public IReadOnlyList<string> KeySkillSlugs => _keySkillSlugs;

    public void Update(string name, string focus, string description, IEnumerable<string> keySkillSlugs, int order)
    {
        Name = Guard.Text(name, "A track's name", NameMaxLength);
        Focus = Guard.Text(focus, "A track's focus", FocusMaxLength);
        Description = Guard.Text(description, "A track's description", DescriptionMaxLength);
        _keySkillSlugs = keySkillSlugs.Select(s => Guard.Slug(s, "A key skill")).Distinct().ToList();
        Order = order;
    }
}
