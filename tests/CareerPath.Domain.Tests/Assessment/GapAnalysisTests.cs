using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class GapAnalysisTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static readonly string[] SkillsInCatalogOrder = ["scoping", "roadmapping", "delivery", "metrics", "writing", "budgeting", "speaking"];

    private static (CareerCatalog Catalog, Role Analyst, Role Tpm) NewCatalog()
    {
        var builder = new CatalogBuilder();
        foreach (var skill in SkillsInCatalogOrder)
        {
            builder.WithSkill(skill);
        }

        var analyst = builder.AddRole("analyst", 1, level: 2);
        analyst.Expect("delivery", ProficiencyLevel.From(3));
        analyst.Expect("writing", ProficiencyLevel.From(1));

        var tpm = builder.AddRole("tpm", 2);
        tpm.Expect("scoping", ProficiencyLevel.From(3));
        tpm.Expect("roadmapping", ProficiencyLevel.From(5));
        tpm.Expect("delivery", ProficiencyLevel.From(4));
        tpm.Expect("metrics", ProficiencyLevel.From(4));
        tpm.Expect("writing", ProficiencyLevel.From(2));
        tpm.Expect("budgeting", ProficiencyLevel.From(4));
        tpm.Expect("speaking", ProficiencyLevel.From(3));
        return (builder.Build(), analyst, tpm);
    }

    private static Dictionary<string, int> Ratings() => new()
    {
        ["scoping"] = 2,
        ["roadmapping"] = 4,
        ["delivery"] = 2,
        ["metrics"] = 3,
        ["writing"] = 4,
        ["budgeting"] = 3,
        ["speaking"] = 3,
    };

    private static SkillAudit Audit(CareerCatalog catalog, params (string Skill, int Level)[] ratings)
    {
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        foreach (var (skill, level) in ratings)
        {
            audit.Rate(skill, level, null, catalog);
        }

        return audit;
    }

    [Fact]
    public void Gaps_are_ranked_by_shortfall_then_by_the_target_roles_expected_level_then_by_catalog_order()
    {
        var (catalog, analyst, tpm) = NewCatalog();

        var report = GapAnalysis.Analyze(catalog, Ratings(), analyst, tpm);

        Assert.Equal(
            [("delivery", 2, 4), ("roadmapping", 1, 5), ("metrics", 1, 4), ("budgeting", 1, 4), ("scoping", 1, 3)],
            report.Gaps.Select(g => (g.Skill.Slug, g.Shortfall, g.Benchmark)));
        Assert.All(report.Gaps, g => Assert.True(g.IsGap));
    }

    [Fact]
    public void Strengths_are_the_skills_rated_at_or_above_the_benchmark()
    {
        var (catalog, analyst, tpm) = NewCatalog();

        var report = GapAnalysis.Analyze(catalog, Ratings(), analyst, tpm);

        Assert.Equal([("writing", 4, 2), ("speaking", 3, 3)], report.Strengths.Select(s => (s.Skill.Slug, s.SelfLevel, s.Benchmark)));
        Assert.All(report.Strengths, s => Assert.Equal(0, s.Shortfall));
        Assert.Empty(report.Strengths.Select(s => s.Skill.Slug).Intersect(report.Gaps.Select(g => g.Skill.Slug)));
    }

    [Fact]
    public void Comparisons_carry_both_roles_expectations_and_follow_catalog_order()
    {
        var (catalog, analyst, tpm) = NewCatalog();

        var report = GapAnalysis.Analyze(catalog, Ratings(), analyst, tpm);

        Assert.Same(analyst, report.CurrentRole);
        Assert.Same(tpm, report.TargetRole);
        Assert.Equal(SkillsInCatalogOrder, report.Skills.Select(c => c.Skill.Slug));
        var delivery = report.Skills.Single(c => c.Skill.Slug == "delivery");
        Assert.Equal((2, 3, (int?)4, 4), (delivery.SelfLevel, delivery.CurrentExpected, delivery.TargetExpected, delivery.Benchmark));
    }

    [Fact]
    public void Without_a_target_the_current_role_is_the_benchmark()
    {
        var (catalog, analyst, _) = NewCatalog();

        var report = GapAnalysis.Analyze(catalog, Ratings(), analyst, null);

        Assert.Null(report.TargetRole);
        Assert.All(report.Skills, c => Assert.Null(c.TargetExpected));
        Assert.All(report.Skills, c => Assert.Equal(c.CurrentExpected, c.Benchmark));
        Assert.Equal([("delivery", 1, 3)], report.Gaps.Select(g => (g.Skill.Slug, g.Shortfall, g.Benchmark)));
        Assert.Equal(
            ["writing", "roadmapping", "metrics", "budgeting", "speaking", "scoping"],
            report.Strengths.Select(s => s.Skill.Slug));
    }

    [Fact]
    public void A_skill_the_role_does_not_expect_is_neither_a_gap_nor_a_strength()
    {
        var builder = new CatalogBuilder().WithSkill("delivery").WithSkill("writing");
        var analyst = builder.AddRole("analyst", 1, level: 2);
        var lead = new Role("lead", "Lead", "tpm", 2, false, "S.", "D.", [], null, 24);
        lead.Expect("delivery", ProficiencyLevel.From(4));
        builder.Roles.Add(lead);
        var catalog = builder.Build();
        var ratings = new Dictionary<string, int> { ["delivery"] = 3, ["writing"] = 1 };

        var report = GapAnalysis.Analyze(catalog, ratings, analyst, lead);

        var writing = report.Skills.Single(c => c.Skill.Slug == "writing");
        Assert.Equal((1, (int?)2, (int?)null, (int?)null, 0, false), (writing.SelfLevel, writing.CurrentExpected, writing.TargetExpected, writing.Benchmark, writing.Shortfall, writing.IsExpected));
        Assert.Equal([("delivery", 1)], report.Gaps.Select(g => (g.Skill.Slug, g.Shortfall)));
        Assert.Empty(report.Strengths);
    }

    [Theory]
    [InlineData(1, 4, 3)]
    [InlineData(3, 4, 1)]
    [InlineData(4, 4, 0)]
    [InlineData(5, 4, 0)]
    public void Shortfall_is_the_levels_below_the_benchmark_and_never_negative(int self, int benchmark, int shortfall)
    {
        var skill = new Skill("delivery", "Delivery", "technical", "Ships.", CatalogBuilder.ValidRubric, 0);

        var comparison = new SkillComparison(skill, self, 1, benchmark, null, AgainstTarget: true);

        Assert.Equal(shortfall, comparison.Shortfall);
        Assert.Equal(shortfall > 0, comparison.IsGap);
    }

    [Fact]
    public void Unrated_skills_are_left_out_of_the_report()
    {
        var (catalog, analyst, tpm) = NewCatalog();
        var ratings = new Dictionary<string, int> { ["delivery"] = 1, ["writing"] = 5 };

        var report = GapAnalysis.Analyze(catalog, ratings, analyst, tpm);

        Assert.Equal(["delivery", "writing"], report.Skills.Select(c => c.Skill.Slug));
        Assert.Equal(["delivery"], report.Gaps.Select(g => g.Skill.Slug));
        Assert.Equal(["writing"], report.Strengths.Select(s => s.Skill.Slug));
    }

    [Fact]
    public void Others_averages_are_attached_to_the_matching_skills()
    {
        var (catalog, analyst, tpm) = NewCatalog();
        var others = new Dictionary<string, double> { ["delivery"] = 3.5, ["writing"] = 2.25 };

        var report = GapAnalysis.Analyze(catalog, Ratings(), analyst, tpm, others);

        Assert.Equal(3.5, report.Skills.Single(c => c.Skill.Slug == "delivery").OthersAverage);
        Assert.Equal(2.25, report.Skills.Single(c => c.Skill.Slug == "writing").OthersAverage);
        Assert.Null(report.Skills.Single(c => c.Skill.Slug == "metrics").OthersAverage);
    }

    [Fact]
    public void Changes_lists_the_skills_that_moved_largest_change_first()
    {
        var (catalog, _, _) = NewCatalog();
        var previous = Audit(catalog, ("scoping", 2), ("roadmapping", 4), ("delivery", 2), ("metrics", 3), ("writing", 3));
        var current = Audit(catalog, ("scoping", 3), ("roadmapping", 4), ("delivery", 5), ("metrics", 1), ("budgeting", 4));

        var changes = GapAnalysis.Changes(catalog, previous, current);

        Assert.Equal(
            [("delivery", 2, 5, 3), ("metrics", 3, 1, -2), ("scoping", 2, 3, 1)],
            changes.Select(c => (c.Skill.Slug, c.Before, c.After, c.Delta)));
    }

    [Fact]
    public void Changes_of_the_same_size_are_ordered_by_skill_name()
    {
        var (catalog, _, _) = NewCatalog();
        var previous = Audit(catalog, ("writing", 2), ("budgeting", 4), ("delivery", 1));
        var current = Audit(catalog, ("writing", 3), ("budgeting", 3), ("delivery", 2));

        var changes = GapAnalysis.Changes(catalog, previous, current);

        Assert.Equal(["budgeting", "delivery", "writing"], changes.Select(c => c.Skill.Slug));
    }

    [Fact]
    public void Changes_is_empty_when_nothing_moved()
    {
        var (catalog, _, _) = NewCatalog();
        var previous = Audit(catalog, ("writing", 2), ("delivery", 4));
        var current = Audit(catalog, ("writing", 2), ("delivery", 4));

        var changes = GapAnalysis.Changes(catalog, previous, current);

        Assert.Empty(changes);
    }
}
