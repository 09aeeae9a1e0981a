using CareerPath.Domain.Catalog;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Assessment;

/// <summary>Answers pooled for display: one relationship group, or the unattributed pool.</summary>
public sealed record FeedbackGroup(string Label, Relationship? Relationship, int Responses, IReadOnlyDictionary<string, double> Averages);

/// <summary>A skill where others see the user at least one level differently from how they see themselves.</summary>
public sealed record BlindSpot(Skill Skill, int SelfLevel, double OthersAverage)
{
    public double Difference => OthersAverage - SelfLevel;

    public bool OthersRateHigher => Difference > 0;
}

public sealed record FeedbackSummary(
    int ResponseCount,
    IReadOnlyList<FeedbackGroup> Groups,
    IReadOnlyDictionary<string, double> OthersAverage,
    IReadOnlyList<BlindSpot> BlindSpots,
    IReadOnlyList<string> Comments);

public static class FeedbackAggregation
{
    /// <summary>Below this many responses a relationship group is not shown on its own.</summary>
    public const int MinimumGroupSize = 2;

    /// <summary>
    /// Aggregates answered requests by relationship. Groups with fewer than two responses are pooled into one
    /// unattributed group, shown only if the pool itself has two or more; a single supervisor's answers never get a
    /// column of their own. Comments are returned in a
    /// stable order that does not follow the order people answered in.
    /// </summary>
    public static FeedbackSummary Summarize(CareerCatalog catalog, IEnumerable<FeedbackRequest> requests, IReadOnlyDictionary<string, int>? selfRatings)
    {
        var answered = requests.Where(r => r.SubmittedAtUtc is not null).ToList();
        var groups = new List<FeedbackGroup>();
        var pooled = new List<FeedbackRequest>();
        foreach (var group in answered.GroupBy(r => r.Relationship).OrderBy(g => g.Key))
        {
            if (group.Count() >= MinimumGroupSize)
            {
                groups.Add(new FeedbackGroup(Label(group.Key), group.Key, group.Count(), Averages(catalog, group)));
            }
            else
            {
                pooled.AddRange(group);
            }
        }

        // The pool is shown only when it is itself big enough; otherwise its answers count towards the overall
        // average alone, so no column is one person's answers.
        if (pooled.Count >= MinimumGroupSize)
        {
            groups.Add(new FeedbackGroup(groups.Count == 0 ? "Others" : "Others (small groups pooled)", null, pooled.Count, Averages(catalog, pooled)));
        }

        var overall = Averages(catalog, answered);
        var blindSpots = new List<BlindSpot>();
        if (selfRatings is not null)
        {
            foreach (var skill in catalog.Skills)
            {
                if (selfRatings.TryGetValue(skill.Slug, out var self) && overall.TryGetValue(skill.Slug, out var others) && Math.Abs(others - self) >= 1.0)
                {
                    blindSpots.Add(new BlindSpot(skill, self, others));
                }
            }
        }

        // One person's comment, with only one person answering, would be theirs by name: wait for a second.
        var comments = answered.Count < MinimumGroupSize ? [] : answered.Where(r => r.Comment is not null).Select(r => r.Comment!).Order(StringComparer.Ordinal).ToList();
        return new FeedbackSummary(
            answered.Count,
            groups,
            overall,
            blindSpots.OrderByDescending(b => Math.Abs(b.Difference)).ThenBy(b => b.Skill.Name, StringComparer.Ordinal).ToList(),
            comments);
    }

    public static string Label(Relationship relationship) => relationship switch
    {
        Relationship.Peer => "Peers",
        Relationship.Mentor => "Mentors",
        Relationship.Supervisor => "Supervisors",
        Relationship.DirectReport => "Direct reports",
        _ => "Others",
    };

    /// <summary>A skill's average is shown only when at least two people rated it, so no cell is one person's answer.</summary>
    private static Dictionary<string, double> Averages(CareerCatalog catalog, IEnumerable<FeedbackRequest> requests)
    {
        var ratings = requests.SelectMany(r => r.Ratings).Where(r => r.Level is not null).ToList();
        return catalog.Skills
            .Select(s => (s.Slug, Levels: ratings.Where(r => r.SkillSlug == s.Slug).Select(r => r.Level!.Value.Value).ToList()))
            .Where(x => x.Levels.Count >= MinimumGroupSize)
            .ToDictionary(x => x.Slug, x => Math.Round(x.Levels.Average(), 2));
    }
}
