using System.Text;

namespace CareerPath.Web.Services;

/// <summary>
/// Text from users (and from the catalog file) made inert inside Markdown, so it reads the same in any renderer and
/// can create no HTML, link, image or formatting: <c>&amp; &lt; &gt;</c> become entities, every other ASCII
/// punctuation character is backslash-escaped (CommonMark allows it for exactly this), and line breaks become
/// spaces. With <c>[ ] ( ) &lt; &gt;</c> escaped no link syntax can form; with <c>: . @</c> escaped no scheme
/// (<c>javascript:</c>, <c>data:</c>), web address or email is linked automatically by GitHub-style renderers.
/// </summary>
public static class MarkdownText
{
    public static string Inline(string? text)
    {
        text = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var inert = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    inert.Append("&amp;");
                    break;
                case '<':
                    inert.Append("&lt;");
                    break;
                case '>':
                    inert.Append("&gt;");
                    break;
                case >= '!' and <= '~' when !char.IsAsciiLetterOrDigit(c):
                    inert.Append('\\').Append(c);
                    break;
                case '\u0085' or '\u2028' or '\u2029':
                case var control when char.IsControl(control):
                    // Line breaks and tabs would end a table row or start a code block.
                    inert.Append(' ');
                    break;
                default:
                    inert.Append(c);
                    break;
            }
        }

        return inert.ToString();
    }
}
