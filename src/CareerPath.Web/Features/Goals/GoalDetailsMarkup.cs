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

    private static void Item(StringBuilder html, string term, string? value, string none)
    {
        html.Append("<div><dt>").Append(term).Append("</dt><dd>");
        html.Append(value is null ? $"<span class=\"muted\">{none}</span>" : MarkupText.Encode(value));
        html.Append("</dd></div>");
    }
}
