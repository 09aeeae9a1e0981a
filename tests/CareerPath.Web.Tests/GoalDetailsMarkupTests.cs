using CareerPath.Domain.Catalog;
using CareerPath.Domain.Goals;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;

namespace CareerPath.Web.Tests;

/// <summary>What a goal's page says of the goal while its form is closed: the user's text and the framework's names encoded.</summary>
public sealed class GoalDetailsMarkupTests
{
    private const string Hostile = "\"><img src=x onerror=alert(1)>";

    private static readonly CareerCatalog Catalog = new(
        [new Ladder("product", "Product", "Product roles", 1)],
        [new Role("senior-pm", "Senior PM & lead", "product", 3, false, "s", "d", [], null, 36)],
        [new SkillCategory("core", "Core", "The core skills", 1)],
        [
            new Skill("stakeholders", "Stakeholders " + Hostile, "core", "Working with people", ["a", "b", "c", "d", "e"], 1),
            new Skill("discovery", "Discovery", "core", "Finding out", ["a", "b", "c", "d", "e"], 2),
        ],
        [], [], [], []);

    private static GoalFields Fields(string? achievable, string[] skills, string? role, Guid? roadmap, Guid? milestone) =>
        new("Lead the pricing review", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null, achievable, skills, roadmap, milestone, role, null);

    [Fact]
    public void A_goals_details_are_written_with_every_name_and_the_users_text_encoded()
    {
        var roadmap = Guid.NewGuid();
        var milestone = Guid.NewGuid();
        var roadmaps = new[]
        {
            new MilestoneChoices(roadmap, "To <b>Senior</b>", "senior-pm", [new MilestoneChoice(milestone, "Lead a review " + Hostile, new DateOnly(2027, 3, 1), [])]),
        };

        var html = GoalDetailsMarkup.Of(Fields("Two hours a week <script>", ["stakeholders", "discovery"], "senior-pm", roadmap, milestone), Catalog, roadmaps).Value;

        Assert.Equal(
            "<dl class=\"goal-details\">"
            + "<div><dt>Achievable</dt><dd>Two hours a week &lt;script&gt;</dd></div>"
            + "<div><dt>Skills it builds</dt><dd>Stakeholders &quot;&gt;&lt;img src=x onerror=alert(1)&gt;, Discovery</dd></div>"
            + "<div><dt>Target role</dt><dd>Senior PM &amp; lead</dd></div>"
            + "<div><dt>Roadmap milestone</dt><dd>Lead a review &quot;&gt;&lt;img src=x onerror=alert(1)&gt; (To &lt;b&gt;Senior&lt;/b&gt;)</dd></div>"
            + "</dl>",
            html);
    }

