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
public sealed record Suggestion(GrowthResource Resource, IReadOnlyList<StepGap> Closes)
{
    /// <summary>Why this resource: worded when shown, so planning a roadmap does not build text nobody reads.</summary>
    public string Reason => RoadmapPlanner.Explain(Resource, Closes);
}

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

    /// <summary>The highest sort priority of a gap: the largest shortfall, doubled, plus one for a key skill.</summary>
    private const int MaxPriority = ((ProficiencyLevel.Max - ProficiencyLevel.Min) * 2) + 1;

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

        var index = catalog.PlannerIndex;
        var skills = index.Skills;
        var isKey = new bool[skills.Count];
        if (catalog.Tracks.FirstOrDefault(t => t.Slug == trackSlug) is { } track)
        {
            foreach (var slug in track.KeySkillSlugs)
            {
                isKey[index.SkillIndex[slug]] = true;
            }
        }

        var projected = new int[skills.Count];
        for (var s = 0; s < projected.Length; s++)
        {
            // Within the rubric's levels, whatever the caller passes (0 for "not rated", say): the sort key relies on it.
            projected[s] = levels.TryGetValue(skills[s].Slug, out var level) ? Math.Clamp(level, ProficiencyLevel.Min, ProficiencyLevel.Max) : ProficiencyLevel.Min;
        }

        var scratch = new SuggestScratch(skills.Count, index.Resources.Count);
        var steps = new List<RoadmapStep>(path.Roles.Count - 1);
        for (var i = 1; i < path.Roles.Count; i++)
        {
            var role = path.Roles[i];
            var from = path.Roles[i - 1];
            var expected = index.Expected[index.RoleIndex(role.Slug)];
            // Order: biggest shortfall first, then the track's key skills, then by name. One integer per gap carries
            // all three (priority, then the skill's rank by name), so sorting compares numbers, not strings.
            var sortKeys = scratch.SortKeys.AsSpan();
            var count = 0;
            for (var s = 0; s < projected.Length; s++)
            {
                if (projected[s] < expected[s])
                {
                    var priority = ((expected[s] - projected[s]) * 2) + (isKey[s] ? 1 : 0);
                    sortKeys[count++] = ((MaxPriority - priority) * skills.Count) + index.NameRank[s];
                    scratch.FromLevel[s] = projected[s];
                    projected[s] = expected[s];
                }
            }

            sortKeys[..count].Sort();
            var gaps = scratch.Gaps;
            gaps.Clear();
            foreach (var key in sortKeys[..count])
            {
                var s = index.ByNameRank[key % skills.Count];
                gaps.Add((new StepGap(skills[s], scratch.FromLevel[s], expected[s]), s));
            }

            var ordered = new StepGap[gaps.Count];
            for (var g = 0; g < ordered.Length; g++)
            {
                ordered[g] = gaps[g].Gap;
            }

            steps.Add(new RoadmapStep(role, from, from.TypicalMonthsInRole, ordered, Suggest(index, gaps, isKey, scratch)));
        }

        return new RoadmapPlan(path, steps);
    }

    /// <summary>Arrays one plan reuses for each of its steps.</summary>
    private sealed class SuggestScratch(int skills, int resources)
    {
        /// <summary>Per skill: the weight of its still-uncovered gap (0 when there is none or it is covered).</summary>
        public readonly int[] Weight = new int[skills];

        /// <summary>Per skill: its gap in this step.</summary>
        public readonly StepGap?[] Gap = new StepGap?[skills];

        /// <summary>Per resource: the total weight of the uncovered gaps it builds, or -1 when it is not a candidate.</summary>
        public readonly int[] Score = Fill(new int[resources], -1);

        /// <summary>The resources that build at least one of this step's gaps: the first entries, as many as a step has.</summary>
        public readonly int[] Candidates = new int[resources];

        /// <summary>Per gap, its sort key (see <see cref="Plan"/>).</summary>
        public readonly int[] SortKeys = new int[skills];

        /// <summary>Per skill: the level a gap starts from.</summary>
        public readonly int[] FromLevel = new int[skills];

        /// <summary>This step's gaps with their skill's position, reused step after step.</summary>
        public readonly List<(StepGap Gap, int Skill)> Gaps = new(skills);

        private static int[] Fill(int[] array, int value)
        {
            Array.Fill(array, value);
            return array;
        }
    }

    /// <summary>
    /// Greedy cover: repeatedly takes the resource that closes the most still-uncovered gaps (weighted by shortfall
    /// and track relevance), cheaper and shorter first on ties, until every gap is covered or the step is full.
    /// Each resource's score is kept up to date as gaps are covered, so a round is one pass over the candidates.
    /// </summary>
    private static List<Suggestion> Suggest(PlannerIndex index, List<(StepGap Gap, int Skill)> gaps, bool[] isKey, SuggestScratch scratch)
    {
        var (weight, gapOf, score) = (scratch.Weight, scratch.Gap, scratch.Score);
        var candidates = scratch.Candidates.AsSpan();
        var count = 0;
        foreach (var (gap, skill) in gaps)
        {
            weight[skill] = (gap.Shortfall * 10) + (isKey[skill] ? 5 : 0);
            gapOf[skill] = gap;
        }

        foreach (var (_, skill) in gaps)
        {
            foreach (var resource in index.ResourcesBySkill[skill])
            {
                if (score[resource] < 0)
                {
                    var total = 0;
                    foreach (var built in index.ResourceSkills[resource])
                    {
                        total += weight[built];
                    }

                    score[resource] = total;
                    candidates[count++] = resource;
                }
            }
        }

        var uncovered = gaps.Count;
        var suggestions = new List<Suggestion>();
        while (uncovered > 0 && suggestions.Count < MaxSuggestionsPerStep)
        {
            var best = -1;
            var bestScore = 0;
            foreach (var resource in candidates[..count])
            {
                var candidateScore = score[resource];
                if (candidateScore > bestScore || (candidateScore == bestScore && candidateScore > 0 && IsCheaper(index.Resources[resource], index.Resources[best])))
                {
                    best = resource;
                    bestScore = candidateScore;
                }
            }

            if (best < 0)
            {
                break;
            }

            var closes = new List<StepGap>();
            foreach (var skill in index.ResourceSkills[best])
            {
                if (weight[skill] > 0)
                {
                    closes.Add(gapOf[skill]!);
                    foreach (var other in index.ResourcesBySkill[skill])
                    {
                        score[other] -= weight[skill];
                    }

                    weight[skill] = 0;
                    uncovered--;
                }
            }

            suggestions.Add(new Suggestion(index.Resources[best], closes));
            score[best] = 0;
        }

        // Leave the scratch arrays as they were found, for the next step.
        foreach (var (_, skill) in gaps)
        {
            weight[skill] = 0;
            gapOf[skill] = null;
        }

        foreach (var resource in candidates[..count])
        {
            score[resource] = -1;
        }

        return suggestions;
    }

    private static bool IsCheaper(GrowthResource a, GrowthResource b) =>
        (a.ApproxCostUsd, a.TypicalWeeks, a.Slug).CompareTo((b.ApproxCostUsd, b.TypicalWeeks, b.Slug)) < 0;

    internal static string Explain(GrowthResource resource, IReadOnlyList<StepGap> closes) =>
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
