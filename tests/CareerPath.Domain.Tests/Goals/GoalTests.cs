using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;

namespace CareerPath.Domain.Tests.Goals;

public sealed class GoalTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);
    private static readonly CareerPath.Domain.Catalog.CareerCatalog Catalog = Build();

    private static CareerPath.Domain.Catalog.CareerCatalog Build()
    {
        var builder = new CatalogBuilder().WithSkill("communication");
        builder.AddRole("tpm", 3);
        return builder.Build();
    }

    private static GoalFields Fields(ProgressMode mode = ProgressMode.Measure, DateOnly? deadline = null) => new(
        "Run twelve customer discovery interviews this quarter", GoalHorizon.ShortTerm, mode, "interviews", 0, 12,
        "Two a week with the research panel", ["communication"], null, null, null, deadline ?? Today.AddDays(100));

    [Fact]
    public void A_goal_that_fails_the_check_is_saved_but_marked_not_smart()
    {
        var goal = Goal.Create("owner", Fields() with { Achievable = null }, Catalog, Today);

        Assert.False(goal.IsSmartOn(Today));
        goal.Update(Fields(), Catalog, Today);
        Assert.True(goal.IsSmartOn(Today));
    }

    [Theory]
    [InlineData(-1, 12)]
    [InlineData(0, -5)]
    public void Negative_values_are_refused(int start, int target) =>
        Assert.Contains("cannot be negative", Assert.Throws<DomainException>(() => Goal.Create("owner", Fields() with { StartValue = start, TargetValue = target }, Catalog, Today)).Message);

    [Fact]
    public void Empty_and_over_long_outcomes_and_unknown_links_are_refused()
    {
        Assert.Throws<DomainException>(() => Goal.Create("owner", Fields() with { Outcome = " " }, Catalog, Today));
        Assert.Throws<DomainException>(() => Goal.Create("owner", Fields() with { Outcome = new string('x', Goal.OutcomeMaxLength + 1) }, Catalog, Today));
        Assert.Throws<DomainException>(() => Goal.Create("owner", Fields() with { SkillSlugs = ["juggling"] }, Catalog, Today));
        Assert.Throws<DomainException>(() => Goal.Create("owner", Fields() with { TargetRoleSlug = "astronaut" }, Catalog, Today));
    }

    [Fact]
    public void Progress_of_a_measured_goal_follows_the_latest_check_in()
    {
        var goal = Goal.Create("owner", Fields(), Catalog, Today);

        goal.CheckIn(Today.AddDays(10), 3, "three done", Today.AddDays(10));
        goal.CheckIn(Today.AddDays(5), 1, "first", Today.AddDays(10));

        Assert.Equal(3, goal.CurrentValue);
        Assert.Equal(0.25, goal.Progress, 3);
        Assert.Equal([Today.AddDays(5), Today.AddDays(10)], goal.CheckIns.Select(c => c.Date));
    }

    [Fact]
    public void Progress_of_a_step_goal_is_the_share_of_steps_done()
    {
        var goal = Goal.Create("owner", Fields(ProgressMode.Steps), Catalog, Today);
        var first = goal.AddStep("Book interviews", Today.AddDays(7), Today);
        goal.AddStep("Write up findings", Today.AddDays(30), Today);

        goal.SetStepStatus(first.Id, StepStatus.Done, Today);

        Assert.Equal(0.5, goal.Progress);
    }

    [Fact]
    public void Check_ins_in_the_future_before_the_goal_or_without_a_value_are_refused()
    {
        var goal = Goal.Create("owner", Fields(), Catalog, Today);

        Assert.Contains("future", Assert.Throws<DomainException>(() => goal.CheckIn(Today.AddDays(1), 2, null, Today)).Message);
        Assert.Contains("before the goal", Assert.Throws<DomainException>(() => goal.CheckIn(Today.AddDays(-1), 2, null, Today)).Message);
        Assert.Contains("current value", Assert.Throws<DomainException>(() => goal.CheckIn(Today, null, null, Today)).Message);
        Assert.Contains("negative", Assert.Throws<DomainException>(() => goal.CheckIn(Today, -1, null, Today)).Message);
        Assert.Empty(goal.CheckIns);
    }

    [Fact]
    public void A_step_due_in_the_past_is_refused()
    {
        var goal = Goal.Create("owner", Fields(ProgressMode.Steps), Catalog, Today);

        Assert.Contains("in the past", Assert.Throws<DomainException>(() => goal.AddStep("Late", Today.AddDays(-1), Today)).Message);
        Assert.Empty(goal.Steps);
    }

    [Theory]
    [InlineData(50, 0, true)]
    [InlineData(50, 3, true)]
    [InlineData(50, 5, false)]
    [InlineData(10, 0, false)]
    [InlineData(120, 11, true)]
    public void A_goal_is_at_risk_when_progress_trails_time_elapsed(int daysLater, int interviews, bool atRisk)
    {
        var goal = Goal.Create("owner", Fields(deadline: Today.AddDays(100)), Catalog, Today);
        var now = Today.AddDays(daysLater);
        if (interviews > 0)
        {
            goal.CheckIn(Today, interviews, null, now);
        }

        Assert.Equal(atRisk, goal.IsAtRisk(now));
    }

    [Fact]
    public void Completing_returns_the_linked_skills_and_freezes_the_goal()
    {
        var goal = Goal.Create("owner", Fields(), Catalog, Today);

        var skills = goal.Complete(Today.AddDays(3));

        Assert.Equal(["communication"], skills);
        Assert.Equal(1, goal.Progress);
        Assert.False(goal.IsAtRisk(Today.AddDays(99)));
        Assert.Throws<DomainException>(() => goal.CheckIn(Today.AddDays(3), 5, null, Today.AddDays(3)));
        Assert.Throws<DomainException>(() => goal.Update(Fields(), Catalog, Today));
    }

    [Fact]
    public void Every_change_gives_a_new_version()
    {
        var goal = Goal.Create("owner", Fields(), Catalog, Today);
        var versions = new HashSet<Guid> { goal.Version };

        goal.CheckIn(Today, 1, null, Today);
        versions.Add(goal.Version);
        goal.Update(Fields(), Catalog, Today);
        versions.Add(goal.Version);

        Assert.Equal(3, versions.Count);
    }
}
