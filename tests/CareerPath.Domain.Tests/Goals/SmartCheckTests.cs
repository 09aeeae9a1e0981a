using CareerPath.Domain.Goals;

namespace CareerPath.Domain.Tests.Goals;

public sealed class SmartCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static GoalFields Smart() => new(
        "Earn the Certified Scrum Product Owner certification", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null,
        "Two-day course in January, paid by my training budget", ["agile-methods"], null, null, null, Today.AddMonths(3));

    private static IReadOnlyList<SmartIssue> Evaluate(GoalFields goal, int steps = 3) => SmartCheck.Evaluate(goal, steps, Today);

    [Fact]
    public void A_complete_goal_passes() => Assert.Empty(Evaluate(Smart()));

    [Theory]
    [InlineData("")]
    [InlineData("Get CSPO")]
    [InlineData("improve my skills")]
    public void A_short_outcome_is_not_specific(string outcome) =>
        AssertOnly(Evaluate(Smart() with { Outcome = outcome }), SmartPart.Specific, "at least 4 words");

    [Theory]
    [InlineData("get better at my career and skills")]
    // Two vague phrases joined ("a better leader" and "communicator") are no more specific than one.
    [InlineData("Be a better leader and communicator")]
    [InlineData("Become a better product manager")]
    [InlineData("Improve my leadership and communication skills")]
    [InlineData("Be more strategic and lead with confidence")]
    public void An_outcome_of_only_vague_words_is_too_vague_to_judge(string outcome) =>
        AssertOnly(Evaluate(Smart() with { Outcome = outcome }), SmartPart.Specific, "too vague");

    [Theory]
    [InlineData("Present the Q3 roadmap to the leadership team")]
    [InlineData("Lead the migration of billing to the new platform")]
    [InlineData("Write the first product strategy memo")]
    [InlineData("Run twelve customer discovery interviews for the billing product")]
    public void An_outcome_that_names_a_result_is_specific_even_with_general_words_in_it(string outcome) =>
        Assert.Empty(Evaluate(Smart() with { Outcome = outcome }));

    [Fact]
    public void A_measured_goal_needs_a_measure_and_a_target_above_the_start()
    {
        var measured = Smart() with { Mode = ProgressMode.Measure, MeasureName = "interviews", StartValue = 0, TargetValue = 12 };

        Assert.Empty(Evaluate(measured));
        AssertOnly(Evaluate(measured with { TargetValue = null }), SmartPart.Measurable, "No measurable target");
        AssertOnly(Evaluate(measured with { MeasureName = " " }), SmartPart.Measurable, "No measurable target");
        AssertOnly(Evaluate(measured with { StartValue = 12 }), SmartPart.Measurable, "above the starting value");
    }

    [Fact]
    public void A_step_based_goal_without_steps_is_not_measurable() =>
        AssertOnly(Evaluate(Smart(), steps: 0), SmartPart.Measurable, "add the steps");

    [Fact]
    public void Achievable_needs_the_time_and_resources() =>
        AssertOnly(Evaluate(Smart() with { Achievable = "  " }), SmartPart.Achievable, "time and resources");

    [Fact]
    public void A_goal_linked_to_nothing_is_not_relevant_but_any_one_link_is_enough()
    {
        var unlinked = Smart() with { SkillSlugs = [] };

        AssertOnly(Evaluate(unlinked), SmartPart.Relevant, "No link to anything");
        Assert.Empty(Evaluate(unlinked with { TargetRoleSlug = "technical-product-manager" }));
        Assert.Empty(Evaluate(unlinked with { RoadmapId = Guid.NewGuid(), MilestoneId = Guid.NewGuid() }));
    }

    [Theory]
    [InlineData(GoalHorizon.ShortTerm, null, "No deadline")]
    [InlineData(GoalHorizon.ShortTerm, -1, "in the past")]
    [InlineData(GoalHorizon.ShortTerm, 400, "too far for a short-term goal")]
    [InlineData(GoalHorizon.LongTerm, 200, "A long-term goal runs past 12 months")]
    [InlineData(GoalHorizon.LongTerm, 4000, "more than 10 years away")]
    public void The_deadline_must_fit_the_horizon(GoalHorizon horizon, int? days, string reason) =>
        AssertOnly(Evaluate(Smart() with { Horizon = horizon, Deadline = days is null ? null : Today.AddDays(days.Value) }), SmartPart.TimeBound, reason);

    [Theory]
    [InlineData(GoalHorizon.ShortTerm, 0)]
    [InlineData(GoalHorizon.ShortTerm, 365)]
    [InlineData(GoalHorizon.LongTerm, 400)]
    public void Deadlines_within_the_horizon_pass(GoalHorizon horizon, int days) =>
        Assert.Empty(Evaluate(Smart() with { Horizon = horizon, Deadline = Today.AddDays(days) }));

    private static void AssertOnly(IReadOnlyList<SmartIssue> issues, SmartPart part, string reason)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(part, issue.Part);
        Assert.Contains(reason, issue.Reason);
    }
}
