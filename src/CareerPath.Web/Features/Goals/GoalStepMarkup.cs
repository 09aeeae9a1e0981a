using System.Globalization;
using CareerPath.Domain.Goals;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Goals;

/// <summary>
/// A step's controls as markup: its status list, whose options carry the step ("row|Status", read by the list's one
/// input handler, as the audit's radios are), and its "Remove" button, which names its row (js/row-actions.js). As
/// Razor, a row's controls were a dozen frames with a handler each, which a live page keeps twice for as long as it is
/// open. A row is named by a short number the page gives each step it lists, not the step's id: the id, three times
/// over in a list and twice in a button, made a page's ten rows hold some 6 KB more. Titles come from users, so they
/// are encoded.
/// </summary>
public static class GoalStepMarkup
{
    public const string RemoveAction = "remove";

    private static readonly (StepStatus Status, string Label)[] Statuses =
        [(StepStatus.ToDo, "To do"), (StepStatus.InProgress, "In progress"), (StepStatus.Done, "Done")];

    /// <summary>
    /// The status list with <paramref name="selected"/> chosen. Two spellings, equal in the browser and unequal as
    /// text (<paramref name="alternate"/>), so a page can have the browser's list replaced to show what is saved.
    /// </summary>
    public static MarkupString Status(GoalStep step, int row, StepStatus selected, bool alternate)
    {
        var html = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<select id=\"{StatusId(row)}\" aria-label=\"Status of {MarkupText.Encode(step.Title)}\">"));
        foreach (var (status, label) in Statuses)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{row}|{status}\"{(status == selected ? " selected" : "")}>{label}</option>");
        }

        return new(html.Append(alternate ? "</select> " : "</select>").ToString());
    }

    /// <summary>The id of a row's status list (where the keyboard goes back after a refused change).</summary>
    public static string StatusId(int row) => string.Create(CultureInfo.InvariantCulture, $"step-status-{row}");

    /// <summary>The button that asks "Remove?" (its id is where the keyboard returns when the question is cancelled).</summary>
    public static MarkupString RemoveButton(GoalStep step, int row, string triggerId) => new(string.Create(CultureInfo.InvariantCulture,
        $"<button type=\"button\" class=\"link-button\" id=\"{triggerId}\" data-action=\"{RemoveAction}\" data-row=\"{row}\" aria-label=\"Remove step {MarkupText.Encode(step.Title)}\">Remove</button>"));

    /// <summary>The row and status an option's value names, or null for anything else.</summary>
    public static (int Row, StepStatus Status)? Parse(object? value) =>
        value is string text && text.Split('|') is [var key, var status] && Row(key) is { } row
        && Enum.TryParse<StepStatus>(status, out var parsed) && Enum.IsDefined(parsed) && !status.Any(char.IsDigit)
            ? (row, parsed)
            : null;

    /// <summary>The row a <c>data-row</c> or an option names: digits only, or null.</summary>
    public static int? Row(string? key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
}
