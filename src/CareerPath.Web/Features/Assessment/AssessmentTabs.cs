using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Assessment;

/// <summary>
/// The assessment tabs, as NavLink would draw them (class "active" and aria-current on the page's own tab), as one piece
/// of shared markup each page writes: every tab is a page of its own, so the mark never moves while one is open. Markup,
/// not a component: a live page keeps every component's render trees (and four NavLinks would each follow the location).
/// </summary>
public static class AssessmentTabs
{
    private static readonly (string Href, string Text)[] Tabs =
    [
        ("assessment", "Overview"),
        ("assessment/audit", "Skill audit"),
        ("assessment/feedback", "Feedback"),
        ("assessment/aspirations", "Aspirations"),
    ];

    /// <summary>The tabs with none marked (an audit's results).</summary>
    public static readonly MarkupString None = Marking(-1);

    public static readonly MarkupString Overview = Marking(0);

    public static readonly MarkupString Audit = Marking(1);

    public static readonly MarkupString Feedback = Marking(2);

    public static readonly MarkupString Aspirations = Marking(3);

    private static MarkupString Marking(int active) => new(
        "<nav class=\"tabs\" aria-label=\"Assessment\">"
        + string.Concat(Tabs.Select((tab, i) => i == active
            ? $"<a href=\"{tab.Href}\" class=\"active\" aria-current=\"page\">{tab.Text}</a>"
            : $"<a href=\"{tab.Href}\">{tab.Text}</a>"))
        + "</nav>");
}
