using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;
using CareerPath.Domain.Roles;
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

    /// <summary>
    /// Four gaps, all from level 1: a and b need 3 (shortfall 2, weight 20 each), c and d need 2 (weight 10 each).
    /// "big" builds a, b; "overlap" builds b, c, d; "cd" builds c, d but costs 100. All else equal (10 weeks).
    /// </summary>
    private static (CareerPath.Domain.Catalog.CareerCatalog Catalog, RolePath Path) Overlapping(params string[] keySkills)
    {
        var builder = new CatalogBuilder().WithSkill("a").WithSkill("b").WithSkill("c").WithSkill("d");
        var junior = builder.AddRole("junior", 1, level: 1);
        var senior = builder.AddRole("senior", 2, level: 1);
        senior.Expect("a", ProficiencyLevel.From(3));
        senior.Expect("b", ProficiencyLevel.From(3));
        senior.Expect("c", ProficiencyLevel.From(2));
        senior.Expect("d", ProficiencyLevel.From(2));
        junior.SetNextRoles([senior]);
        builder.Resources.Add(new GrowthResource("big", GrowthResourceKind.Course, "Big", null, "A and B.", ["a", "b"], 10, 0));
        builder.Resources.Add(new GrowthResource("overlap", GrowthResourceKind.Course, "Overlap", null, "B, C and D.", ["b", "c", "d"], 10, 0));
        builder.Resources.Add(new GrowthResource("cd", GrowthResourceKind.Course, "CD", null, "C and D.", ["c", "d"], 10, 100));
        builder.Tracks.Add(new Track("focus", "Focus", "Focus.", "A track.", keySkills, 0));
        var catalog = builder.Build();
        return (catalog, PathFinder.Find(catalog, "junior", "senior"));
    }

    [Fact]
    public void Each_pick_is_scored_only_on_the_gaps_still_open()
    {
        // Round 1: big = 20 + 20 = 40, overlap = 20 + 10 + 10 = 40, cd = 20. big and overlap tie on score, cost and
        // weeks, so the slug decides: "big". Round 2, with a and b closed: overlap = c + d = 20, cd = 20; overlap is
        // free, so it wins and closes c and d (not b, which big closed). Nothing is left open, so cd is not suggested.
        var (catalog, path) = Overlapping();

        var step = RoadmapPlanner.Plan(catalog, path, new Dictionary<string, int>()).Steps.Single();

        Assert.Equal(["big", "overlap"], step.Suggestions.Select(s => s.Resource.Slug));
        Assert.Equal(["a", "b"], step.Suggestions[0].Closes.Select(g => g.Skill.Slug));
        Assert.Equal(["c", "d"], step.Suggestions[1].Closes.Select(g => g.Skill.Slug));
    }

    [Fact]
    public void A_key_skill_of_the_chosen_track_weighs_more()
    {
        // d is a key skill of the track: its weight is 10 + 5 = 15. Round 1: big = 40, overlap = 20 + 10 + 15 = 45,
        // so overlap first, closing b, c and d. Round 2: big = a = 20, cd = 0: big closes a.
        var (catalog, path) = Overlapping("d");

        var step = RoadmapPlanner.Plan(catalog, path, new Dictionary<string, int>(), trackSlug: "focus").Steps.Single();

        Assert.Equal(["overlap", "big"], step.Suggestions.Select(s => s.Resource.Slug));
        Assert.Equal(["b", "c", "d"], step.Suggestions[0].Closes.Select(g => g.Skill.Slug));
        Assert.Equal(["a"], step.Suggestions[1].Closes.Select(g => g.Skill.Slug));
        // The key skill also sorts first among gaps of the same shortfall: a and b (2), then d before c (1).
        Assert.Equal(["a", "b", "d", "c"], step.Gaps.Select(g => g.Skill.Slug));
    }

    [Fact]
    public void Levels_outside_the_rubric_count_as_its_nearest_level()
    {
        // 0 ("not rated") counts as 1 and 9 as 5: mid expects 3 everywhere, so data analysis 1 → 3, leadership none.
        var (catalog, path) = Ladder();
        var levels = new Dictionary<string, int> { ["data-analysis"] = 0, ["communication"] = 3, ["leadership"] = 9 };

        var toMid = RoadmapPlanner.Plan(catalog, path, levels).Steps[0].Gaps.Select(g => (g.Skill.Slug, g.FromLevel, g.RequiredLevel));

        Assert.Equal([("data-analysis", 1, 3)], toMid);
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
