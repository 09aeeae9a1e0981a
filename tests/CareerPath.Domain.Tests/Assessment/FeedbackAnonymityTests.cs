using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;

namespace CareerPath.Domain.Tests.Assessment;

/// <summary>
/// Tries every subtraction at once: each shown figure is an average, so a reader who knows who answered and how many
/// rated each skill knows the sum of those people's ratings. Anything they can compute is a linear combination of
/// those sums. One respondent's rating is recoverable exactly when that respondent's unit vector lies in the span of
/// the shown figures' member sets. The test checks, by Gaussian elimination on 0/1 rows, that it never does.
/// </summary>
public sealed class FeedbackAnonymityTests
{
    private static readonly Relationship[] Groups = [Relationship.Peer, Relationship.Supervisor, Relationship.DirectReport, Relationship.Mentor];

    private static readonly CareerCatalog Catalog = new CatalogBuilder().WithSkill("skill").Build();

    [Fact]
    public void No_combination_of_shown_figures_isolates_one_respondent_for_groups_of_one_to_five()
    {
        var configurations = 0;
        var figuresChecked = 0;
        var random = new Random(20261202);

        // Every size 0–5 for four relationship groups: 6^4 = 1,296 rounds.
        foreach (var sizes in Sizes(Groups.Length, 5))
        {
            var people = Groups.SelectMany((g, i) => Enumerable.Repeat(g, sizes[i])).ToList();
            if (people.Count == 0)
            {
                continue;
            }

            // Who rated the skill: everyone, everyone but one, and a few random subsets ("can't say" for the rest).
            var raterSets = new List<bool[]> { people.Select(_ => true).ToArray() };
            raterSets.AddRange(people.Select((_, skip) => people.Select((_, i) => i != skip).ToArray()));
            for (var k = 0; k < 4; k++)
            {
                raterSets.Add(people.Select(_ => random.Next(3) > 0).ToArray());
            }

            foreach (var rates in raterSets)
            {
                var answers = people.Select((relationship, i) => new FeedbackAnswer(relationship,
                    new Dictionary<string, int?> { ["skill"] = rates[i] ? 1 + (i % 5) : null }, null)).ToList();
                var results = FeedbackAggregation.Aggregate(Catalog, answers);

                // The member set behind each shown figure: raters of the skill in that column.
                var rows = new List<double[]>();
                if (results.Overall.Averages.ContainsKey("skill"))
                {
                    rows.Add(people.Select((_, i) => rates[i] ? 1.0 : 0.0).ToArray());
                }

                foreach (var group in results.Groups.Where(g => g.Averages.ContainsKey("skill")))
                {
                    rows.Add(people.Select((r, i) => rates[i] && r == group.Relationship ? 1.0 : 0.0).ToArray());
                }

                foreach (var row in rows)
                {
                    Assert.True(row.Sum() >= 3, $"A figure stands on {row.Sum()} ratings (sizes {string.Join(",", sizes)}).");
                }

                for (var person = 0; person < people.Count; person++)
                {
                    var unit = people.Select((_, i) => i == person ? 1.0 : 0.0).ToArray();
                    Assert.False(InSpan(rows, unit),
                        $"Respondent {person} ({people[person]}) can be computed from the shown figures with group sizes {string.Join(",", sizes)}.");
                }

                figuresChecked += rows.Count;
            }

            configurations++;
        }

        Assert.Equal(1295, configurations);

        // Some figures must have been shown, or the test proves nothing.
        Assert.True(figuresChecked > 5000, $"Only {figuresChecked} figures were checked.");
    }

    [Fact]
    public void The_checker_finds_the_leak_the_old_rule_had()
    {
        // Old rule: Peers (2) and All others (3) shown. 3 × all − 2 × peers isolates the supervisor.
        double[][] rows = [[1, 1, 1], [1, 1, 0]];

        Assert.True(InSpan(rows, [0, 0, 1]));
        Assert.False(InSpan([[1, 1, 1]], [0, 0, 1]));
    }

    private static IEnumerable<int[]> Sizes(int groups, int max)
    {
        var sizes = new int[groups];
        while (true)
        {
            yield return (int[])sizes.Clone();
            var i = 0;
            while (i < groups && sizes[i] == max)
            {
                sizes[i++] = 0;
            }

            if (i == groups)
            {
                yield break;
            }

            sizes[i]++;
        }
    }

    /// <summary>Whether <paramref name="target"/> is a linear combination of <paramref name="rows"/> (rank does not grow).</summary>
    private static bool InSpan(IReadOnlyList<double[]> rows, double[] target) =>
        Rank(rows) == Rank([.. rows, target]);

    private static int Rank(IReadOnlyList<double[]> rows)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToArray();
        var rank = 0;
        var columns = m.Length == 0 ? 0 : m[0].Length;
        for (var c = 0; c < columns && rank < m.Length; c++)
        {
            var pivot = Enumerable.Range(rank, m.Length - rank).FirstOrDefault(r => Math.Abs(m[r][c]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Length; r++)
            {
                if (r != rank && Math.Abs(m[r][c]) > 1e-9)
                {
                    var factor = m[r][c] / m[rank][c];
                    for (var k = c; k < columns; k++)
                    {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
