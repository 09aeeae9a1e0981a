using CareerPath.Domain.Catalog;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using CareerPath.Web.Features.Roadmaps;

namespace CareerPath.Web.Tests;

/// <summary>The roadmap's read-only step parts, written as markup: the text a user sees, with framework text encoded.</summary>
public sealed class RoadmapStepMarkupTests
{
    private const string Hostile = "\"><img src=x onerror=alert(1)>";

    [Fact]
    public void A_steps_heading_gaps_and_suggestions_are_written_with_every_name_encoded()
    {
        var skill = new Skill("stakeholders", "Stakeholders " + Hostile, "core", "Working with people", ["a", "b", "c", "d", "e"], 1);
        var from = new Role("pm", "Product manager " + Hostile, "product", 2, false, "s", "d", [], null, 24);
        var to = new Role("senior-pm", "Senior PM & lead", "product", 3, false, "s", "d", [], null, 36);
        var gap = new StepGap(skill, 2, 4);
        var resource = new GrowthResource("course-x", GrowthResourceKind.Course, "Course <b>X</b>", null, "d", ["stakeholders"], 6, 0);
        var step = new RoadmapStep(to, from, 24, [gap], [new Suggestion(resource, [gap])]);

        var head = RoadmapStepMarkup.Head(step, 2, typicalTimesAssumed: false).Value;
        var gaps = RoadmapStepMarkup.Gaps(step.Gaps).Value;
        var suggestion = RoadmapStepMarkup.Suggestion(step.Suggestions[0]).Value;

        foreach (var piece in new[] { head, gaps, suggestion })
        {
            Assert.DoesNotContain("<img", piece, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", piece, StringComparison.OrdinalIgnoreCase);
        }

        Assert.StartsWith("<span class=\"steps__number\" aria-hidden=\"true\">2</span><div><h3>Product manager &quot;&gt;&lt;img src=x onerror=alert(1)&gt; → Senior PM &amp; lead</h3>", head, StringComparison.Ordinal);
        Assert.Contains("typically 2 years as Product manager", head, StringComparison.Ordinal);
        Assert.EndsWith("first (an estimate)</p></div>", head, StringComparison.Ordinal);
        Assert.Equal("<li><span class=\"chip chip--warn\">Stakeholders &quot;&gt;&lt;img src=x onerror=alert(1)&gt; 2→4</span></li>", gaps);
        Assert.StartsWith("<div><strong>Course &lt;b&gt;X&lt;/b&gt;</strong> <span class=\"badge\">Course or bootcamp</span><p class=\"small\">", suggestion, StringComparison.Ordinal);
        Assert.EndsWith("<p class=\"muted small\">6 weeks · Free</p></div>", suggestion, StringComparison.Ordinal);
        Assert.Contains("(assumed: the framework gives no typical time)", RoadmapStepMarkup.Head(step, 2, typicalTimesAssumed: true).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggestions_carry_their_row_and_dates_and_one_in_the_plan_says_so()
    {
        // Today is Monday 4 January 2027. A six-week course and a four-week project close the step's gap.
        var today = new DateOnly(2027, 1, 4);
        var (catalog, course, project) = Catalog();
        var roadmap = Roadmap.Create("owner", "To senior", "pm", "senior-pm", null, catalog, new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc));
        var gap = new StepGap(catalog.FindSkill("stakeholders")!, 2, 4);
        var step = new RoadmapStep(catalog.FindRole("senior-pm")!, catalog.FindRole("pm")!, 24, [gap], [new Suggestion(course, [gap]), new Suggestion(project, [gap])]);
        RoadmapView Of(Roadmap r) => new(r, PathFinder.Find(catalog, "pm", "senior-pm"), null, null, true, false, today, null);

        // An empty plan: each ends its length from today, so running it alongside ends the same day (one button).
        var empty = RoadmapStepMarkup.Suggestions(step, Of(roadmap)).Value;
        Assert.Equal(2, Count(empty, "Add to plan</button>"));
        Assert.Contains("<li class=\"suggestion\" id=\"suggestion-senior-pm--course-x\" tabindex=\"-1\">", empty, StringComparison.Ordinal);
        Assert.Contains(
            "<button type=\"button\" class=\"button button--small\" data-action=\"accept\" data-row=\"course-x|senior-pm|after\" "
            + "aria-label=\"Add to plan: Course &lt;b&gt;X&lt;/b&gt;, after your unfinished items, ending 15 February 2027\">Add to plan</button>"
            + "<span class=\"muted small\">ends 15 Feb 2027</span></span></li>",
            empty,
            StringComparison.Ordinal);
        Assert.DoesNotContain("alongside", empty, StringComparison.Ordinal);

        // The course in the plan (ending 15 February): the project after it ends 15 March, alongside it 1 February.
        roadmap.AcceptSuggestion(course, ["stakeholders"], "senior-pm", inParallel: false, today);
        var one = RoadmapStepMarkup.Suggestions(step, Of(roadmap)).Value;
        Assert.Contains("<p class=\"muted small\">6 weeks · Free</p></div><span class=\"badge badge--good\">In your plan</span></li>", one, StringComparison.Ordinal);
        Assert.Equal(1, Count(one, "Add to plan</button>"));
        Assert.Contains("data-row=\"project-y|senior-pm|after\" aria-label=\"Add to plan: Project Y, after your unfinished items, ending 15 March 2027\"", one, StringComparison.Ordinal);
        Assert.Contains("<span class=\"muted small\">ends 15 Mar 2027</span>", one, StringComparison.Ordinal);
        Assert.Contains(
            "<button type=\"button\" class=\"link-button small\" data-action=\"accept\" data-row=\"project-y|senior-pm|alongside\" "
            + "aria-label=\"or run it alongside (ends 1 Feb 2027): Project Y\">or run it alongside (ends 1 Feb 2027)</button>",
            one,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", one, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestones_row_names_it_on_every_button_with_its_title_encoded()
    {
        var today = new DateOnly(2027, 1, 4);
        var (catalog, course, _) = Catalog();
        var roadmap = Roadmap.Create("owner", "To senior", "pm", "senior-pm", null, catalog, new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc));
        var own = roadmap.AddMilestone("Lead " + Hostile, new DateOnly(2027, 3, 1), today, null, catalog);
        var accepted = roadmap.AcceptSuggestion(course, ["stakeholders"], "senior-pm", inParallel: true, today);
        var id = own.Id;
        const string Title = "Lead &quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

        Assert.Equal($"<span class=\"timeline__date\">1 Mar 2027</span><span class=\"timeline__title\" id=\"milestone-{id}\" tabindex=\"-1\">{Title} </span>", MilestoneMarkup.Head(own).Value);
        Assert.Equal(
            $"<button type=\"button\" class=\"icon-button\" id=\"milestone-up-{id}\" data-action=\"up\" data-row=\"{id}\" title=\"Move up\" aria-label=\"Move {Title} up\">↑</button>"
            + $"<button type=\"button\" class=\"icon-button\" id=\"milestone-down-{id}\" data-action=\"down\" data-row=\"{id}\" title=\"Move down\" aria-label=\"Move {Title} down\">↓</button>"
            + $"<button type=\"button\" class=\"link-button\" id=\"milestone-edit-{id}\" data-action=\"edit\" data-row=\"{id}\" aria-label=\"Edit {Title}\">Edit</button>"
            + $"<button type=\"button\" class=\"link-button\" id=\"milestone-done-{id}\" data-action=\"done\" data-row=\"{id}\" aria-label=\"Mark {Title} done\">Done</button>"
            + $"<a class=\"link-button\" href=\"goals/new?milestone={roadmap.Id}/{id}\" aria-label=\"Make {Title} a goal\">Goal</a>",
            MilestoneMarkup.Actions(roadmap.Id, own).Value);
        Assert.Equal(
            $"<button type=\"button\" class=\"link-button\" id=\"remove-milestone-{id}\" data-action=\"remove\" data-row=\"{id}\" aria-label=\"Remove {Title}\">Remove</button>",
            MilestoneMarkup.RemoveButton(own, $"remove-milestone-{id}").Value);

        // Alongside: a badge says so. Done: a badge, and only moving is left.
        Assert.EndsWith("Course &lt;b&gt;X&lt;/b&gt; <span class=\"badge\" title=\"Later items in sequence do not wait for it\">alongside</span></span>", MilestoneMarkup.Head(accepted).Value, StringComparison.Ordinal);
        roadmap.CompleteMilestone(id, today);
        Assert.EndsWith($"{Title} <span class=\"badge badge--good\">done</span></span>", MilestoneMarkup.Head(own).Value, StringComparison.Ordinal);
        var done = MilestoneMarkup.Actions(roadmap.Id, own).Value;
        Assert.Equal(2, Count(done, "<button"));
        Assert.DoesNotContain("Edit", done, StringComparison.Ordinal);
        Assert.DoesNotContain("goals/new", done, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static (CareerCatalog Catalog, GrowthResource Course, GrowthResource Project) Catalog()
    {
        var course = new GrowthResource("course-x", GrowthResourceKind.Course, "Course <b>X</b>", null, "d", ["stakeholders"], 6, 0);
        var project = new GrowthResource("project-y", GrowthResourceKind.Course, "Project Y", null, "d", ["stakeholders"], 4, 0);
        var catalog = new CareerCatalog(
            [new Ladder("product", "Product", "Product roles", 1)],
            [
                new Role("pm", "Product manager", "product", 2, false, "s", "d", [], null, 24),
                new Role("senior-pm", "Senior PM", "product", 3, false, "s", "d", [], null, 36),
            ],
            [new SkillCategory("core", "Core", "The core skills", 1)],
            [new Skill("stakeholders", "Stakeholders", "core", "Working with people", ["a", "b", "c", "d", "e"], 1)],
            [], [course, project], [], []);
        return (catalog, course, project);
    }
}
