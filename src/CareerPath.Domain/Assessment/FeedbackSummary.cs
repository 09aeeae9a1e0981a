using CareerPath.Domain.Catalog;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Assessment;

/// <summary>
/// One column of a round's results: everyone who answered (<see cref="Relationship"/> null, "All others") or one
/// relationship group. A skill is missing from <see cref="Averages"/> when showing it could point to someone.
/// </summary>
public sealed record FeedbackGroup(Relationship? Relationship, int Responses, IReadOnlyDictionary<string, double> Averages)
{
    public string Label => Relationship is { } r ? FeedbackAggregation.Label(r) : "All others";
}

/// <summary>A skill where others see the user at least one level differently from how they see themselves.</summary>
public sealed record BlindSpot(Skill Skill, int SelfLevel, double OthersAverage)
{
    public double Difference => OthersAverage - SelfLevel;

    public bool OthersRateHigher => Difference > 0;
}

/// <summary>
/// What a closed round shows: only aggregates that no combination of can single out one respondent. Comments carry
/// no name and are in an order unrelated to when they arrived.
/// </summary>
public sealed record FeedbackResults(int AnswerCount, FeedbackGroup Overall, IReadOnlyList<FeedbackGroup> Groups, IReadOnlyList<string> Comments)
{
    /// <summary>Skills where the shown "all others" average is a level or more from the user's own rating.</summary>
    public IReadOnlyList<BlindSpot> BlindSpots(CareerCatalog catalog, IReadOnlyDictionary<string, int>? selfRatings)
    {
        if (selfRatings is null)
        {
            return [];
        }

        return catalog.Skills
            .Where(s => selfRatings.ContainsKey(s.Slug) && Overall.Averages.ContainsKey(s.Slug))
            .Select(s => new BlindSpot(s, selfRatings[s.Slug], Overall.Averages[s.Slug]))
            .Where(b => Math.Abs(b.Difference) >= 1.0)
            .OrderByDescending(b => Math.Abs(b.Difference))
            .ThenBy(b => b.Skill.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One respondent's answers, as the aggregation sees them: no name, no time.</summary>
public sealed record FeedbackAnswer(Relationship Relationship, IReadOnlyDictionary<string, int?> Levels, string? Comment);

public static class FeedbackAggregation
{
    /// <summary>The fewest answers behind any figure that is shown.</summary>
    public const int MinimumGroupSize = 3;

    /// <summary>
    /// Aggregates a round's answers so that no shown figure, alone or subtracted from any other, is one person's
    /// rating. For each skill, counting only the people who rated it:
    /// <list type="bullet">
    /// <item>"All others" is shown only with at least three raters;</item>
    /// <item>a relationship group is shown only with at least three raters, and only while what is left of "all
    /// others" after the shown groups is zero or at least three raters (otherwise the smallest shown group is
    /// hidden, which leaves at least four).</item>
    /// </list>
    /// With fewer than three answers in all, nothing is shown and there are no comments. Comments are sorted by
    /// their text, so their order says nothing about who answered when.
    /// </summary>
    public static FeedbackResults Aggregate(CareerCatalog catalog, IReadOnlyCollection<FeedbackAnswer> answers)
    {
        var overall = new Dictionary<string, double>();
        var groupAverages = Enum.GetValues<Relationship>().ToDictionary(r => r, _ => new Dictionary<string, double>());
        if (answers.Count >= MinimumGroupSize)
        {
            foreach (var skill in catalog.Skills)
            {
                var raters = answers
                    .Where(a => a.Levels.TryGetValue(skill.Slug, out var level) && level is not null)
                    .Select(a => (a.Relationship, Level: a.Levels[skill.Slug]!.Value))
                    .ToList();
                if (raters.Count < MinimumGroupSize)
                {
                    continue;
                }

                overall[skill.Slug] = Average(raters.Select(r => r.Level));
                foreach (var group in ShownGroups(raters))
                {
                    groupAverages[group.Key][skill.Slug] = Average(group.Select(r => r.Level));
                }
            }
        }

        var groups = groupAverages
            .Where(g => g.Value.Count > 0)
            .OrderBy(g => g.Key)
            .Select(g => new FeedbackGroup(g.Key, answers.Count(a => a.Relationship == g.Key), g.Value))
            .ToList();
        var comments = answers.Count < MinimumGroupSize
            ? []
            : answers.Select(a => a.Comment).OfType<string>().Where(c => c.Length > 0).Order(StringComparer.Ordinal).ToList();
        return new FeedbackResults(answers.Count, new FeedbackGroup(null, answers.Count, overall), groups, comments);
    }

    public static string Label(Relationship relationship) => relationship switch
    {
        Relationship.Peer => "Peers",
        Relationship.Mentor => "Mentors",
        Relationship.Supervisor => "Supervisors",
        Relationship.DirectReport => "Direct reports",
        _ => "Others",
    };

    private static List<IGrouping<Relationship, (Relationship Relationship, int Level)>> ShownGroups(List<(Relationship Relationship, int Level)> raters)
    {
        var shown = raters.GroupBy(r => r.Relationship).Where(g => g.Count() >= MinimumGroupSize).ToList();
        var leftOver = raters.Count - shown.Sum(g => g.Count());
        if (leftOver is > 0 and < MinimumGroupSize)
        {
            // Hiding the smallest shown group moves at least three more raters into the remainder.
            var smallest = shown.OrderBy(g => g.Count()).ThenByDescending(g => g.Key).First();
            shown.Remove(smallest);
        }

        return shown;
    }

    private static double Average(IEnumerable<int> levels) => Math.Round(levels.Average(), 2);
}
