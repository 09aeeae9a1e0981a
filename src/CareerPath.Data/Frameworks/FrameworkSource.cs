using System.Globalization;
using System.Text;
using CareerPath.Domain.Frameworks;

namespace CareerPath.Data.Frameworks;

/// <summary>Keys for formats that only have names: the name in lower-case ASCII with hyphens, as the slug pattern requires.</summary>
public static class FrameworkKeys
{
    /// <summary>
    /// "Comunicação" becomes "comunicacao", "Senior PM (EMEA)" becomes "senior-pm-emea". A name with no Latin letters
    /// or digits (emoji, Cyrillic, CJK) gets <paramref name="fallback"/>, such as "skill-3", so every name has a key.
    /// </summary>
    public static string FromName(string? name, string fallback)
    {
        var key = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var ascii = lower switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => lower.ToString(),
                // Letters that do not decompose into a base letter and a mark.
                'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'ø' => "o", 'ł' => "l", 'đ' => "d", 'ð' => "d", 'þ' => "th", 'ı' => "i",
                _ => "-",
            };
            if (ascii != "-" || (key.Length > 0 && key[^1] != '-'))
            {
                key.Append(ascii);
            }
        }

        var slug = key.ToString().Trim('-');
        if (slug.Length > Domain.Common.Slug.MaxLength)
        {
            slug = slug[..Domain.Common.Slug.MaxLength].TrimEnd('-');
        }

        return slug.Length == 0 ? fallback : slug;
    }
}

/// <summary>
/// Where each part of a document came from in the user's file, so that the builder's problems (reported against
/// document paths such as <c>roles[1].expectedSkills.writing</c>) can be told by line and column instead.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Row, string? Column)> _places = new(StringComparer.Ordinal);

    public void Add(string path, int line, string? column = null, int row = 0) => _places[path] = (line, row, column);

    /// <summary>Builds the document and, when it fails, returns every problem located in the file; nothing partial.</summary>
    public FrameworkRead Check(FrameworkDocument document)
    {
        var build = FrameworkBuilder.Build(document);
        return build.Succeeded ? new FrameworkRead(document, []) : new FrameworkRead(null, build.Problems.Select(Locate).Distinct().ToList());
    }

    // The most specific path known wins: "roles[1].expectedSkills.writing", else "roles[1]", else "roles".
    private FrameworkProblem Locate(FrameworkProblem problem)
    {
        var path = problem.Where;
        while (true)
        {
            if (_places.TryGetValue(path, out var place))
            {
                return problem with { Where = Place(place.Line, place.Column, place.Row) };
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return problem;
            }

            path = path[..cut];
        }
    }

    /// <summary>
    /// "line 5, column 'Role: Senior PM'". A spreadsheet row with line breaks in its cells spans several lines of the
    /// file, so when the two differ the row a spreadsheet shows is given too: "line 5 (row 3)".
    /// </summary>
    public static string Place(int line, string? column = null, int row = 0) =>
        $"line {line}" + (row > 0 && row != line ? $" (row {row})" : "") + (column is null ? "" : $", column '{column}'");
}
