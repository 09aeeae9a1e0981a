using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareerPath.Domain.Frameworks;

namespace CareerPath.Data.Frameworks;

/// <summary>What a reader made of a file: a document, or the problems that stopped it (never both).</summary>
public sealed record FrameworkRead(FrameworkDocument? Document, IReadOnlyList<FrameworkProblem> Problems)
{
    public static FrameworkRead Failed(string where, string message) => new(null, [new FrameworkProblem(where, message)]);
}

/// <summary>The app's own framework format (docs/frameworks.md): the seeded catalog file's shape, generalised.</summary>
public static class FrameworkJson
{
    public const string MediaType = "application/json";
    public const string Extension = ".json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Text in any language and script stays readable in an exported file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new RubricLevelConverter() },
    };

    public static FrameworkRead Read(string json)
    {
        try
        {
            var document = JsonSerializer.Deserialize<FrameworkDocument>(json, Options);
            return document is null ? FrameworkRead.Failed("file", "The file is empty: it should hold one framework object.") : new(document, []);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}" + (ex.Path is { Length: > 1 } path ? $" ({path.TrimStart('$', '.')})" : "") : "file";
            return FrameworkRead.Failed(where, Explain(ex));
        }
    }

    public static string Write(FrameworkDocument document) => JsonSerializer.Serialize(document, Options);

    // System.Text.Json's messages name .NET types; say what is wrong in the file's terms instead.
    private static string Explain(JsonException ex) => ex.Message switch
    {
        var m when m.Contains("could not be converted to System.Int32", StringComparison.Ordinal) => "A whole number is expected here.",
        var m when m.Contains("could not be converted to System.Boolean", StringComparison.Ordinal) => "true or false is expected here.",
        var m when m.Contains("could not be converted to System.String", StringComparison.Ordinal) => "A text in double quotes is expected here.",
        var m when m.Contains("could not be converted", StringComparison.Ordinal) => "This value has the wrong shape (a list, an object, a text or a number was expected).",
        var m when m.Contains("rubric level", StringComparison.Ordinal) => m,
        _ => "This is not valid JSON: check for a missing comma, quote or bracket.",
    };
}
