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
}
