using System.Globalization;
using CareerPath.Domain.Roadmaps;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Roadmaps;

/// <summary>
/// A milestone's row in "Your plan" as markup: its date and title, and its buttons, which name their action and the
/// milestone (js/row-actions.js) instead of holding a handler each. As Razor a row was some fifty frames, which a live
/// page keeps twice for as long as it is open; as markup it is a handful. Titles come from users, so they are encoded.
/// </summary>
public static class MilestoneMarkup
{
    public const string MoveUp = "up";
    public const string MoveDown = "down";
    public const string Edit = "edit";
    public const string Done = "done";
    public const string Remove = "remove";

    /// <summary>The id of a milestone's title, which takes focus once the milestone is marked done.</summary>
    public static string TitleId(Guid milestone) => $"milestone-{milestone}";

    /// <summary>The id of one of a milestone's buttons (<see cref="MoveUp"/>, <see cref="MoveDown"/>, <see cref="Edit"/>).</summary>
    public static string ButtonId(string action, Guid milestone) => $"milestone-{action}-{milestone}";

    /// <summary>The date and the title, with "done" or "alongside" after it.</summary>
    public static MarkupString Head(Milestone milestone) => new(
        $"<span class=\"timeline__date\">{milestone.TargetDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}</span>"
        + $"<span class=\"timeline__title\" id=\"{TitleId(milestone.Id)}\" tabindex=\"-1\">{E(milestone.Title)} "
        + (milestone.IsDone ? "<span class=\"badge badge--good\">done</span>"
            : milestone.InParallel ? "<span class=\"badge\" title=\"Later items in sequence do not wait for it\">alongside</span>" : "")
        + "</span>");

    /// <summary>Move up and down and, while not done, edit, mark done and make a goal of it.</summary>
    public static MarkupString Actions(Guid roadmap, Milestone milestone)
    {
        var title = E(milestone.Title);
        var html = Button("icon-button", MoveUp, milestone.Id, $"Move {title} up", "↑", tooltip: "Move up")
            + Button("icon-button", MoveDown, milestone.Id, $"Move {title} down", "↓", tooltip: "Move down");
        if (!milestone.IsDone)
        {
            html += Button("link-button", Edit, milestone.Id, $"Edit {title}", "Edit")
                + Button("link-button", Done, milestone.Id, $"Mark {title} done", "Done")
                + $"<a class=\"link-button\" href=\"goals/new?milestone={roadmap}/{milestone.Id}\" aria-label=\"Make {title} a goal\">Goal</a>";
        }

        return new(html);
    }

    /// <summary>The button that asks "Remove it?" (its id is where the keyboard returns when the question is cancelled).</summary>
    public static MarkupString RemoveButton(Milestone milestone, string triggerId) => new(
        $"<button type=\"button\" class=\"link-button\" id=\"{triggerId}\" data-action=\"{Remove}\" data-row=\"{milestone.Id}\" aria-label=\"Remove {E(milestone.Title)}\">Remove</button>");

    private static string Button(string @class, string action, Guid milestone, string label, string text, string? tooltip = null) =>
        $"<button type=\"button\" class=\"{@class}\" id=\"{ButtonId(action, milestone)}\" data-action=\"{action}\" data-row=\"{milestone}\""
        + (tooltip is null ? "" : $" title=\"{tooltip}\"") + $" aria-label=\"{label}\">{text}</button>";

    private static string E(string text) => MarkupText.Encode(text);
}
