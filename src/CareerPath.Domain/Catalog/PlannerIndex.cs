using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Catalog;

/// <summary>
/// The catalog as arrays the roadmap planner can walk without hashing strings or allocating: skills, roles and
/// resources by position, each role's expected level per skill, the skills each resource builds and the resources
/// that build each skill. Built once per catalog, on first use.
/// </summary>
internal sealed class PlannerIndex
{
    private readonly Dictionary<string, int> _roleIndex;

    public PlannerIndex(CareerCatalog catalog)
    {
        var skillIndex = new Dictionary<string, int>(catalog.Skills.Count, StringComparer.Ordinal);
        for (var i = 0; i < catalog.Skills.Count; i++)
        {
            skillIndex[catalog.Skills[i].Slug] = i;
        }

        SkillIndex = skillIndex;
        _roleIndex = new Dictionary<string, int>(catalog.Roles.Count, StringComparer.Ordinal);
        Expected = new int[catalog.Roles.Count][];
        for (var r = 0; r < catalog.Roles.Count; r++)
        {
            var role = catalog.Roles[r];
            _roleIndex[role.Slug] = r;
            var expected = new int[catalog.Skills.Count];
            for (var s = 0; s < expected.Length; s++)
            {
                expected[s] = role.ExpectedLevel(catalog.Skills[s].Slug)?.Value ?? ProficiencyLevel.Min;
            }

            Expected[r] = expected;
        }

        ResourceSkills = new int[catalog.Resources.Count][];
        var bySkill = new List<int>[catalog.Skills.Count];
        for (var s = 0; s < bySkill.Length; s++)
        {
            bySkill[s] = [];
        }

        for (var r = 0; r < catalog.Resources.Count; r++)
        {
            var skills = catalog.Resources[r].SkillSlugs.Select(slug => skillIndex[slug]).ToArray();
            ResourceSkills[r] = skills;
            foreach (var s in skills)
            {
                bySkill[s].Add(r);
            }
        }

        ResourcesBySkill = bySkill.Select(l => l.ToArray()).ToArray();
        // Rank by name (ordinal), equal names in catalog order, as a stable sort by name would leave them.
        ByNameRank = Enumerable.Range(0, catalog.Skills.Count).OrderBy(s => catalog.Skills[s].Name, StringComparer.Ordinal).ToArray();
        NameRank = new int[ByNameRank.Length];
        for (var rank = 0; rank < ByNameRank.Length; rank++)
        {
            NameRank[ByNameRank[rank]] = rank;
        }

        Resources = catalog.Resources;
        Skills = catalog.Skills;
    }

    public IReadOnlyDictionary<string, int> SkillIndex { get; }

    public IReadOnlyList<Skill> Skills { get; }

    public IReadOnlyList<Growth.GrowthResource> Resources { get; }

    /// <summary>Per role (by position), the level it expects per skill (by position); the lowest level where it names none.</summary>
    public int[][] Expected { get; }

    /// <summary>Per resource (by position), the positions of the skills it builds, each once.</summary>
    public int[][] ResourceSkills { get; }

    /// <summary>Per skill (by position), the positions of the resources that build it.</summary>
    public int[][] ResourcesBySkill { get; }

    /// <summary>Per skill (by position), its rank when skills are sorted by name.</summary>
    public int[] NameRank { get; }

    /// <summary>Per rank by name, the skill's position.</summary>
    public int[] ByNameRank { get; }

    public int RoleIndex(string slug) => _roleIndex[slug];
}