    [Fact]
    public void A_done_milestone_is_named_as_done_and_a_roadmap_without_a_milestone_by_its_name()
    {
        var roadmap = Guid.NewGuid();
        var done = Guid.NewGuid();
        var roadmaps = new[]
        {
            new MilestoneChoices(roadmap, "To senior PM", "senior-pm", [new MilestoneChoice(done, "Lead a pricing review", new DateOnly(2027, 3, 1), [], IsDone: true)]),
        };

        var doneHtml = GoalDetailsMarkup.Of(Fields(null, [], null, roadmap, done), Catalog, roadmaps).Value;
        var roadmapHtml = GoalDetailsMarkup.Of(Fields(null, [], null, roadmap, null), Catalog, roadmaps).Value;

        Assert.EndsWith("<div><dt>Roadmap milestone</dt><dd>Lead a pricing review (To senior PM), done</dd></div></dl>", doneHtml, StringComparison.Ordinal);
        Assert.EndsWith("<div><dt>Roadmap milestone</dt><dd>To senior PM</dd></div></dl>", roadmapHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_with_nothing_chosen_says_so_part_by_part()
    {
        // A milestone whose roadmap is not among the user's (deleted since) is not named.
        var html = GoalDetailsMarkup.Of(Fields("  ", [], null, Guid.NewGuid(), Guid.NewGuid()), Catalog, []).Value;

        Assert.Equal(
            "<dl class=\"goal-details\">"
            + "<div><dt>Achievable</dt><dd><span class=\"muted\">Not described yet</span></dd></div>"
            + "<div><dt>Skills it builds</dt><dd><span class=\"muted\">None chosen</span></dd></div>"
            + "<div><dt>Target role</dt><dd><span class=\"muted\">None</span></dd></div>"
            + "<div><dt>Roadmap milestone</dt><dd><span class=\"muted\">None</span></dd></div>"
            + "</dl>",
            html);
    }

    [Fact]
    public void A_measured_goals_figures_are_worked_out_from_its_values_and_days()
    {
        // Set on 1 March 2027 with a deadline on 1 April (31 days), from 10 to 50 interviews; 22 reached by 11 March.
        var set = new DateOnly(2027, 3, 1);
        var seen = new DateOnly(2027, 3, 11);
        var fields = new GoalFields("Run customer interviews", GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews <b>", 10, 50, null, [], null, null, null, new DateOnly(2027, 4, 1));
        var goal = Goal.Create("owner", fields, Catalog, set);
        goal.CheckIn(seen, 22, null, seen);

        var html = GoalDetailsMarkup.Facts(GoalView.Of(goal, seen)).Value;

        // Progress (22 - 10) / (50 - 10) = 30 %; time 10 of 31 days = 32.3 %, shown as 32 %.
        Assert.Equal(
            "<div class=\"facts\">"
            + "<div class=\"fact\"><span class=\"fact__label\">Progress</span><span class=\"fact__value\" data-testid=\"progress\">30%</span><span class=\"fact__note\">of interviews &lt;b&gt;</span></div>"
            + "<div class=\"fact\"><span class=\"fact__label\">Time elapsed</span><span class=\"fact__value\">32%</span><span class=\"fact__note\">since 1 Mar 2027</span></div>"
            + "<div class=\"fact\"><span class=\"fact__label\">Deadline</span><span class=\"fact__value\">1 Apr 2027</span></div>"
            + "<div class=\"fact\"><span class=\"fact__label\">Current value</span><span class=\"fact__value\">22 / 50</span></div>"
            + "</div>",
            html);
    }

    [Fact]
    public void A_steps_goal_without_a_deadline_counts_done_steps_and_no_time()
    {
        // Two of three steps done: 66.7 %, shown as 67 %; without a deadline no time has elapsed against one.
        var set = new DateOnly(2027, 3, 1);
        var goal = Goal.Create("owner", Fields(null, [], null, null, null), Catalog, set);
        var steps = new[] { "Draft", "Review", "Publish" }.Select(t => goal.AddStep(t, set.AddDays(7), set)).ToList();
        goal.SetStepStatus(steps[0].Id, StepStatus.Done, set);
        goal.SetStepStatus(steps[2].Id, StepStatus.Done, set);

        var html = GoalDetailsMarkup.Facts(GoalView.Of(goal, set.AddDays(3))).Value;

        Assert.Equal(
            "<div class=\"facts\">"
            + "<div class=\"fact\"><span class=\"fact__label\">Progress</span><span class=\"fact__value\" data-testid=\"progress\">67%</span><span class=\"fact__note\">from completed steps</span></div>"
            + "<div class=\"fact\"><span class=\"fact__label\">Time elapsed</span><span class=\"fact__value\">0%</span><span class=\"fact__note\">since 1 Mar 2027</span></div>"
            + "<div class=\"fact\"><span class=\"fact__label\">Deadline</span><span class=\"fact__value\">none</span></div>"
            + "</div>",
            html);
    }

    [Fact]
    public void A_steps_status_list_and_remove_button_carry_the_step_with_its_title_encoded()
    {
        var set = new DateOnly(2027, 3, 1);
        var goal = Goal.Create("owner", Fields(null, [], null, null, null), Catalog, set);
        var step = goal.AddStep("Book \"interviews\" " + Hostile, set.AddDays(7), set);
        var list = GoalStepMarkup.Status(step, 12, StepStatus.InProgress, alternate: false).Value;
        var alternate = GoalStepMarkup.Status(step, 12, StepStatus.InProgress, alternate: true).Value;
        var remove = GoalStepMarkup.RemoveButton(step, 12, "remove-step-12").Value;

        Assert.Equal(
            "<select id=\"step-status-12\" aria-label=\"Status of Book &quot;interviews&quot; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
            + "<option value=\"12|ToDo\">To do</option><option value=\"12|InProgress\" selected>In progress</option><option value=\"12|Done\">Done</option></select>",
            list);
        // The other spelling: the same list in the browser, a different text, so the browser's copy is replaced.
        Assert.Equal(list + " ", alternate);
        Assert.Equal(
            "<button type=\"button\" class=\"link-button\" id=\"remove-step-12\" data-action=\"remove\" data-row=\"12\" "
            + "aria-label=\"Remove step Book &quot;interviews&quot; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">Remove</button>",
            remove);

        // What the browser sends back is read strictly: a row number and one of the three statuses, nothing else.
        Assert.Equal((12, StepStatus.Done), GoalStepMarkup.Parse("12|Done"));
        Assert.Null(GoalStepMarkup.Parse("12|7"));
        Assert.Null(GoalStepMarkup.Parse("12|Done|x"));
        Assert.Null(GoalStepMarkup.Parse("-1|Done"));
        Assert.Null(GoalStepMarkup.Parse(" 12|Done"));
        Assert.Null(GoalStepMarkup.Parse($"{Guid.NewGuid()}|Done"));
        Assert.Equal(12, GoalStepMarkup.Row("12"));
        Assert.Null(GoalStepMarkup.Row("1e3"));
        Assert.Null(GoalStepMarkup.Parse(null));
    }
}
