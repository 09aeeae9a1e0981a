using System.Globalization;
using System.Net;
using System.Text;
using CareerPath.Domain.Goals;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Goals;

/// <summary>
/// The rows of the table under a goal's chart (date, progress, on track), as markup. They are read-only figures, so a
/// page writes them once per change as one piece of markup instead of holding several hundred render frames.
/// </summary>
public static class ProgressTable
{
    public static MarkupString Rows(IReadOnlyList<ProgressRow> rows, bool hasDeadline)
    {
        var html = new StringBuilder(rows.Count * 80);
        foreach (var row in rows)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(row.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(row.Percent.ToString("0", CultureInfo.InvariantCulture)).Append("%</td><td>")
                .Append(hasDeadline ? row.OnTrackPercent.ToString("0", CultureInfo.InvariantCulture) + "%" : "–")
                .Append("</td></tr>");
        }

        return new MarkupString(html.ToString());
    }
}
