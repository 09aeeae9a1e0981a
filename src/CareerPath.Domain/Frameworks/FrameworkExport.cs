using CareerPath.Domain.Catalog;
using CareerPath.Domain.Growth;

namespace CareerPath.Domain.Frameworks;

/// <summary>Writes a checked framework back out as a <see cref="FrameworkDocument"/>, which every export format serialises.</summary>
public static class FrameworkExport
{
    public static FrameworkDocument ToDocument(CareerCatalog catalog, string? name = null, string? description = null, int version = 1) => new()
    {
        Version = version,
        Name = name,
        Description = description,
        Scale = catalog.Scale.Levels.Select(l => new FrameworkDocument.ScaleEntry(l.Name, l.Description)).ToList(),
        Ladders = catalog.Ladders.Select(l => new FrameworkDocument.LadderEntry(l.Slug, l.Name, Optional(l.Description))).ToList(),
        SkillCategories = catalog.Categories.Select(c => new FrameworkDocument.CategoryEntry(c.Slug, c.Name, Optional(c.Description))).ToList(),
        Skills = catalog.Skills.Select(s => new FrameworkDocument.SkillEntry(s.Slug, s.Name, s.CategorySlug, Optional(s.Description), s.Rubric.ToList())).ToList(),
        Roles = catalog.Roles.Select(r => new FrameworkDocument.RoleEntry
        {
            Slug = r.Slug,
            Name = r.Name,
            Ladder = r.LadderSlug,
            Seniority = r.Seniority,
            IsEntryPoint = r.IsEntryPoint,
            Summary = Optional(r.Summary),
            Description = Optional(r.Description),
            Responsibilities = r.Responsibilities.ToList(),
            Salary = r.Salary is { } s ? new FrameworkDocument.SalaryEntry(s.Min, s.Max, s.Currency) : null,
            // An assumed time is not the framework's: written out, it would read as given on the way back in.
            TypicalMonthsInRole = catalog.TypicalTimesAssumed ? null : r.TypicalMonthsInRole,
            // In the framework's skill order, so an export reads like the skills page.
            ExpectedSkills = catalog.Skills.Where(s => r.ExpectedLevel(s.Slug) is not null)
                .ToDictionary(s => s.Slug, s => r.ExpectedLevel(s.Slug)!.Value.Value, StringComparer.Ordinal),
            NextRoles = r.NextRoles.Count == 0 ? null : r.NextRoles.Select(n => n.ToRoleSlug).ToList(),
        }).ToList(),
        Tracks = catalog.Tracks.Select(t => new FrameworkDocument.TrackEntry(t.Slug, t.Name, t.Focus, t.Description, t.KeySkillSlugs.ToList())).ToList(),
        Certifications = Resources(catalog, GrowthResourceKind.Certification, withKind: false),
        Degrees = Resources(catalog, GrowthResourceKind.Degree, withKind: false),
        GrowthResources = catalog.Resources.Where(r => r.Kind is not (GrowthResourceKind.Certification or GrowthResourceKind.Degree))
            .Select(r => Resource(r, withKind: true)).ToList(),
        CareerFactors = catalog.Factors.Select(f => new FrameworkDocument.FactorEntry(f.Slug, f.Name, f.Score, f.Description)).ToList(),
        StepsToTpm = catalog.Steps.Select(s => new FrameworkDocument.StepEntry(s.Order, s.Title, s.Description)).ToList(),
    };

    private static List<FrameworkDocument.ResourceEntry> Resources(CareerCatalog catalog, GrowthResourceKind kind, bool withKind) =>
        catalog.ResourcesOfKind(kind).Select(r => Resource(r, withKind)).ToList();

    private static FrameworkDocument.ResourceEntry Resource(GrowthResource r, bool withKind) => new()
    {
        Slug = r.Slug,
        Name = r.Name,
        Kind = withKind ? r.Kind.ToString() : null,
        Abbreviation = r.Abbreviation,
        Description = r.Description,
        Skills = r.SkillSlugs.ToList(),
        TypicalWeeks = r.TypicalWeeks,
        ApproxCostUsd = r.ApproxCostUsd,
    };

    private static string? Optional(string text) => text.Length == 0 ? null : text;
}
