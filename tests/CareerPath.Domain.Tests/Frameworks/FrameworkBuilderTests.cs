using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests.Frameworks;

public sealed class FrameworkBuilderTests
{
    private static readonly RubricLevel[] ThreeLevels = [new("Starts", []), new("Practises", []), new("Leads", [])];

    private static FrameworkDocument Small(int? months = null) => new()
    {
        Ladders = [new("eng", "Engineering")],
        SkillCategories = [new("craft", "Craft")],
        Skills = [new("testing", "Testing", "craft", null, ThreeLevels), new("design", "Design", "craft", null, ThreeLevels)],
        Roles =
        [
            new() { Slug = "junior", Name = "Junior", Ladder = "eng", Seniority = 1, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 1 }, TypicalMonthsInRole = months },
            new() { Slug = "senior", Name = "Senior", Ladder = "eng", Seniority = 2, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 3, ["design"] = 2 } },
        ],
    };

    [Fact]
    public void A_minimal_framework_builds_with_numbered_levels_climbing_moves_and_assumed_times()
    {
        var build = FrameworkBuilder.Build(Small());

        var catalog = Assert.IsType<Catalog.CareerCatalog>(build.Catalog);
        Assert.Empty(build.Problems);
        Assert.Equal(["Level 1", "Level 2", "Level 3"], catalog.Scale.Levels.Select(l => l.Name));
        Assert.Equal(["senior"], catalog.NextRoles("junior").Select(r => r.Slug));
        Assert.Null(catalog.FindRole("junior")!.ExpectedLevel("design"));
        Assert.True(catalog.TypicalTimesAssumed);
        Assert.Equal(FrameworkBuilder.DefaultMonthsInRole, catalog.FindRole("senior")!.TypicalMonthsInRole);
        Assert.Empty(catalog.Resources);
        Assert.All(catalog.Roles, r => Assert.Null(r.Salary));
    }

    [Fact]
    public void Times_given_for_any_role_are_the_frameworks_own_and_survive_an_export()
    {
        var catalog = FrameworkBuilder.Build(Small(months: 18)).Catalog!;

        Assert.False(catalog.TypicalTimesAssumed);
        Assert.Equal(18, catalog.FindRole("junior")!.TypicalMonthsInRole);
        Assert.Equal([18, 24], FrameworkExport.ToDocument(catalog).Roles.Select(r => r.TypicalMonthsInRole));
        Assert.All(FrameworkExport.ToDocument(FrameworkBuilder.Build(Small()).Catalog!).Roles, r => Assert.Null(r.TypicalMonthsInRole));
    }

    [Fact]
    public void Every_problem_is_listed_with_where_it_is_and_nothing_is_built()
    {
        var broken = Small() with
        {
            Skills = [new("testing", "Testing", "nowhere", null, ThreeLevels), new("testing", "Again", "craft", null, ThreeLevels), new("design", "", "craft", null, ThreeLevels[..2])],
            Roles =
            [
                new() { Slug = "junior", Name = "Junior", Ladder = "eng", Seniority = 1, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 4, ["cooking"] = 1 } },
                new() { Slug = "senior", Name = "Senior", Ladder = "ops", NextRoles = ["principal"] },
            ],
        };

        var build = FrameworkBuilder.Build(broken);

        Assert.Null(build.Catalog);
        Assert.Equal(
        [
            "skills[1]: Two entries in skills have the key 'testing'; each needs its own.",
            "skills[2]: The rubric for 'design' must describe 3 to 10 levels (it describes 2).",
            "skills[0].category: Skill 'testing' names a category 'nowhere' that the framework does not have.",
            "roles[1]: Role 'senior' has no seniority (1 for the most junior).",
            "roles[0].expectedSkills.testing: Role 'junior' expects level 4 of 'testing'; the scale runs from 1 to 3.",
            "roles[0].expectedSkills.cooking: Role 'junior' expects a skill 'cooking' that the framework does not have.",
        ], build.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_scale_outside_three_to_ten_levels_is_a_problem_not_an_exception()
    {
        var build = FrameworkBuilder.Build(Small() with { Scale = [new("Only"), new("Two")] });

        Assert.Null(build.Catalog);
        Assert.Contains(build.Problems, p => p.Where == "scale" && p.Message.Contains("3 to 10 levels (it has 2)", StringComparison.Ordinal));
    }
}
