using CareerPath.Domain.Catalog;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Assessment;

/// <summary>
/// One skill compared with what the current and the target role expect; an expectation is null where the role does
/// not expect the skill at all.
/// </summary>
public sealed record SkillComparison(
    Skill Skill,
    int SelfLevel,
    int? CurrentExpected,
    int? TargetExpected,
    double? OthersAverage,
    bool AgainstTarget = false)
{
    /// <summary>The level to measure against: the target role's if one is chosen, else the current role's.</summary>
    public int? Benchmark => AgainstTarget ? TargetExpected : CurrentExpected;

    /// <summary>Levels short of the benchmark (0 when at or above it, or when the skill is not expected).</summary>
    public int Shortfall => Benchmark is { } benchmark ? Math.Max(0, benchmark - SelfLevel) : 0;

    public bool IsGap => Shortfall > 0;

    /// <summary>Whether the role measured against expects this skill at all.</summary>
    public bool IsExpected => Benchmark is not null;
}

/// <summary>Strengths and gaps of one audit against a current and an optional target role.</summary>
public sealed record GapReport(
    Role CurrentRole,
    Role? TargetRole,
    IReadOnlyList<SkillComparison> Skills,
    IReadOnlyList<SkillComparison> Strengths,
    IReadOnlyList<SkillComparison> Gaps);

public static class GapAnalysis
{
    /// <summary>
    /// Compares ratings with expectations. Gaps are ranked by how far below the benchmark the rating is, then by
    /// how much the benchmark role needs the skill, then by catalog order, so the ranking is deterministic.
    /// </summary>
    public static GapReport Analyze(
        CareerCatalog catalog,
        IReadOnlyDictionary<string, int> ratings,
        Role currentRole,
        Role? targetRole,
        IReadOnlyDictionary<string, double>? othersAverage = null)
    {
        var comparisons = new List<SkillComparison>();
        foreach (var skill in catalog.Skills)
        {
            if (!ratings.TryGetValue(skill.Slug, out var self))
            {
                continue;
            }

            comparisons.Add(new SkillComparison(
                skill,
                self,
                currentRole.ExpectedLevel(skill.Slug)?.Value,
                targetRole?.ExpectedLevel(skill.Slug)?.Value,
                othersAverage is not null && othersAverage.TryGetValue(skill.Slug, out var avg) ? avg : null,
                AgainstTarget: targetRole is not null));
        }

        var order = catalog.Skills.Select((s, i) => (s.Slug, i)).ToDictionary(x => x.Slug, x => x.i);
        var gaps = comparisons.Where(c => c.IsGap)
            .OrderByDescending(c => c.Shortfall)
            .ThenByDescending(c => c.Benchmark)
            .ThenBy(c => order[c.Skill.Slug])
            .ToList();
        // A skill the role does not expect is neither a strength nor a gap; it stays in the full list.
        var strengths = comparisons.Where(c => c.IsExpected && !c.IsGap)
            .OrderByDescending(c => c.SelfLevel - c.Benchmark)
            .ThenByDescending(c => c.SelfLevel)
            .ThenBy(c => order[c.Skill.Slug])
            .ToList();
        return new GapReport(currentRole, targetRole, comparisons, strengths, gaps);
    }

    /// <summary>What moved between two audits: skills whose rating changed, largest change first.</summary>
    public static IReadOnlyList<RatingChange> Changes(CareerCatalog catalog, SkillAudit previous, SkillAudit current) =>
        Changes(catalog, AuditLevels.Of(previous).Levels, AuditLevels.Of(current).Levels);

    /// <summary>The skills rated in both audits whose level moved, the biggest moves first.</summary>
    public static IReadOnlyList<RatingChange> Changes(CareerCatalog catalog, IReadOnlyDictionary<string, int> previous, IReadOnlyDictionary<string, int> current) =>
        catalog.Skills
            .Select(s => (Skill: s, Before: previous.TryGetValue(s.Slug, out var b) ? b : (int?)null, After: current.TryGetValue(s.Slug, out var a) ? a : (int?)null))
            .Where(x => x.Before is not null && x.After is not null && x.Before != x.After)
            .Select(x => new RatingChange(x.Skill, x.Before!.Value, x.After!.Value))
            .OrderByDescending(c => Math.Abs(c.Delta))
            .ThenBy(c => c.Skill.Name, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// A finished audit as results pages show it: the role it was made as, when, and the level given to each skill.
/// Plain data, so a prerendered page can hand it to its live circuit; no evidence notes, which results do not show.
/// Its levels are read on the framework version it was made against (<paramref name="FrameworkVersionId"/>).
/// </summary>
public sealed record AuditLevels(Guid Id, string CurrentRoleSlug, DateTime? CompletedAtUtc, IReadOnlyDictionary<string, int> Levels, Guid? FrameworkVersionId = null)
{
    public static AuditLevels Of(SkillAudit audit) =>
        new(audit.Id, audit.CurrentRoleSlug, audit.CompletedAtUtc, audit.Ratings.ToDictionary(r => r.SkillSlug, r => r.Level.Value, StringComparer.Ordinal),
            audit.FrameworkVersionId);
}

public sealed record RatingChange(Skill Skill, int Before, int After)
{
    public int Delta => After - Before;
}
