using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class FeedbackAggregationTests
{
    private static readonly CareerCatalog Catalog =
        new CatalogBuilder().WithSkill("planning").WithSkill("data-analysis").WithSkill("stakeholders").Build();

    private static FeedbackAnswer Answer(Relationship relationship, int? planning, int? dataAnalysis = null, int? stakeholders = null, string? comment = null) =>
        new(relationship, new Dictionary<string, int?> { ["planning"] = planning, ["data-analysis"] = dataAnalysis, ["stakeholders"] = stakeholders }, comment);

    [Fact]
    public void Two_peers_and_a_supervisor_show_only_the_overall_average()
    {
        // The attack from the issue: with Peers (2) and All others (3) shown, 3 × 3.0 − 2 × 2.5 = 4 was the
        // supervisor's rating. Now Peers has fewer than three and is hidden; only (2 + 3 + 4) / 3 = 3 is shown.
        var results = FeedbackAggregation.Aggregate(Catalog, [Answer(Relationship.Peer, 2), Answer(Relationship.Peer, 3), Answer(Relationship.Supervisor, 4)]);

        Assert.Equal(3, results.AnswerCount);
        Assert.Empty(results.Groups);
        Assert.Equal(3.0, results.Overall.Averages["planning"]);
    }

    [Fact]
    public void Three_peers_and_one_supervisor_hide_the_peers_because_the_rest_would_be_one_person()
    {
        // Peers 2, 3, 4 → 3.0 and all four (2 + 3 + 4 + 5) / 4 = 3.5: 4 × 3.5 − 3 × 3.0 = 5, the supervisor. So no Peers column.
        var results = FeedbackAggregation.Aggregate(Catalog,
            [Answer(Relationship.Peer, 2), Answer(Relationship.Peer, 3), Answer(Relationship.Peer, 4), Answer(Relationship.Supervisor, 5)]);

        Assert.Empty(results.Groups);
        Assert.Equal(3.5, results.Overall.Averages["planning"]);
    }

    [Fact]
    public void Three_peers_and_three_direct_reports_each_get_a_column()
    {
        // Peers (1 + 2 + 3) / 3 = 2; direct reports (4 + 4 + 5) / 3 = 4.33; all (1 + 2 + 3 + 4 + 4 + 5) / 6 = 3.17.
        var results = FeedbackAggregation.Aggregate(Catalog,
        [
            Answer(Relationship.Peer, 1), Answer(Relationship.Peer, 2), Answer(Relationship.Peer, 3),
            Answer(Relationship.DirectReport, 4), Answer(Relationship.DirectReport, 4), Answer(Relationship.DirectReport, 5),
        ]);

        Assert.Equal([Relationship.Peer, Relationship.DirectReport], results.Groups.Select(g => g.Relationship!.Value));
        Assert.Equal(2.0, results.Groups[0].Averages["planning"]);
        Assert.Equal(4.33, results.Groups[1].Averages["planning"]);
        Assert.Equal(3.17, results.Overall.Averages["planning"]);
        Assert.Equal((3, 3, 6), (results.Groups[0].Responses, results.Groups[1].Responses, results.Overall.Responses));
    }

    [Fact]
    public void Three_peers_three_reports_and_two_others_hide_the_smaller_column_so_the_rest_is_at_least_three()
    {
        // Shown Peers (3) and Direct reports (3) would leave 8 − 6 = 2 mentors to subtract out. Hiding the direct
        // reports (the tie goes to the later relationship) leaves 3 + 2 = 5 in the remainder.
        var results = FeedbackAggregation.Aggregate(Catalog,
        [
            Answer(Relationship.Peer, 3), Answer(Relationship.Peer, 3), Answer(Relationship.Peer, 3),
            Answer(Relationship.DirectReport, 5), Answer(Relationship.DirectReport, 5), Answer(Relationship.DirectReport, 5),
            Answer(Relationship.Mentor, 1), Answer(Relationship.Mentor, 2),
        ]);

        var group = Assert.Single(results.Groups);
        Assert.Equal(Relationship.Peer, group.Relationship);
        Assert.Equal(3.0, group.Averages["planning"]);

        // (9 + 15 + 3) / 8 = 3.375, stored to two places.
        Assert.Equal(3.38, results.Overall.Averages["planning"]);
    }

    [Fact]
    public void A_skill_counts_only_the_people_who_rated_it()
    {
        // Three peers answered, but only two rated data analysis: its cell and its overall average stay empty.
        // Planning: 4, 2, "can't say" and a fourth peer's 3 → (4 + 2 + 3) / 3 = 3.
        var results = FeedbackAggregation.Aggregate(Catalog,
        [
            Answer(Relationship.Peer, 4, dataAnalysis: 5), Answer(Relationship.Peer, 2, dataAnalysis: 1),
            Answer(Relationship.Peer, null), Answer(Relationship.Peer, 3),
        ]);

        Assert.Equal(3.0, results.Overall.Averages["planning"]);
        Assert.False(results.Overall.Averages.ContainsKey("data-analysis"));
        var peers = Assert.Single(results.Groups);
        Assert.Equal(4, peers.Responses);
        Assert.False(peers.Averages.ContainsKey("data-analysis"));
    }

    [Fact]
    public void Fewer_than_three_answers_show_nothing_at_all()
    {
        var results = FeedbackAggregation.Aggregate(Catalog, [Answer(Relationship.Peer, 4, comment: "Great"), Answer(Relationship.Peer, 2, comment: "Fine")]);

        Assert.Equal(2, results.AnswerCount);
        Assert.Empty(results.Overall.Averages);
        Assert.Empty(results.Groups);
        Assert.Empty(results.Comments);
    }

    [Fact]
    public void Comments_carry_no_name_and_are_sorted_by_text_whatever_the_order_of_answers()
    {
        FeedbackAnswer[] answers =
        [
            Answer(Relationship.Supervisor, 3, comment: "Writes clear specs"),
            Answer(Relationship.Peer, 3, comment: "Always prepared"),
            Answer(Relationship.Peer, 3),
            Answer(Relationship.Mentor, 3, comment: "Could delegate more"),
        ];

        var forwards = FeedbackAggregation.Aggregate(Catalog, answers);
        var backwards = FeedbackAggregation.Aggregate(Catalog, answers.AsEnumerable().Reverse().ToList());

        Assert.Equal(["Always prepared", "Could delegate more", "Writes clear specs"], forwards.Comments);
        Assert.Equal(forwards.Comments, backwards.Comments);
    }

    [Fact]
    public void Blind_spots_use_only_the_shown_overall_average_and_need_a_level_of_difference()
    {
        // Planning: others (4 + 4 + 5) / 3 = 4.33 against self 3 → +1.33, a blind spot.
        // Data analysis: others (2 + 3 + 3) / 3 = 2.67 against self 3 → −0.33, not one.
        // Stakeholders: only two raters, so no figure and no blind spot even though self is 5.
        var results = FeedbackAggregation.Aggregate(Catalog,
        [
            Answer(Relationship.Peer, 4, 2, 1), Answer(Relationship.Peer, 4, 3, 1), Answer(Relationship.Peer, 5, 3),
        ]);

        var spots = results.BlindSpots(Catalog, new Dictionary<string, int> { ["planning"] = 3, ["data-analysis"] = 3, ["stakeholders"] = 5 });

        var spot = Assert.Single(spots);
        Assert.Equal(("planning", 3, 4.33), (spot.Skill.Slug, spot.SelfLevel, spot.OthersAverage));
        Assert.True(spot.OthersRateHigher);
        Assert.Empty(results.BlindSpots(Catalog, null));
    }

    [Theory]
    [InlineData(Relationship.Peer, "Peers")]
    [InlineData(Relationship.Mentor, "Mentors")]
    [InlineData(Relationship.Supervisor, "Supervisors")]
    [InlineData(Relationship.DirectReport, "Direct reports")]
    [InlineData(Relationship.Other, "Others")]
    public void Each_relationship_has_a_plural_label(Relationship relationship, string label) =>
        Assert.Equal(label, FeedbackAggregation.Label(relationship));
}
