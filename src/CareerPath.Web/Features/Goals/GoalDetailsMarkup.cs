using System.Text;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Goals;
using CareerPath.Web.Components.Shared;
using CareerPath.Web.Features.Roadmaps;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Goals;

/// <summary>
/// What a goal's page says of it while its edit form is closed: how it is achievable and what it moves the user
/// towards (skills, a target role, a roadmap milestone). Read-only, so written as one piece of markup; the user's own
/// text and the framework's names go through the encoder.
/// </summary>
public static class GoalDetailsMarkup
{
    public static MarkupString Of(GoalFields fields, CareerCatalog catalog, IReadOnlyList<MilestoneChoices> roadmaps)
    {
        var skills = fields.SkillSlugs.Select(slug => catalog.FindSkill(slug)?.Name).OfType<string>().ToList();
        // A roadmap without one of its milestones is named on its own; a roadmap the user no longer has is not.
        var roadmap = roadmaps.FirstOrDefault(r => r.RoadmapId == fields.RoadmapId);
        var milestone = roadmap?.Milestones.FirstOrDefault(m => m.Id == fields.MilestoneId);
        var linked = roadmap is null ? null
            : milestone is null ? roadmap.Name
            : $"{milestone.Title} ({roadmap.Name}){(milestone.IsDone ? ", done" : "")}";
        var html = new StringBuilder("<dl class=\"goal-details\">");
        Item(html, "Achievable", string.IsNullOrWhiteSpace(fields.Achievable) ? null : fields.Achievable, "Not described yet");
        Item(html, "Skills it builds", skills.Count == 0 ? null : string.Join(", ", skills), "None chosen");
        Item(html, "Target role", catalog.FindRole(fields.TargetRoleSlug)?.Name, "None");
        Item(html, "Roadmap milestone", linked, "None");
        return new MarkupString(html.Append("</dl>").ToString());
    }

    /// <summary>
    /// The goal's figures at the top of its page: progress (and what it counts), time elapsed since it was set, the
    /// deadline, and for a measured goal the latest value against the target. Built once per reading of the goal.
    /// </summary>
    public static MarkupString Facts(GoalView goal)
    {
        var fields = goal.Fields;
        var html = new StringBuilder("<div class=\"facts\">");
        Fact(html, "Progress", $"{(int)Math.Round(goal.Summary.Progress * 100)}%",
            fields.Mode == ProgressMode.Steps ? "from completed steps" : $"of {fields.MeasureName}", testId: "progress");
        Fact(html, "Time elapsed", $"{(int)Math.Round(goal.Elapsed * 100)}%", $"since {goal.Summary.CreatedOn:d MMM yyyy}");
        Fact(html, "Deadline", goal.Summary.Deadline?.ToString("d MMM yyyy") ?? "none");
        if (fields.Mode == ProgressMode.Measure)
        {
            Fact(html, "Current value", $"{goal.CurrentValue?.ToString("0.##") ?? "–"} / {fields.TargetValue?.ToString("0.##")}");
        }

        return new MarkupString(html.Append("</div>").ToString());
    }

    private static void Fact(StringBuilder html, string label, string value, string? note = null, string? testId = null)
    {
        html.Append("<div class=\"fact\"><span class=\"fact__label\">").Append(label).Append("</span><span class=\"fact__value\"")
            .Append(testId is null ? "" : $" data-testid=\"{testId}\"").Append('>').Append(MarkupText.Encode(value)).Append("</span>");
        if (note is not null)
        {
            html.Append("<span class=\"fact__note\">").Append(MarkupText.Encode(note)).Append("</span>");
        }

        html.Append("</div>");
    }

    private static void Item(StringBuilder html, string term, string? value, string none)
    {
        html.Append("<div><dt>").Append(term).Append("</dt><dd>");
        html.Append(value is null ? $"<span class=\"muted\">{none}</span>" : MarkupText.Encode(value));
        html.Append("</dd></div>");
    }
}
