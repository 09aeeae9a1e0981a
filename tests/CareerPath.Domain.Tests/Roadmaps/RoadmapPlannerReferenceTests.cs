using CareerPath.Domain.Catalog;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests.Roadmaps;

/// <summary>
/// The planner keeps scores up to date incrementally and sorts by packed integers; this checks it against the plain
/// statement of the rules (rescore every candidate each round, sort by comparing fields) on random catalogs.
/// </summary>
public sealed class RoadmapPlannerReferenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_plan_matches_the_rules_stated_plainly(int seed)
    {
        var random = new Random(seed);
        var builder = new CatalogBuilder();
        for (var i = 0; i < 40; i++)
        {
            // Some names repeat, so ties on name are met too.
            builder.Skills.Add(new Skill($"s{i}", $"Skill {random.Next(25)}", "technical", "About it.", CatalogBuilder.ValidRubric, i));
        }

        var roles = Enumerable.Range(1, 5).Select(n => builder.AddRole($"r{n}", n, level: 1)).ToList();
        foreach (var role in roles)
        {
            foreach (var skill in builder.Skills)
            {
                role.Expect(skill.Slug, ProficiencyLevel.From(random.Next(1, 6)));
            }
        }

        for (var i = 0; i < roles.Count - 1; i++)
        {
            roles[i].SetNextRoles([roles[i + 1]]);
        }

        for (var i = 0; i < 120; i++)
        {
            var built = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"s{random.Next(40)}").Distinct().ToList();
            builder.Resources.Add(new GrowthResource($"g{i}", GrowthResourceKind.Course, $"Resource {i}", null, "Helps.", built, random.Next(1, 5), random.Next(0, 3) * 100));
        }

        builder.Tracks.Add(new Track("t", "Track", "Focus.", "A track.", Enumerable.Range(0, 8).Select(_ => $"s{random.Next(40)}").Distinct(), 0));
        var catalog = builder.Build();
        var levels = builder.Skills.ToDictionary(s => s.Slug, _ => random.Next(1, 6));
        var path = PathFinder.Find(catalog, "r1", "r5");

        foreach (var track in new string?[] { null, "t" })
        {
            var plan = RoadmapPlanner.Plan(catalog, path, levels, track);
            var expected = Reference(catalog, path, levels, track);

            Assert.Equal(expected.Count, plan.Steps.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Gaps, plan.Steps[i].Gaps.Select(g => (g.Skill.Slug, g.FromLevel, g.RequiredLevel)));
                Assert.Equal(expected[i].Picks, plan.Steps[i].Suggestions.Select(s => (s.Resource.Slug, string.Join(",", s.Closes.Select(g => g.Skill.Slug)))));
            }
        }
    }

    private static List<(List<(string, int, int)> Gaps, List<(string, string)> Picks)> Reference(
        CareerCatalog catalog, RolePath path, IReadOnlyDictionary<string, int> levels, string? trackSlug)
    {
        var key = catalog.Tracks.FirstOrDefault(t => t.Slug == trackSlug)?.KeySkillSlugs.ToHashSet() ?? [];
        var level = catalog.Skills.ToDictionary(s => s.Slug, s => levels.GetValueOrDefault(s.Slug, 1));
        var result = new List<(List<(string, int, int)>, List<(string, string)>)>();
        foreach (var role in path.Roles.Skip(1))
        {
            var gaps = new List<(Skill Skill, int From, int To)>();
            foreach (var skill in catalog.Skills)
            {
                var to = role.ExpectedLevel(skill.Slug)!.Value.Value;
                if (level[skill.Slug] < to)
                {
                    gaps.Add((skill, level[skill.Slug], to));
                    level[skill.Slug] = to;
                }
            }

            gaps = [.. gaps.OrderByDescending(g => g.To - g.From).ThenByDescending(g => key.Contains(g.Skill.Slug)).ThenBy(g => g.Skill.Name, StringComparer.Ordinal)];
            var open = gaps.ToDictionary(g => g.Skill.Slug);
            var candidates = catalog.Resources.Where(r => r.SkillSlugs.Any(open.ContainsKey)).ToList();
            var picks = new List<(string, string)>();
            while (open.Count > 0 && picks.Count < RoadmapPlanner.MaxSuggestionsPerStep)
            {
                int Score(GrowthResource r) => r.SkillSlugs.Where(open.ContainsKey).Sum(s => ((open[s].To - open[s].From) * 10) + (key.Contains(s) ? 5 : 0));
                var best = candidates.Where(r => Score(r) > 0)
                    .OrderByDescending(Score).ThenBy(r => r.ApproxCostUsd).ThenBy(r => r.TypicalWeeks).ThenBy(r => r.Slug, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (best is null)
                {
                    break;
                }

                var closes = best.SkillSlugs.Where(open.ContainsKey).ToList();
                closes.ForEach(s => open.Remove(s));
                candidates.Remove(best);
                picks.Add((best.Slug, string.Join(",", closes)));
            }

            result.Add(([.. gaps.Select(g => (g.Skill.Slug, g.From, g.To))], picks));
        }

        return result;
    }
}
