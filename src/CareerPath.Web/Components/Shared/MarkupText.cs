using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// Encodes text for the parts of pages written as markup (<c>MarkupString</c>): every Unicode range is allowed, so other
/// scripts stay readable, and <c>&lt; &gt; &amp; " '</c> always become entities, so no text becomes markup.
/// </summary>
public static class MarkupText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
