using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// A progress bar with an accessible name (Radzen's renders none), as one piece of markup rather than a component: a
/// live page keeps each component's render trees, and the bar has nothing to respond to.
/// </summary>
public static class ProgressMarkup
{
    /// <summary>A bar at <paramref name="value"/> percent (clamped to 0 to 100, rounded), named by <paramref name="label"/>.</summary>
    public static MarkupString Of(double value, string label)
    {
        var percent = ((int)Math.Round(Math.Clamp(double.IsNaN(value) ? 0 : value, 0, 100))).ToString(CultureInfo.InvariantCulture);
        return new($"<span class=\"bar bar--progress\" role=\"progressbar\" aria-label=\"{MarkupText.Encode(label)}\" aria-valuenow=\"{percent}\" aria-valuemin=\"0\" aria-valuemax=\"100\"><span style=\"width: {percent}%\"></span></span>");
    }
}
