using CareerPath.Data.Frameworks;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Benchmarks;

/// <summary>A synthetic catalog of the size the issue asks for: 60 roles, 300 skills, 2,000 resources.</summary>
internal static class GeneratedCatalog
{
    /// <summary>
    /// The generated catalog as an organisation would bring it: written out in CareerPath's JSON, then imported (read
    /// and checked by <see cref="FrameworkBuilder"/>), so the roadmap figures are for an imported framework.
    /// </summary>
    public static (CareerCatalog Catalog, int JsonChars) Imported()
    {
        var json = FrameworkJson.Write(FrameworkExport.ToDocument(Build(), "Generated"));
        var build = FrameworkBuilder.Build(FrameworkJson.Read(json).Document!);
        return (build.Catalog ?? throw new InvalidOperationException(string.Join("; ", build.Problems)), json.Length);
    }

    public static CareerCatalog Build(int roles = 60, int skills = 300, int resources = 2000, int ladders = 4, int seed = 42)
    {
        var random = new Random(seed);
        var rubric = new[] { "one", "two", "three", "four", "five" };
        var categories = new[] { new SkillCategory("technical", "Technical", "T.", 0), new SkillCategory("leadership", "Leadership", "L.", 1), new SkillCategory("business", "Business", "B.", 2) };
        var skillList = Enumerable.Range(0, skills)
            .Select(i => new Skill($"skill-{i}", $"Skill {i}", categories[i % 3].Slug, "Generated.", rubric, i))
            .ToList();
        var ladderList = Enumerable.Range(0, ladders).Select(i => new Ladder($"ladder-{i}", $"Ladder {i}", "Generated.", i)).ToList();
        var perLadder = roles / ladders;
        var roleList = new List<Role>();
        for (var i = 0; i < roles; i++)
        {
            var ladder = i / perLadder;
            var seniority = Math.Min(Role.MaxSeniority, 1 + (i % perLadder * Role.MaxSeniority / perLadder));
            var role = new Role($"role-{i}", $"Role {i}", $"ladder-{Math.Min(ladder, ladders - 1)}", seniority, seniority == 1, "Generated.", "Generated.", ["Work"],
                SalaryBand.Create(60_000 + (seniority * 15_000), 90_000 + (seniority * 20_000)), 12 + random.Next(36));
            foreach (var skill in skillList)
            {
                role.Expect(skill.Slug, ProficiencyLevel.From(Math.Clamp((seniority / 2) + random.Next(3), 1, 5)));
            }

            roleList.Add(role);
        }

        // Each role leads to the next on its ladder, plus a cross-ladder move to a role of the same or higher seniority.
        foreach (var role in roleList)
        {
            var next = roleList.Where(r => r.LadderSlug == role.LadderSlug && r.Seniority > role.Seniority).OrderBy(r => r.Seniority).Take(1)
                .Concat(roleList.Where(r => r.LadderSlug != role.LadderSlug && r.Seniority >= role.Seniority && r.Seniority <= role.Seniority + 2).OrderBy(_ => random.Next()).Take(1))
                .ToList();
            role.SetNextRoles(next);
        }

        var kinds = Enum.GetValues<GrowthResourceKind>();
        var resourceList = Enumerable.Range(0, resources)
            .Select(i => new GrowthResource($"resource-{i}", kinds[i % kinds.Length], $"Resource {i}", null, "Generated.",
                Enumerable.Range(0, 1 + random.Next(4)).Select(_ => $"skill-{random.Next(skills)}"), random.Next(1, 52), random.Next(0, 5000)))
            .ToList();
        return new CareerCatalog(ladderList, roleList, categories, skillList, [], resourceList, [], []);
    }
}
