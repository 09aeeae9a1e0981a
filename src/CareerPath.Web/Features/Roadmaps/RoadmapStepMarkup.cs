using CareerPath.Domain.Roadmaps;
using CareerPath.Web.Components.Shared;
using CareerPath.Web.Services;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Roadmaps;

/// <summary>
/// The read-only parts of a roadmap's "step by step" section (a step's heading, its gaps, a suggestion's description),
/// each as one piece of markup. A live page keeps its render tree for as long as it is open, twice once it has acted,
/// in arrays sized in powers of two: as elements, these parts made the page's tree 1,188 frames (an 82 KB array);
/// the buttons stay Razor. Names and reasons come from frameworks users import or edit, so all text is encoded.
/// </summary>
public static class RoadmapStepMarkup
{
    /// <summary>One step's fixed parts: its heading and its gaps (its suggestions change with the plan: <see cref="Suggestions"/>).</summary>
    public sealed record StepParts(MarkupString Head, MarkupString Gaps);

    /// <summary>
    /// Every step's parts, built once for a plan. A page renders again after each action and keeps the tree before
    /// (until its next render): parts built anew at every render would hold each text twice.
    /// </summary>
    public static IReadOnlyList<StepParts> For(RoadmapPlan plan, bool typicalTimesAssumed) =>
        plan.Steps.Select((step, i) => new StepParts(Head(step, i + 1, typicalTimesAssumed), Gaps(step.Gaps))).ToList();

    public static MarkupString Head(RoadmapStep step, int number, bool typicalTimesAssumed) => new(
        $"<span class=\"steps__number\" aria-hidden=\"true\">{number}</span><div><h3>{E(step.From.Name)} → {E(step.Role.Name)}</h3>"
        + $"<p class=\"muted small\">{E(Format.Salary(step.Role.Salary))} · typically {E(Format.Months(step.EstimatedMonthsBefore))} as {E(step.From.Name)} first "
        + $"({(typicalTimesAssumed ? "assumed: the framework gives no typical time" : "an estimate")})</p></div>");

    public static MarkupString Gaps(IReadOnlyList<StepGap> gaps) => new(string.Concat(gaps.Select(gap =>
        $"<li><span class=\"chip chip--warn\">{E(gap.Skill.Name)} {gap.FromLevel}→{gap.RequiredLevel}</span></li>")));

    public static MarkupString Suggestion(Suggestion suggestion) => new(
        $"<div><strong>{E(suggestion.Resource.Name)}</strong> <span class=\"badge\">{E(Format.Kind(suggestion.Resource.Kind))}</span>"
        + $"<p class=\"small\">{E(suggestion.Reason)}</p>"
        + $"<p class=\"muted small\">{E(Format.Weeks(suggestion.Resource.TypicalWeeks))} · {E(Format.Cost(suggestion.Resource.ApproxCostUsd))}</p></div>");

    /// <summary>The <c>data-action</c> of a suggestion's buttons; <c>data-row</c> is "resource|step|after" or "…|alongside".</summary>
    public const string AcceptAction = "accept";

    /// <summary>
    /// A step's suggestions with what can be done about each: "In your plan", or a button that adds it after the
    /// unfinished items (with the date it would end) and, where that differs, one that runs it alongside them. The
    /// buttons carry their action and row (js/row-actions.js) instead of a handler each, so the list is one frame
    /// however long. Each row has an id and takes focus, so the keyboard can stay on a suggestion once it is added.
    /// The descriptions are written into the list, not kept apart as well: a page would hold their text twice.
    /// </summary>
    public static MarkupString Suggestions(RoadmapStep step, RoadmapView view)
    {
        var html = new System.Text.StringBuilder();
        foreach (var suggestion in step.Suggestions)
        {
            var resource = suggestion.Resource;
            html.Append($"<li class=\"suggestion\" id=\"{E(SuggestionId(step.Role.Slug, resource.Slug))}\" tabindex=\"-1\">").Append(Suggestion(suggestion).Value);
            if (view.Roadmap.HasInPlan(resource.Slug, step.Role.Slug))
            {
                html.Append("<span class=\"badge badge--good\">In your plan</span></li>");
                continue;
            }

            var name = E(resource.Name);
            var after = view.SuggestedDate(resource.TypicalWeeks, inParallel: false);
            var alongside = view.SuggestedDate(resource.TypicalWeeks, inParallel: true);
            var row = E($"{resource.Slug}|{step.Role.Slug}");
            html.Append($"<span class=\"suggestion__actions\"><button type=\"button\" class=\"button button--small\" data-action=\"{AcceptAction}\" data-row=\"{row}|after\" ")
                .Append($"aria-label=\"Add to plan: {name}, after your unfinished items, ending {Date(after, "d MMMM yyyy")}\">Add to plan</button>")
                .Append($"<span class=\"muted small\">ends {Date(after, "d MMM yyyy")}</span>");
            if (alongside != after)
            {
                var alongsideText = $"or run it alongside (ends {Date(alongside, "d MMM yyyy")})";
                html.Append($"<button type=\"button\" class=\"link-button small\" data-action=\"{AcceptAction}\" data-row=\"{row}|alongside\" ")
                    .Append($"aria-label=\"{alongsideText}: {name}\">{alongsideText}</button>");
            }

            html.Append("</span></li>");
        }

        return new(html.ToString());
    }

    /// <summary>The <c>data-action</c> of the button that shows or hides a step's suggestions (<c>data-row</c>: the step).</summary>
    public const string ToggleAction = "toggle";

    /// <summary>
    /// The button that shows a step's suggestions, saying how many there are and how many are in the plan, or hides
    /// them. A page lists the suggestions of the step to work on now and of the steps the user opens: each is a
    /// kilobyte or two of text a live page holds for as long as it is open (docs/benchmarks.md).
    /// </summary>
    public static MarkupString Toggle(RoadmapStep step, RoadmapView view, bool open)
    {
        var inPlan = step.Suggestions.Count(s => view.Roadmap.HasInPlan(s.Resource.Slug, step.Role.Slug));
        var text = open ? "Hide the suggested actions"
            : $"Show {Format.Plural(step.Suggestions.Count, "suggested action")}{(inPlan > 0 ? $" ({inPlan} in your plan)" : "")}";
        return new($"<button type=\"button\" class=\"link-button step__toggle\" id=\"{E(ToggleId(step.Role.Slug))}\" data-action=\"{ToggleAction}\" data-row=\"{E(step.Role.Slug)}\" aria-expanded=\"{(open ? "true" : "false")}\">{text}</button>");
    }

    /// <summary>The id of a step's show-or-hide button.</summary>
    public static string ToggleId(string stepRoleSlug) => $"suggestions-toggle-{stepRoleSlug}";

    /// <summary>
    /// The id of a suggestion's row. Slugs are lower-case letters, digits and single hyphens, so a double hyphen
    /// between them keeps one step and resource from spelling another's ("a-b" and "c" against "a" and "b-c").
    /// </summary>
    public static string SuggestionId(string stepRoleSlug, string resourceSlug) => $"suggestion-{stepRoleSlug}--{resourceSlug}";

    private static string Date(DateOnly date, string format) => date.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static string E(string text) => MarkupText.Encode(text);
}
