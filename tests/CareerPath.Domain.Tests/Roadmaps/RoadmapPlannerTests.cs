using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests.Roadmaps;

public sealed class RoadmapPlannerTests
{
    private static (CareerPath.Domain.Catalog.CareerCatalog Catalog, RolePath Path) Ladder()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis").WithSkill("communication").WithSkill("leadership");
        var junior = builder.AddRole("junior", 1, level: 2);
        var mid = builder.AddRole("mid", 2, level: 3);
        var senior = builder.AddRole("senior", 3, level: 4);
        junior.SetNextRoles([mid]);
        mid.SetNextRoles([senior]);
        builder.Resources.Add(new GrowthResource("sql-course", GrowthResourceKind.Course, "SQL course", null, "Queries.", ["data-analysis"], 6, 400));
        builder.Resources.Add(new GrowthResource("free-sql", GrowthResourceKind.InternalTraining, "SQL lunch-and-learn", null, "Queries.", ["data-analysis"], 6, 0));
        builder.Resources.Add(new GrowthResource("launch", GrowthResourceKind.CrossFunctionalProject, "Lead a launch", null, "Ship.", ["communication", "leadership"], 16, 0));
        builder.Resources.Add(new GrowthResource("talks", GrowthResourceKind.Conference, "Speak at a meetup", null, "Talk.", ["communication"], 1, 50));
        var catalog = builder.Build();
        return (catalog, PathFinder.Find(catalog, "junior", "senior"));
    }

    [Fact]
    public void Each_step_lists_gaps_from_the_level_reached_after_the_previous_step()
    {
        var (catalog, path) = Ladder();
        var levels = new Dictionary<string, int> { ["data-analysis"] = 2, ["communication"] = 4, ["leadership"] = 1 };

        var plan = RoadmapPlanner.Plan(catalog, path, levels);

        Assert.Equal(["mid", "senior"], plan.Steps.Select(s => s.Role.Slug));
        var toMid = plan.Steps[0].Gaps.Select(g => (g.Skill.Slug, g.FromLevel, g.RequiredLevel));
        Assert.Equal([("leadership", 1, 3), ("data-analysis", 2, 3)], toMid);
        var toSenior = plan.Steps[1].Gaps.Select(g => (g.Skill.Slug, g.FromLevel, g.RequiredLevel));
        Assert.Equal([("data-analysis", 3, 4), ("leadership", 3, 4)], toSenior);
    }

    [Fact]
    public void Suggestions_cover_every_gap_and_say_which_gap_they_close()
    {
        var (catalog, path) = Ladder();
        var levels = new Dictionary<string, int> { ["data-analysis"] = 1, ["communication"] = 1, ["leadership"] = 1 };

        var step = RoadmapPlanner.Plan(catalog, path, levels).Steps[0];

        var covered = step.Suggestions.SelectMany(s => s.Closes).Select(g => g.Skill.Slug).Order();
        Assert.Equal(step.Gaps.Select(g => g.Skill.Slug).Order(), covered);
        var launch = Assert.Single(step.Suggestions, s => s.Resource.Slug == "launch");
        Assert.Contains("Communication", launch.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(step.Suggestions, s => s.Resource.Slug == "talks");
    }

    [Fact]
    public void Of_two_resources_closing_the_same_gap_the_cheaper_is_suggested()
    {
        var (catalog, path) = Ladder();
        var levels = new Dictionary<string, int> { ["data-analysis"] = 1, ["communication"] = 5, ["leadership"] = 5 };

        var step = RoadmapPlanner.Plan(catalog, path, levels).Steps[0];

        var suggestion = Assert.Single(step.Suggestions);
        Assert.Equal("free-sql", suggestion.Resource.Slug);
    }

    [Fact]
    public void No_gaps_means_no_suggestions()
    {
        var (catalog, path) = Ladder();
        var levels = new Dictionary<string, int> { ["data-analysis"] = 5, ["communication"] = 5, ["leadership"] = 5 };

        var plan = RoadmapPlanner.Plan(catalog, path, levels);

        Assert.All(plan.Steps, s => Assert.Empty(s.Gaps));
        Assert.All(plan.Steps, s => Assert.Empty(s.Suggestions));
        Assert.Equal(0, plan.TotalSuggestedCostUsd);
    }

    [Fact]
    public void A_plan_for_a_path_that_was_not_found_has_no_steps()
    {
        var (catalog, _) = Ladder();

        var plan = RoadmapPlanner.Plan(catalog, PathFinder.Find(catalog, "senior", "junior"), new Dictionary<string, int>());

        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Totals_add_up_the_time_in_role_and_the_suggested_costs()
    {
        var (catalog, path) = Ladder();
        var levels = new Dictionary<string, int> { ["data-analysis"] = 1, ["communication"] = 1, ["leadership"] = 1 };

        var plan = RoadmapPlanner.Plan(catalog, path, levels);

        Assert.Equal(48, plan.TotalEstimatedMonths);
        Assert.Equal(plan.Steps.SelectMany(s => s.Suggestions).Sum(s => s.Resource.ApproxCostUsd), plan.TotalSuggestedCostUsd);
    }

    [Theory]
    [InlineData(3, null, 3)]
    [InlineData(2, 4.0, 3)]
    [InlineData(2, 3.0, 2)]
    [InlineData(4, 2.0, 3)]
    [InlineData(1, 5.0, 3)]
    [InlineData(3, 3.9, 3)]
    public void Feedback_blends_with_the_self_rating_rounding_halves_down(int self, double? others, int expected) =>
        Assert.Equal(expected, RoadmapPlanner.Blend(self, others));

    [Fact]
    public void Level_bounds_hold_after_blending()
    {
        Assert.InRange(RoadmapPlanner.Blend(ProficiencyLevel.Max, ProficiencyLevel.Max), ProficiencyLevel.Min, ProficiencyLevel.Max);
        Assert.InRange(RoadmapPlanner.Blend(ProficiencyLevel.Min, ProficiencyLevel.Min), ProficiencyLevel.Min, ProficiencyLevel.Max);
    }
}
