using CareerPath.Domain.Catalog;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Roadmaps;

/// <summary>A skill short of what a step's role expects, measured from the level the user will have by then.</summary>
public sealed record StepGap(Skill Skill, int FromLevel, int RequiredLevel)
{
    public int Shortfall => RequiredLevel - FromLevel;
}

/// <summary>A catalog resource proposed for a step, with the gaps it helps close and why.</summary>
public sealed record Suggestion(GrowthResource Resource, IReadOnlyList<StepGap> Closes, string Reason);

public sealed record RoadmapStep(Role Role, Role From, int EstimatedMonthsBefore, IReadOnlyList<StepGap> Gaps, IReadOnlyList<Suggestion> Suggestions);

public sealed record RoadmapPlan(RolePath Path, IReadOnlyList<RoadmapStep> Steps)
{
    public int TotalEstimatedMonths => Steps.Sum(s => s.EstimatedMonthsBefore);

    public int TotalSuggestedCostUsd => Steps.SelectMany(s => s.Suggestions).Sum(s => s.Resource.ApproxCostUsd);

    public int TotalSuggestedWeeks => Steps.SelectMany(s => s.Suggestions).Sum(s => s.Resource.TypicalWeeks);
}

public static class RoadmapPlanner
{
    /// <summary>At most this many suggestions per step, so a plan stays something a person can act on.</summary>
    public const int MaxSuggestionsPerStep = 6;

    /// <summary>
    /// Blends a self-rating with the average of others' ratings: the mean of the two, with halves rounded down so
    /// the plan never assumes more skill than the evidence supports.
    /// </summary>
    public static int Blend(int self, double? othersAverage) =>
        othersAverage is null ? self : Math.Clamp((int)Math.Ceiling(((self + othersAverage.Value) / 2) - 0.5), ProficiencyLevel.Min, ProficiencyLevel.Max);

    /// <summary>
    /// Plans the steps from the start to the target: at each step the gaps against that role's expectations, from
    /// the levels the user will have once earlier steps' gaps are closed, and catalog resources that close them.
    /// Pure and deterministic: same inputs, same plan.
    /// </summary>
    public static RoadmapPlan Plan(CareerCatalog catalog, RolePath path, IReadOnlyDictionary<string, int> levels, string? trackSlug = null)
    {
        if (!path.Found)
        {
            return new RoadmapPlan(path, []);
        }

        var keySkills = catalog.Tracks.FirstOrDefault(t => t.Slug == trackSlug)?.KeySkillSlugs.ToHashSet() ?? [];
        var projected = catalog.Skills.ToDictionary(s => s.Slug, s => levels.TryGetValue(s.Slug, out var l) ? l : ProficiencyLevel.Min);
        var steps = new List<RoadmapStep>();
        for (var i = 1; i < path.Roles.Count; i++)
        {
            var role = path.Roles[i];
            var from = path.Roles[i - 1];
            var gaps = new List<StepGap>();
            foreach (var skill in catalog.Skills)
            {
                var required = role.ExpectedLevel(skill.Slug)?.Value ?? ProficiencyLevel.Min;
                if (projected[skill.Slug] < required)
                {
                    gaps.Add(new StepGap(skill, projected[skill.Slug], required));
                    projected[skill.Slug] = required;
                }
            }

            var ordered = gaps.OrderByDescending(g => g.Shortfall).ThenByDescending(g => keySkills.Contains(g.Skill.Slug)).ThenBy(g => g.Skill.Name, StringComparer.Ordinal).ToList();
            steps.Add(new RoadmapStep(role, from, from.TypicalMonthsInRole, ordered, Suggest(catalog, ordered, keySkills)));
        }

        return new RoadmapPlan(path, steps);
    }

    /// <summary>
    /// Greedy cover: repeatedly takes the resource that closes the most still-uncovered gaps (weighted by shortfall
    /// and track relevance), cheaper and shorter first on ties, until every gap is covered or the step is full.
    /// </summary>
    private static List<Suggestion> Suggest(CareerCatalog catalog, IReadOnlyList<StepGap> gaps, HashSet<string> keySkills)
    {
        var suggestions = new List<Suggestion>();
        var uncovered = new Dictionary<string, StepGap>(gaps.Count, StringComparer.Ordinal);
        var candidates = new HashSet<GrowthResource>();
        foreach (var gap in gaps)
        {
            uncovered[gap.Skill.Slug] = gap;
            candidates.UnionWith(catalog.ResourcesFor(gap.Skill.Slug));
        }

        while (uncovered.Count > 0 && suggestions.Count < MaxSuggestionsPerStep)
        {
            GrowthResource? bestResource = null;
            var bestScore = 0;
            foreach (var resource in candidates)
            {
                var score = Score(resource, uncovered, keySkills);
                if (score > bestScore || (score == bestScore && score > 0 && IsCheaper(resource, bestResource!)))
                {
                    bestResource = resource;
                    bestScore = score;
                }
            }

            if (bestResource is null)
            {
                break;
            }

            var closes = new List<StepGap>();
            foreach (var skill in bestResource.SkillSlugs)
            {
                if (uncovered.Remove(skill, out var gap))
                {
                    closes.Add(gap);
                }
            }

            suggestions.Add(new Suggestion(bestResource, closes, Explain(bestResource, closes)));
            candidates.Remove(bestResource);
        }

        return suggestions;
    }

    private static int Score(GrowthResource resource, Dictionary<string, StepGap> uncovered, HashSet<string> keySkills)
    {
        var score = 0;
        foreach (var skill in resource.SkillSlugs)
        {
            if (uncovered.TryGetValue(skill, out var gap))
            {
                score += (gap.Shortfall * 10) + (keySkills.Contains(skill) ? 5 : 0);
            }
        }

        return score;
    }

    private static bool IsCheaper(GrowthResource a, GrowthResource b) =>
        (a.ApproxCostUsd, a.TypicalWeeks, a.Slug).CompareTo((b.ApproxCostUsd, b.TypicalWeeks, b.Slug)) < 0;

    private static string Explain(GrowthResource resource, IReadOnlyList<StepGap> closes) =>
        $"Builds {string.Join(", ", closes.Select(g => $"{g.Skill.Name} (from {g.FromLevel} to the {g.RequiredLevel} the role expects)"))}"
        + resource.Kind switch
        {
            GrowthResourceKind.CrossFunctionalProject or GrowthResourceKind.LeadershipRole => ", through real work you can point to.",
            GrowthResourceKind.Mentorship => ", with guidance from someone who has done it.",
            GrowthResourceKind.Certification or GrowthResourceKind.Degree => ", with a credential employers recognise.",
            GrowthResourceKind.Conference or GrowthResourceKind.ProfessionalAssociation or GrowthResourceKind.NetworkingCommunity => ", and widens your network.",
            _ => ".",
        };
}
