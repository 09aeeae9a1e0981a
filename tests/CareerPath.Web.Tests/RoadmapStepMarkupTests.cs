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
}
