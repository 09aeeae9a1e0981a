using CareerPath.Domain.Catalog;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

/// <summary>Builds small hand-made catalogs for tests.</summary>
internal sealed class CatalogBuilder
{
    private static readonly string[] Rubric = ["knows of it", "practises with help", "practises alone", "guides others", "shapes the practice"];

    public List<Ladder> Ladders { get; } = [new("tpm", "TPM", "Technical product roles.", 0)];
    public List<SkillCategory> Categories { get; } = [new("technical", "Technical", "Technical skills.", 0)];
    public List<Skill> Skills { get; } = [];
    public List<Role> Roles { get; } = [];
    public List<Track> Tracks { get; } = [];
    public List<GrowthResource> Resources { get; } = [];
    public RatingScale Scale { get; set; } = RatingScale.Default;

    public CatalogBuilder WithSkill(string slug)
    {
        Skills.Add(new Skill(slug, slug, "technical", $"About {slug}.", Rubric, Skills.Count));
        return this;
    }

    public Role AddRole(string slug, int seniority, int level = 3, string ladder = "tpm")
    {
        var role = new Role(slug, slug, ladder, seniority, seniority == 1, "Summary.", "Description.", ["Does things"], null, 24);
        foreach (var skill in Skills)
        {
            role.Expect(skill.Slug, ProficiencyLevel.From(level));
        }

        Roles.Add(role);
        return role;
    }

    public CareerCatalog Build() =>
        new(Ladders, Roles, Categories, Skills, Tracks, Resources, [], [], Scale);

    public static IReadOnlyList<string> ValidRubric => Rubric;
}
