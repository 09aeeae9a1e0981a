using System.Text;
using CareerPath.Domain.Goals;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Goals;

/// <summary>
/// The items of a goal's list of check-ins (date, value, note), as markup. The list is read-only, so a page writes it
/// once per change as one piece of markup instead of holding frames for every item. Notes are the user's own text:
/// they go through an HTML encoder, so markup in a note is shown as text.
/// </summary>
public static class CheckInItems
{
    public static MarkupString Of(IReadOnlyList<CheckIn> checkIns)
    {
        var html = new StringBuilder(checkIns.Count * 64);
        foreach (var checkIn in checkIns)
        {
            html.Append("<li><span class=\"muted small\">").Append(MarkupText.Encode(checkIn.Date.ToString("d MMM yyyy")));
            if (checkIn.Value is { } value)
            {
                html.Append(" · ").Append(MarkupText.Encode(value.ToString("0.##")));
            }

            html.Append("</span>");
            if (checkIn.Note is not null)
            {
                html.Append("<span class=\"checkins__note\">").Append(MarkupText.Encode(checkIn.Note)).Append("</span>");
            }

            html.Append("</li>");
        }

        return new MarkupString(html.ToString());
    }
}
