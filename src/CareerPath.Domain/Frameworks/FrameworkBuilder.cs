using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Frameworks;

/// <summary>Something wrong with a framework, where it is (a path such as <c>roles[2].expectedSkills.writing</c>, or a line), and why.</summary>
public sealed record FrameworkProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>A checked framework, or every problem found on the way; never both.</summary>
public sealed record FrameworkBuild(CareerCatalog? Catalog, IReadOnlyList<FrameworkProblem> Problems)
{
    public bool Succeeded => Catalog is not null;
}

/// <summary>
/// Turns a <see cref="FrameworkDocument"/> into a <see cref="CareerCatalog"/>, collecting every problem instead of
/// stopping at the first, so a person fixing a file sees the whole list at once.
/// </summary>
public static class FrameworkBuilder
{
    /// <summary>The time in a role assumed when a framework gives none (forecasts say so).</summary>
    public const int DefaultMonthsInRole = 24;

    public const int MaxLadders = 50;
    public const int MaxRoles = 500;
    public const int MaxSkills = 1000;
    public const int MaxResources = 5000;

    /// <summary>At most this many problems are listed: enough to fix a file by, without letting one file fill memory.</summary>
    public const int MaxProblems = 100;

    /// <summary>Where a problem is reported when it concerns the framework as a whole.</summary>
    public const string Whole = "framework";

