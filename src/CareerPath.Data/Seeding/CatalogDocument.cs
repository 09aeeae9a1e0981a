using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerPath.Data.Seeding;

/// <summary>The JSON shape of the catalog file (docs/catalog-format.md).</summary>
public sealed record CatalogDocument(
    int Version,
    IReadOnlyList<CatalogDocument.LadderEntry> Ladders,
    IReadOnlyList<CatalogDocument.CategoryEntry> SkillCategories,
    IReadOnlyList<CatalogDocument.SkillEntry> Skills,
    IReadOnlyList<CatalogDocument.RoleEntry> Roles,
    IReadOnlyList<CatalogDocument.TrackEntry> Tracks,
    IReadOnlyList<CatalogDocument.ResourceEntry> Certifications,
    IReadOnlyList<CatalogDocument.ResourceEntry> Degrees,
    IReadOnlyList<CatalogDocument.ResourceEntry> GrowthResources,
    IReadOnlyList<CatalogDocument.FactorEntry> CareerFactors,
    IReadOnlyList<CatalogDocument.StepEntry> StepsToTpm)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static CatalogDocument Parse(string json) =>
        JsonSerializer.Deserialize<CatalogDocument>(json, SerializerOptions)
        ?? throw new JsonException("The catalog file is empty.");

    public sealed record LadderEntry(string Slug, string Name, string Description);

    public sealed record CategoryEntry(string Slug, string Name, string Description);

    public sealed record SkillEntry(string Slug, string Name, string Category, string Description, IReadOnlyList<string> Rubric);

    public sealed record SalaryEntry(int Min, int Max, string? Currency);

    public sealed record RoleEntry(
        string Slug,
        string Name,
        string Ladder,
        int Seniority,
        bool IsEntryPoint,
        string Summary,
        string Description,
        IReadOnlyList<string> Responsibilities,
        SalaryEntry? Salary,
        int TypicalMonthsInRole,
        IReadOnlyDictionary<string, int> ExpectedSkills,
        IReadOnlyList<string>? NextRoles);

    public sealed record TrackEntry(string Slug, string Name, string Focus, string Description, IReadOnlyList<string> KeySkills);

    public sealed record ResourceEntry(
        string Slug,
        string Name,
        string? Kind,
        string? Abbreviation,
        string Description,
        IReadOnlyList<string> Skills,
        int TypicalWeeks,
        int ApproxCostUsd);

    public sealed record FactorEntry(string Slug, string Name, int Score, string Description);

    public sealed record StepEntry(int Order, string Title, string Description);
}
