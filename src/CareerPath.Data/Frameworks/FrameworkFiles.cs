using CareerPath.Domain.Frameworks;

namespace CareerPath.Data.Frameworks;

/// <summary>Picks the reader and writer for a framework file by its extension.</summary>
public static class FrameworkFiles
{
    /// <summary>Large enough for 50 roles × 300 skills × 10 levels of rubric text; a bigger upload is refused unread.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The extensions an import accepts, as the file picker's filter.</summary>
    public const string Accept = ".json,.csv,.md";

    public static FrameworkRead Read(string fileName, string text)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            FrameworkJson.Extension => FrameworkJson.Read(text),
            FrameworkCsv.Extension => FrameworkCsv.Read(text, name),
            FrameworkMarkdown.Extension or ".markdown" => FrameworkMarkdown.Read(text, name),
            _ => FrameworkRead.Failed("file", $"'{fileName}' is not a framework file CareerPath reads: use a .json, .csv or .md file."),
        };
    }

    /// <summary>The framework in an export format ("json" or "csv"), with its media type and extension; null for a format there is not.</summary>
    public static (string Content, string MediaType, string Extension)? Write(FrameworkDocument document, string format) => format switch
    {
        "json" => (FrameworkJson.Write(document), FrameworkJson.MediaType, FrameworkJson.Extension),
        "csv" => (FrameworkCsv.Write(document), FrameworkCsv.MediaType, FrameworkCsv.Extension),
        _ => null,
    };
}