    public static FrameworkBuild Build(FrameworkDocument document)
    {
        var problems = new List<FrameworkProblem>();
        void Check(string where, Action action)
        {
            try
            {
                action();
            }
            catch (DomainException ex)
            {
                problems.Add(new(where, ex.Message));
            }
        }

        Limit(problems, "ladders", document.Ladders.Count, MaxLadders);
        Limit(problems, "roles", document.Roles.Count, MaxRoles);
        Limit(problems, "skills", document.Skills.Count, MaxSkills);
        Limit(problems, "growth resources", document.Certifications.Count + document.Degrees.Count + document.GrowthResources.Count, MaxResources);
        if (problems.Count > 0)
        {
            return new FrameworkBuild(null, problems);
        }

        var scale = BuildScale(document, problems);

        var ladders = Keyed(document.Ladders, "ladders", l => l.Slug, problems, (e, i) => new Ladder(e.Slug!, e.Name!, e.Description ?? "", i));
        var categories = Keyed(document.SkillCategories, "skillCategories", c => c.Slug, problems,
            (e, i) => new SkillCategory(e.Slug!, e.Name!, e.Description ?? "", i));

        var skills = Keyed(document.Skills, "skills", s => s.Slug, problems, (e, i) =>
        {
            if (e.Rubric is null || e.Rubric.Count == 0)
            {
                throw new DomainException($"Skill '{e.Slug}' has no rubric: describe each of the scale's levels.");
            }

            return new Skill(e.Slug!, e.Name!, e.Category!, e.Description ?? "", e.Rubric, i);
        }, out var skillAt);
        foreach (var (i, built) in skillAt)
        {
            if (!categories.ContainsKey(built.CategorySlug))
            {
                problems.Add(new($"skills[{i}].category", $"Skill '{built.Slug}' names a category '{built.CategorySlug}' that the framework does not have."));
            }

            if (scale is not null && built.Rubric.Count != scale.Count)
            {
                problems.Add(new($"skills[{i}].rubric", $"Skill '{built.Slug}' describes {built.Rubric.Count} levels; the scale has {scale.Count}."));
            }
        }

        var roles = Keyed(document.Roles, "roles", r => r.Slug, problems, (e, i) =>
        {
            var salary = e.Salary is null ? null : SalaryBand.Create(e.Salary.Min, e.Salary.Max, e.Salary.Currency ?? "USD");
            return new Role(e.Slug!, e.Name!, e.Ladder!, e.Seniority ?? throw new DomainException($"Role '{e.Slug}' has no seniority (1 for the most junior)."),
                e.IsEntryPoint, e.Summary ?? "", e.Description ?? "", e.Responsibilities ?? [], salary, e.TypicalMonthsInRole ?? DefaultMonthsInRole);
        }, out var roleAt);
        foreach (var (i, role) in roleAt)
        {
            var entry = document.Roles[i];
            var slug = role.Slug;

            if (!ladders.ContainsKey(role.LadderSlug))
            {
                problems.Add(new($"roles[{i}].ladder", $"Role '{slug}' is on a ladder '{role.LadderSlug}' that the framework does not have."));
            }

            foreach (var (skill, level) in entry.ExpectedSkills ?? new Dictionary<string, int>())
            {
                var where = $"roles[{i}].expectedSkills.{skill}";
                if (!skills.ContainsKey(skill))
                {
                    problems.Add(new(where, $"Role '{slug}' expects a skill '{skill}' that the framework does not have."));
                }
                else if (scale is not null && !scale.Contains(level))
                {
                    problems.Add(new(where, $"Role '{slug}' expects level {level} of '{skill}'; the scale runs from 1 to {scale.Count}."));
                }
                else
                {
                    Check(where, () => role.Expect(skill, ProficiencyLevel.From(level)));
                }
            }
        }

        foreach (var (i, role) in roleAt)
        {
            var entry = document.Roles[i];
            var slug = role.Slug;
            if (entry.NextRoles is null)
            {
                continue;
            }

            var unknown = entry.NextRoles.Where(n => !roles.ContainsKey(n)).ToList();
            foreach (var next in unknown)
            {
                problems.Add(new($"roles[{i}].nextRoles", $"Role '{slug}' leads into a role '{next}' that the framework does not have."));
            }

            Check($"roles[{i}].nextRoles", () => role.SetNextRoles(entry.NextRoles.Except(unknown).Select(n => roles[n])));
        }

        var tracks = Keyed(document.Tracks, "tracks", t => t.Slug, problems,
            (e, i) => new Track(e.Slug!, e.Name!, e.Focus!, e.Description!, e.KeySkills ?? [], i));
        foreach (var (entry, i) in document.Tracks.Select((t, i) => (t, i)))
        {
            foreach (var skill in (entry.KeySkills ?? []).Where(s => !skills.ContainsKey(s)))
            {
                problems.Add(new($"tracks[{i}].keySkills", $"Track '{entry.Slug}' names a skill '{skill}' that the framework does not have."));
            }
        }

        var resourceEntries = document.Certifications.Select((e, i) => (e, Where: $"certifications[{i}]", Kind: (GrowthResourceKind?)GrowthResourceKind.Certification))
            .Concat(document.Degrees.Select((e, i) => (e, Where: $"degrees[{i}]", Kind: (GrowthResourceKind?)GrowthResourceKind.Degree)))
            .Concat(document.GrowthResources.Select((e, i) => (e, Where: $"growthResources[{i}]", Kind: ParseKind(e.Kind))))
            .ToList();
        var resources = new Dictionary<string, GrowthResource>(StringComparer.Ordinal);
        foreach (var (entry, where, kind) in resourceEntries)
        {
            if (kind is null)
            {
                problems.Add(new($"{where}.kind", $"Growth resource '{entry.Slug}' has an unknown kind '{entry.Kind}'; use one of: {string.Join(", ", Enum.GetNames<GrowthResourceKind>())}."));
                continue;
            }

            Check(where, () =>
            {
                var resource = new GrowthResource(entry.Slug!, kind.Value, entry.Name!, entry.Abbreviation, entry.Description!, entry.Skills ?? [],
                    entry.TypicalWeeks, entry.ApproxCostUsd);
                if (!resources.TryAdd(resource.Slug, resource))
                {
                    throw new DomainException($"Two growth resources are called '{resource.Slug}'.");
                }
            });
            foreach (var skill in (entry.Skills ?? []).Where(s => !skills.ContainsKey(s)))
            {
                problems.Add(new($"{where}.skills", $"Growth resource '{entry.Slug}' builds a skill '{skill}' that the framework does not have."));
            }
        }

        var factors = Keyed(document.CareerFactors, "careerFactors", f => f.Slug, problems, (e, i) => new CareerFactor(e.Slug!, e.Name!, e.Score, e.Description!, i));
        var steps = new List<CareerStep>();
        foreach (var (entry, i) in document.StepsToTpm.Select((s, i) => (s, i)))
        {
            Check($"stepsToTpm[{i}]", () => steps.Add(new CareerStep(entry.Order, entry.Title!, entry.Description!)));
        }

        if (document.Skills.Count == 0)
        {
            problems.Add(new("skills", "The framework has no skills: list at least one, with a rubric."));
        }

        if (document.Roles.Count == 0)
        {
            problems.Add(new("roles", "The framework has no roles: list at least one."));
        }

        if (problems.Count > 0 || scale is null)
        {
            return new FrameworkBuild(null, Capped(problems));
        }

        try
        {
            var catalog = new CareerCatalog(ladders.Values, roles.Values, categories.Values, skills.Values, tracks.Values, resources.Values,
                factors.Values, steps, scale, typicalTimesAssumed: document.Roles.All(r => r.TypicalMonthsInRole is null));
            return new FrameworkBuild(catalog, []);
        }
        catch (DomainException ex)
        {
            return new FrameworkBuild(null, [new(Whole, ex.Message)]);
        }
    }

