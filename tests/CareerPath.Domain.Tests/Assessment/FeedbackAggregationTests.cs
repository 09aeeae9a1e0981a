using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class FeedbackAggregationTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static readonly CareerCatalog Catalog =
        new CatalogBuilder().WithSkill("planning").WithSkill("data-analysis").WithSkill("stakeholders").Build();

    private static FeedbackRequest Waiting(Relationship relationship) =>
        FeedbackRequest.Create("owner", "Someone", relationship, Now).Request;

    private static FeedbackRequest Answered(Relationship relationship, int? planning, int? dataAnalysis = null, int? stakeholders = null, string? comment = null)
    {
        var request = Waiting(relationship);
        var ratings = new Dictionary<string, int?>
        {
            ["planning"] = planning,
            ["data-analysis"] = dataAnalysis,
            ["stakeholders"] = stakeholders,
        };
        request.Submit(ratings, comment, Catalog, Now.AddDays(1));
        return request;
    }

    [Fact]
    public void Requests_without_an_answer_are_ignored()
    {
        var revoked = Waiting(Relationship.Supervisor);
        revoked.Revoke(Now.AddHours(1));
        var requests = new[]
        {
            Answered(Relationship.Peer, 4),
            Waiting(Relationship.Peer),
            Answered(Relationship.Peer, 2),
            revoked,
            Waiting(Relationship.Mentor),
        };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        Assert.Equal(2, summary.ResponseCount);
        var group = Assert.Single(summary.Groups);
        Assert.Equal(("Peers", (Relationship?)Relationship.Peer, 2), (group.Label, group.Relationship, group.Responses));
        Assert.Equal(3.0, summary.OthersAverage["planning"]);
    }

    [Fact]
    public void Nothing_answered_gives_an_empty_summary()
    {
        var summary = FeedbackAggregation.Summarize(Catalog, [Waiting(Relationship.Peer), Waiting(Relationship.Mentor)], new Dictionary<string, int> { ["planning"] = 3 });

        Assert.Equal(0, summary.ResponseCount);
        Assert.Empty(summary.Groups);
        Assert.Empty(summary.OthersAverage);
        Assert.Empty(summary.BlindSpots);
        Assert.Empty(summary.Comments);
    }

    [Fact]
    public void A_relationship_with_two_or_more_responses_is_shown_under_its_label_with_averages()
    {
        var requests = new[]
        {
            Answered(Relationship.Mentor, 5, 4),
            Answered(Relationship.Peer, 4, 2),
            Answered(Relationship.Peer, 3, 5),
            Answered(Relationship.Mentor, 4, 1),
            Answered(Relationship.Peer, 3, 3),
        };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        Assert.Equal(
            [("Peers", (Relationship?)Relationship.Peer, 3), ("Mentors", Relationship.Mentor, 2)],
            summary.Groups.Select(g => (g.Label, g.Relationship, g.Responses)));
        Assert.Equal(3.33, summary.Groups[0].Averages["planning"]);
        Assert.Equal(3.33, summary.Groups[0].Averages["data-analysis"]);
        Assert.Equal(4.5, summary.Groups[1].Averages["planning"]);
        Assert.Equal(2.5, summary.Groups[1].Averages["data-analysis"]);
        Assert.Equal(3.8, summary.OthersAverage["planning"]);
        Assert.Equal(3.0, summary.OthersAverage["data-analysis"]);
    }

    [Theory]
    [InlineData(Relationship.Peer, "Peers")]
    [InlineData(Relationship.Mentor, "Mentors")]
    [InlineData(Relationship.Supervisor, "Supervisors")]
    [InlineData(Relationship.DirectReport, "Direct reports")]
    [InlineData(Relationship.Other, "Others")]
    public void Each_relationship_has_a_plural_label(Relationship relationship, string label)
    {
        var actual = FeedbackAggregation.Label(relationship);

        Assert.Equal(label, actual);
    }

    [Fact]
    public void Relationships_with_a_single_response_are_pooled_into_one_unattributed_group()
    {
        var requests = new[]
        {
            Answered(Relationship.Supervisor, 5, 2),
            Answered(Relationship.Peer, 3, 3),
            Answered(Relationship.Mentor, 2, 4),
            Answered(Relationship.Peer, 3, 4),
        };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        Assert.Equal(2, summary.Groups.Count);
        Assert.Equal(("Peers", (Relationship?)Relationship.Peer, 2), (summary.Groups[0].Label, summary.Groups[0].Relationship, summary.Groups[0].Responses));
        var pooled = summary.Groups[1];
        Assert.StartsWith("Others", pooled.Label);
        Assert.Null(pooled.Relationship);
        Assert.Equal(2, pooled.Responses);
        Assert.Equal(3.5, pooled.Averages["planning"]);
        Assert.Equal(3.0, pooled.Averages["data-analysis"]);
        Assert.DoesNotContain(summary.Groups, g => g.Relationship is Relationship.Supervisor or Relationship.Mentor);
        Assert.DoesNotContain(summary.Groups, g => g.Label is "Supervisors" or "Mentors");
    }

    [Fact]
    public void When_every_relationship_is_too_small_all_answers_form_a_single_unattributed_group()
    {
        var requests = new[]
        {
            Answered(Relationship.Supervisor, 5),
            Answered(Relationship.DirectReport, 2),
            Answered(Relationship.Mentor, 2),
        };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        var group = Assert.Single(summary.Groups);
        Assert.StartsWith("Others", group.Label);
        Assert.Null(group.Relationship);
        Assert.Equal(3, group.Responses);
        Assert.Equal(3.0, group.Averages["planning"]);
    }

    [Fact]
    public void Cant_say_answers_are_left_out_of_the_averages()
    {
        var requests = new[]
        {
            Answered(Relationship.Peer, 4, null, null, comment: "Not sure about the rest."),
            Answered(Relationship.Peer, null, 2, null, comment: "Only saw the analysis."),
            Answered(Relationship.Peer, 2, 5, null),
        };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        Assert.Equal(3.0, summary.OthersAverage["planning"]);
        Assert.Equal(3.5, summary.OthersAverage["data-analysis"]);
        Assert.False(summary.OthersAverage.ContainsKey("stakeholders"));
        Assert.Equal(3.0, summary.Groups.Single().Averages["planning"]);
        Assert.False(summary.Groups.Single().Averages.ContainsKey("stakeholders"));
    }

    [Fact]
    public void Blind_spots_are_skills_where_others_differ_from_the_self_rating_by_at_least_one_level()
    {
        var requests = new[]
        {
            Answered(Relationship.Peer, 4, 3, 4),
            Answered(Relationship.Peer, 3, 3, 3),
        };
        var self = new Dictionary<string, int> { ["planning"] = 2, ["data-analysis"] = 4, ["stakeholders"] = 3 };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, self);

        Assert.Equal(
            [("planning", 2, 3.5, 1.5, true), ("data-analysis", 4, 3.0, -1.0, false)],
            summary.BlindSpots.Select(b => (b.Skill.Slug, b.SelfLevel, b.OthersAverage, b.Difference, b.OthersRateHigher)));
    }

    [Theory]
    [InlineData(3, 3, 3, false)]
    [InlineData(4, 3, 3, false)]
    [InlineData(4, 4, 3, true)]
    [InlineData(2, 2, 3, true)]
    [InlineData(5, 4, 3, true)]
    [InlineData(2, 3, 3, false)]
    public void A_blind_spot_needs_a_difference_of_at_least_one_level(int first, int second, int self, bool isBlindSpot)
    {
        var requests = new[] { Answered(Relationship.Peer, first), Answered(Relationship.Peer, second) };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, new Dictionary<string, int> { ["planning"] = self });

        Assert.Equal(isBlindSpot, summary.BlindSpots.Any(b => b.Skill.Slug == "planning"));
    }

    [Fact]
    public void There_are_no_blind_spots_without_self_ratings_or_without_others_ratings()
    {
        var requests = new[] { Answered(Relationship.Peer, 5, null), Answered(Relationship.Peer, 5, null, comment: "Strong planner.") };
        var self = new Dictionary<string, int> { ["data-analysis"] = 1 };

        var withoutSelf = FeedbackAggregation.Summarize(Catalog, requests, null);
        var withoutOthers = FeedbackAggregation.Summarize(Catalog, requests, self);

        Assert.Empty(withoutSelf.BlindSpots);
        Assert.Empty(withoutOthers.BlindSpots);
    }

    [Fact]
    public void Comments_are_returned_sorted_not_in_the_order_people_answered()
    {
        var requests = new[]
        {
            Answered(Relationship.Peer, 3, comment: "Strong planner."),
            Answered(Relationship.Supervisor, 3),
            Answered(Relationship.Mentor, 3, comment: "Clear writer."),
            Answered(Relationship.Peer, 3, comment: "Asks good questions."),
        };
        string[] submissionOrder = ["Strong planner.", "Clear writer.", "Asks good questions."];

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        Assert.Equal(["Asks good questions.", "Clear writer.", "Strong planner."], summary.Comments);
        Assert.NotEqual(submissionOrder, summary.Comments);
    }

    [Fact]
    public void The_order_of_comments_does_not_depend_on_the_order_of_the_requests()
    {
        var requests = new[]
        {
            Answered(Relationship.Peer, 3, comment: "b"),
            Answered(Relationship.Peer, 3, comment: "c"),
            Answered(Relationship.Peer, 3, comment: "a"),
        };

        var forwards = FeedbackAggregation.Summarize(Catalog, requests, null);
        var backwards = FeedbackAggregation.Summarize(Catalog, requests.AsEnumerable().Reverse(), null);

        Assert.Equal(["a", "b", "c"], forwards.Comments);
        Assert.Equal(forwards.Comments, backwards.Comments);
    }

    [Fact]
    public void No_group_shown_is_smaller_than_the_minimum_group_size()
    {
        var requests = new[]
        {
            Answered(Relationship.Peer, 3),
            Answered(Relationship.Peer, 4),
            Answered(Relationship.Supervisor, 1),
        };

        var summary = FeedbackAggregation.Summarize(Catalog, requests, null);

        Assert.All(summary.Groups, g => Assert.True(g.Responses >= FeedbackAggregation.MinimumGroupSize, $"'{g.Label}' shows {g.Responses} response(s)."));
    }
}
