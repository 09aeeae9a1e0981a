using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Roadmaps;

namespace CareerPath.Domain.Tests.Roadmaps;

/// <summary>
/// Each branch of the pace forecast, with the figures worked out by hand. The catalog: a junior role expecting level 2
/// and a senior role expecting level 5 in two skills, communication and data analysis.
/// </summary>
public sealed class ReadinessForecastTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static CareerCatalog Catalog(int seniorLevel = 5)
    {
        var builder = new CatalogBuilder().WithSkill("communication").WithSkill("data-analysis");
        var junior = builder.AddRole("junior", 1, level: 2);
        var senior = builder.AddRole("senior", 2, level: seniorLevel);
        junior.SetNextRoles([senior]);
        return builder.Build();
    }

    private static SkillAudit Audit(CareerCatalog catalog, DateTime at, int communication, int dataAnalysis) =>
        SkillAudit.Restore("owner", AuditStatus.Completed, "junior", at, at, [("communication", communication, null), ("data-analysis", dataAnalysis, null)], catalog);

    private static ReadinessForecast Forecast(CareerCatalog catalog, params SkillAudit[] audits)
    {
        var latest = audits.OrderBy(a => a.CompletedAtUtc).Last();
        var path = PathFinder.Find(catalog, "junior", "senior");
        var plan = RoadmapPlanner.Plan(catalog, path, latest.Ratings.ToDictionary(r => r.SkillSlug, r => r.Level.Value));
        var roadmap = Roadmap.Create("owner", "Up", "junior", "senior", null, catalog, new DateTime(2026, 1, 1));
        return Readiness.Forecast(plan, roadmap, audits, Today);
    }

    [Fact]
    public void After_a_milestone_change_only_the_plan_date_and_basis_move()
    {
        var catalog = Catalog();
        // One audit: no pace ("needs a second finished audit"), and no milestones: no date from the plan either.
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 1, 1));
        Assert.Null(forecast.FromMilestones);
        Assert.StartsWith("Add milestones", forecast.Basis, StringComparison.Ordinal);

        // Two milestones, 20 April and 15 June, in sequence: the plan is ready by the later, 15 June.
        var roadmap = Roadmap.Create("owner", "Up", "junior", "senior", null, catalog, new DateTime(2026, 1, 1));
        roadmap.AddMilestone("Course", new DateOnly(2026, 4, 20), Today, null, catalog);
        roadmap.AddMilestone("Project", new DateOnly(2026, 6, 15), Today, null, catalog);
        var moved = forecast.WithMilestones(roadmap.Milestones);

        Assert.Equal(new DateOnly(2026, 6, 15), moved.FromMilestones);
        Assert.Equal("Based on your plan's dates only: needs a second finished audit.", moved.Basis);
        Assert.Equal(forecast.Pace, moved.Pace);
        Assert.Equal(forecast.RemainingGapLevels, moved.RemainingGapLevels);
    }

    [Fact]
    public void A_gap_closed_completely_counts_towards_the_pace()
    {
        var catalog = Catalog();
        // 1 January to 2 March 2026 is 60 days. Communication went 1 → 5 (its gap closed completely: 4 levels);
        // data analysis stayed at 1. Remaining: data analysis 1 → 5 = 4 levels.
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 1, 1), Audit(catalog, new DateTime(2026, 3, 2), 5, 1));

        Assert.Equal(PaceOutcome.Forecast, forecast.Pace);
        Assert.Equal(4, forecast.LevelsGained);
        Assert.Equal(4, forecast.RemainingGapLevels);
        // 4 levels in 60 days = 4 ÷ (60 ÷ 30.44) = 2.029… → 2.03 a month; 4 more levels take 4 × 60 ÷ 4 = 60 days: 10 March + 60 = 9 May.
        Assert.Equal(2.03, forecast.LevelsClosedPerMonth);
        Assert.Equal(new DateOnly(2026, 5, 9), forecast.FromProgress);
        Assert.Equal("2.03 levels a month: 4 gained between your first and latest audits", forecast.PaceNote);
    }

    [Fact]
    public void Levels_beyond_what_the_path_expects_and_levels_lost_do_not_change_the_pace()
    {
        var catalog = Catalog(seniorLevel: 3);
        // Senior expects 3. Communication 1 → 5 counts only up to 3: 2 levels. Data analysis 3 → 2 is a loss, counted as 0.
        // 1 January to 31 January = 30 days. Remaining: data analysis 2 → 3 = 1 level, so 1 × 30 ÷ 2 = 15 days: 25 March.
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 1, 3), Audit(catalog, new DateTime(2026, 1, 31), 5, 2));

        Assert.Equal(2, forecast.LevelsGained);
        Assert.Equal(1, forecast.RemainingGapLevels);
        Assert.Equal(new DateOnly(2026, 3, 25), forecast.FromProgress);
    }

    [Fact]
    public void One_audit_is_not_enough_for_a_pace_and_says_so()
    {
        var catalog = Catalog();
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 1, 1));

        Assert.Equal(PaceOutcome.NeedsSecondAudit, forecast.Pace);
        Assert.Null(forecast.FromProgress);
        Assert.Equal("needs a second finished audit", forecast.PaceNote);
        Assert.Equal(8, forecast.RemainingGapLevels); // 4 + 4
    }

    [Fact]
    public void Audits_less_than_two_weeks_apart_give_no_pace_and_say_so()
    {
        var catalog = Catalog();
        // 13 days apart, though 4 levels were gained.
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 1, 1), Audit(catalog, new DateTime(2026, 1, 14), 5, 1));

        Assert.Equal(PaceOutcome.AuditsTooClose, forecast.Pace);
        Assert.Null(forecast.FromProgress);
        Assert.Equal("your first and latest audits are less than 2 weeks apart", forecast.PaceNote);
    }

    [Fact]
    public void No_level_gained_gives_no_pace_and_says_so()
    {
        var catalog = Catalog();
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 2, 2), Audit(catalog, new DateTime(2026, 3, 1), 2, 2));

        Assert.Equal(PaceOutcome.NoLevelsGained, forecast.Pace);
        Assert.Null(forecast.FromProgress);
        Assert.Equal("your audits show no level gained yet on the skills this roadmap needs", forecast.PaceNote);
    }

    [Fact]
    public void With_no_gap_left_the_pace_says_ready_today()
    {
        var catalog = Catalog();
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2026, 1, 1), 5, 5));

        Assert.Equal(PaceOutcome.NoGapsLeft, forecast.Pace);
        Assert.Equal(Today, forecast.FromProgress);
        Assert.Equal(0, forecast.RemainingGapLevels);
    }

    [Fact]
    public void A_pace_that_would_take_more_than_fifty_years_is_no_date()
    {
        var catalog = Catalog();
        // 1 level in 7,305 days (2000–2020); 7 levels remain (communication 2 → 5, data analysis 1 → 5):
        // 7 × 7,305 = 51,135 days, over the 18,250-day limit.
        var forecast = Forecast(catalog, Audit(catalog, new DateTime(2000, 1, 1), 1, 1), Audit(catalog, new DateTime(2020, 1, 1), 2, 1));

        Assert.Equal(PaceOutcome.TooSlow, forecast.Pace);
        Assert.Null(forecast.FromProgress);
        Assert.StartsWith("at 0", forecast.PaceNote);
    }

    [Fact]
    public void The_plan_estimate_is_the_latest_unfinished_date_parallel_items_included()
    {
        var catalog = Catalog();
        var path = PathFinder.Find(catalog, "junior", "senior");
        var plan = RoadmapPlanner.Plan(catalog, path, new Dictionary<string, int> { ["communication"] = 1, ["data-analysis"] = 1 });
        var roadmap = Roadmap.Create("owner", "Up", "junior", "senior", null, catalog, new DateTime(2026, 1, 1));
        roadmap.AddMilestone("Course", new DateOnly(2026, 6, 1), Today, null, catalog);
        var later = roadmap.AddMilestone("Alongside", new DateOnly(2026, 9, 1), Today, null, catalog);
        roadmap.EditMilestone(later.Id, later.Title, later.TargetDate, Today, inParallel: true);
        var done = roadmap.AddMilestone("Done", new DateOnly(2026, 12, 1), Today, null, catalog);
        roadmap.CompleteMilestone(done.Id, Today);

        var forecast = Readiness.Forecast(plan, roadmap, [], Today);

        Assert.Equal(new DateOnly(2026, 9, 1), forecast.FromMilestones);
    }
}