    /// <summary>The first <see cref="MaxProblems"/> problems, and a line saying how many more there are.</summary>
    public static IReadOnlyList<FrameworkProblem> Capped(IReadOnlyList<FrameworkProblem> problems) =>
        problems.Count <= MaxProblems
            ? problems
            : [.. problems.Take(MaxProblems), new(Whole, $"…and {problems.Count - MaxProblems:N0} more problems; fix these first and import again.")];

    private static RatingScale? BuildScale(FrameworkDocument document, List<FrameworkProblem> problems)
    {
        try
        {
            if (document.Scale.Count > 0)
            {
                return new RatingScale(document.Scale.Select(s => new ScaleLevel(s.Name!, s.Description)));
            }

            // No names given: numbered steps, as many as the first rubric describes (every rubric is then checked against it).
            var levels = document.Skills.FirstOrDefault(s => s.Rubric is { Count: > 0 })?.Rubric!.Count;
            return levels is null ? null : RatingScale.Numbered(levels.Value);
        }
        catch (DomainException ex)
        {
            problems.Add(new("scale", ex.Message));
            return null;
        }
    }

    /// <summary>Builds each entry of a section; a duplicate key is a problem and is left out (so it cannot stand in for the first).</summary>
    private static Dictionary<string, T> Keyed<TEntry, T>(
        IReadOnlyList<TEntry> entries, string section, Func<TEntry, string?> slugOf, List<FrameworkProblem> problems, Func<TEntry, int, T> create) =>
        Keyed(entries, section, slugOf, problems, create, out _);

    private static Dictionary<string, T> Keyed<TEntry, T>(
        IReadOnlyList<TEntry> entries, string section, Func<TEntry, string?> slugOf, List<FrameworkProblem> problems, Func<TEntry, int, T> create,
        out Dictionary<int, T> byIndex)
    {
        var built = new Dictionary<string, T>(StringComparer.Ordinal);
        byIndex = [];
        for (var i = 0; i < entries.Count; i++)
        {
            var where = $"{section}[{i}]";
            try
            {
                var item = create(entries[i], i);
                var slug = slugOf(entries[i])!;
                if (built.TryAdd(slug, item))
                {
                    byIndex[i] = item;
                }
                else
                {
                    problems.Add(new(where, $"Two entries in {section} have the key '{slug}'; each needs its own."));
                }
            }
            catch (DomainException ex)
            {
                problems.Add(new(where, ex.Message));
            }
        }

        return built;
    }

    private static void Limit(List<FrameworkProblem> problems, string what, int count, int max)
    {
        if (count > max)
        {
            problems.Add(new(Whole, $"The framework lists {count:N0} {what}; at most {max:N0} are allowed."));
        }
    }

    private static GrowthResourceKind? ParseKind(string? kind) =>
        Enum.TryParse<GrowthResourceKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
