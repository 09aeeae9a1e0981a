using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Domain.Roadmaps;

namespace CareerPath.Domain.Tests;

/// <summary>Defects a code review found, each pinned by a test that failed before its fix.</summary>
public sealed class ReviewRegressionTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static CareerPath.Domain.Catalog.CareerCatalog Catalog()
    {
        var builder = new CatalogBuilder().WithSkill("communication").WithSkill("data-analysis");
        var junior = builder.AddRole("junior", 1, level: 2);
        var senior = builder.AddRole("senior", 2, level: 5);
        junior.SetNextRoles([senior]);
        return builder.Build();
    }

    [Fact]
    public void A_pace_too_slow_to_matter_gives_no_forecast_instead_of_an_error()
    {
        var catalog = Catalog();
        var path = PathFinder.Find(catalog, "junior", "senior");
        var plan = RoadmapPlanner.Plan(catalog, path, new Dictionary<string, int> { ["communication"] = 1, ["data-analysis"] = 1 });
        var roadmap = Roadmap.Create("owner", "Up", "junior", "senior", null, catalog, new DateTime(2000, 1, 1));
        var first = CompletedAudit(catalog, new DateTime(2000, 1, 1), 1);
        var last = CompletedAudit(catalog, new DateTime(2020, 1, 1), 1, communication: 2);

        var forecast = Readiness.Forecast(plan, roadmap, [first, last], Today);

        Assert.Null(forecast.FromProgress);
    }

    [Fact]
    public void A_step_decades_away_is_refused()
    {
        var goal = Goal.Create("owner", Fields(), Catalog(), Today);

        Assert.Contains("too far in the future", Assert.Throws<DomainException>(() => goal.AddStep("Someday", new DateOnly(9999, 12, 31), Today)).Message);
    }

    [Fact]
    public void Editing_the_starting_value_before_any_check_in_keeps_progress_at_zero()
    {
        var catalog = Catalog();
        var goal = Goal.Create("owner", Fields() with { StartValue = 5, TargetValue = 10 }, catalog, Today);

        goal.Update(Fields() with { StartValue = 0, TargetValue = 10 }, catalog, Today);

        Assert.Equal(0, goal.Progress);
        Assert.Equal(0, goal.CurrentValue);
    }

    [Fact]
    public void A_refused_goal_update_changes_nothing()
    {
        var catalog = Catalog();
        var goal = Goal.Create("owner", Fields(), catalog, Today);
        var version = goal.Version;

        Assert.Throws<DomainException>(() => goal.Update(Fields() with { Outcome = "A completely different outcome here", Achievable = new string('x', Goal.TextMaxLength + 1) }, catalog, Today));

        Assert.Equal(Fields().Outcome, goal.Outcome);
        Assert.Equal(version, goal.Version);
    }

    [Fact]
    public void A_restored_milestone_must_name_real_catalog_entries()
    {
        var catalog = Catalog();
        var roadmap = Roadmap.Create("owner", "Up", "junior", "senior", null, catalog, DateTime.UtcNow);

        Assert.Throws<DomainException>(() => roadmap.RestoreMilestone("M", Today, "made-up-course", null, [], 0, 0, null, catalog, Today));
        Assert.Throws<DomainException>(() => roadmap.RestoreMilestone("M", Today, null, "astronaut", [], 0, 0, null, catalog, Today));
        Assert.Empty(roadmap.Milestones);
    }

    private static GoalFields Fields() => new("Run twelve customer discovery interviews", GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews", 0, 12,
        "Two a week", ["communication"], null, null, null, Today.AddDays(60));

    private static SkillAudit CompletedAudit(CareerPath.Domain.Catalog.CareerCatalog catalog, DateTime at, int level, int? communication = null) =>
        SkillAudit.Restore("owner", AuditStatus.Completed, "junior", at, at,
            [("communication", communication ?? level, null), ("data-analysis", level, null)], catalog);
}
