using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class FeedbackRoundTests
{
    // Monday 2 March 2026, 09:30 UTC; a round closing on Friday 20 March ends at 21 March 00:00 UTC.
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly ClosesOn = new(2026, 3, 20);
    private static readonly DateTime ClosesAt = new(2026, 3, 21, 0, 0, 0, DateTimeKind.Utc);

    private static readonly CareerCatalog Catalog = new CatalogBuilder().WithSkill("planning").WithSkill("data-analysis").Build();

    private static FeedbackRound NewRound() => FeedbackRound.Start("owner", "Spring 2026", ClosesOn, Now);

    private static Guid Answer(FeedbackRound round, Relationship relationship, int? planning, string? comment = null, DateTime? at = null)
    {
        var (request, _) = round.Ask(relationship.ToString(), relationship, Now);
        round.Submit(request.Id, new Dictionary<string, int?> { ["planning"] = planning, ["data-analysis"] = null }, comment, Catalog, at ?? Now.AddDays(1));
        return request.Id;
    }

    [Fact]
    public void Only_a_link_nobody_answered_and_that_no_longer_works_can_be_removed()
    {
        var round = NewRound();
        var answered = Answer(round, Relationship.Peer, 4);
        var (waiting, _) = round.Ask("Sam", Relationship.Mentor, Now);
        var (withdrawn, _) = round.Ask("Kim", Relationship.Peer, Now);
        round.Revoke(withdrawn.Id, Now);

        Assert.Contains("answered, so the link stays", Assert.Throws<DomainException>(() => round.Remove(answered, Now)).Message);
        Assert.Contains("withdraw it first", Assert.Throws<DomainException>(() => round.Remove(waiting.Id, Now)).Message);
        round.Remove(withdrawn.Id, Now);

        Assert.Equal(new[] { answered, waiting.Id }.Order(), round.Requests.Select(r => r.Id).Order());
    }

    [Fact]
    public void A_round_closes_at_the_end_of_its_closing_day()
    {
        var round = NewRound();

        Assert.Equal(ClosesAt, round.ClosesAtUtc);
        Assert.Equal(ClosesOn, round.ClosesOn);
        Assert.False(round.IsDue(ClosesAt.AddTicks(-1)));
        Assert.True(round.IsDue(ClosesAt));
    }

    [Fact]
    public void An_open_round_shows_no_results_however_many_answered()
    {
        var round = NewRound();
        Answer(round, Relationship.Peer, 2);
        Answer(round, Relationship.Peer, 3);
        Answer(round, Relationship.Peer, 4);

        Assert.Equal(3, round.AnsweredCount);
        Assert.Null(round.Results());
        Assert.Empty(round.Figures);
    }

    [Fact]
    public void Closing_with_three_answers_stores_the_results_and_erases_every_answer()
    {
        var round = NewRound();
        Answer(round, Relationship.Peer, 2, "Plans well");
        Answer(round, Relationship.Peer, 3);
        Answer(round, Relationship.Supervisor, 5, "A calm presence");

        round.Close(Catalog, Now.AddDays(2));

        var results = round.Results()!;
        Assert.Equal(3, results.AnswerCount);

        // (2 + 3 + 5) / 3 = 3.33; no group has three, so no group column.
        Assert.Equal(3.33, results.Overall.Averages["planning"]);
        Assert.Empty(results.Groups);
        Assert.Equal(["A calm presence", "Plans well"], results.Comments);
        Assert.All(round.Requests, r =>
        {
            Assert.Empty(r.Ratings);
            Assert.Null(r.Comment);
            Assert.Equal(FeedbackStatus.Answered, r.StatusAt(Now.AddDays(3)));
        });
        Assert.Equal(Now.AddDays(2), round.ClosedAtUtc);
    }

    [Fact]
    public void Closing_with_two_answers_shows_nothing_and_erases_them()
    {
        var round = NewRound();
        Answer(round, Relationship.Peer, 2, "Short comment");
        Answer(round, Relationship.Peer, 3);

        round.Close(Catalog, Now.AddDays(2));

        Assert.True(round.IsClosed);
        Assert.False(round.HasResults);
        Assert.Null(round.Results());
        Assert.Empty(round.Figures);
        Assert.Empty(round.Comments);
        Assert.All(round.Requests, r => Assert.Empty(r.Ratings));
    }

    [Fact]
    public void Results_never_change_after_closing()
    {
        var round = NewRound();
        var first = Answer(round, Relationship.Peer, 2);
        Answer(round, Relationship.Peer, 3);
        Answer(round, Relationship.Peer, 4);
        var (late, _) = round.Ask("Late", Relationship.Peer, Now);
        round.Close(Catalog, Now.AddDays(2));
        var before = round.Results()!.Overall.Averages["planning"];

        var refused = Assert.Throws<DomainException>(() => round.Submit(late.Id, new Dictionary<string, int?> { ["planning"] = 5 }, null, Catalog, Now.AddDays(2)));
        round.Close(Catalog, Now.AddDays(5));

        Assert.Equal("This feedback round has closed, so the link no longer accepts answers.", refused.Message);
        Assert.Equal(3.0, before);
        Assert.Equal(3.0, round.Results()!.Overall.Averages["planning"]);
        Assert.Equal(Now.AddDays(2), round.ClosedAtUtc);
        Assert.Equal(FeedbackStatus.Answered, round.Requests.Single(r => r.Id == first).StatusAt(Now.AddDays(3)));

        // The late link ended when the round closed, two days in, not on the planned closing day.
        Assert.Equal(FeedbackStatus.Expired, late.StatusAt(Now.AddDays(2)));
    }

    [Fact]
    public void A_due_round_refuses_answers_and_closes_as_of_its_closing_time()
    {
        var round = NewRound();
        Answer(round, Relationship.Peer, 2);
        Answer(round, Relationship.Peer, 3);
        Answer(round, Relationship.Peer, 4);
        var (waiting, _) = round.Ask("Waiting", Relationship.Mentor, Now);

        var refused = Assert.Throws<DomainException>(() => round.Submit(waiting.Id, new Dictionary<string, int?> { ["planning"] = 1 }, null, Catalog, ClosesAt));
        round.Close(Catalog, ClosesAt.AddDays(10));

        Assert.Contains("has closed", refused.Message);
        Assert.Equal(ClosesAt, round.ClosedAtUtc);
        Assert.Equal(3.0, round.Results()!.Overall.Averages["planning"]);
    }

    [Fact]
    public void Links_cannot_be_added_withdrawn_or_rescheduled_once_the_round_has_closed()
    {
        var round = NewRound();
        var (request, _) = round.Ask("Priya", Relationship.Peer, Now);
        round.Close(Catalog, Now.AddDays(1));
        var version = round.Version;

        Assert.Contains("no longer add people", Assert.Throws<DomainException>(() => round.Ask("Sam", Relationship.Peer, Now.AddDays(1))).Message);
        Assert.Contains("no longer withdraw", Assert.Throws<DomainException>(() => round.Revoke(request.Id, Now.AddDays(1))).Message);
        Assert.Contains("no longer change", Assert.Throws<DomainException>(() => round.Reschedule(ClosesOn.AddDays(5), Now.AddDays(1))).Message);
        Assert.Single(round.Requests);
        Assert.Equal(version, round.Version);
    }

    [Fact]
    public void Rescheduling_moves_the_closing_time_of_the_round_and_its_waiting_links()
    {
        var round = NewRound();
        var (waiting, _) = round.Ask("Priya", Relationship.Peer, Now);

        round.Reschedule(new DateOnly(2026, 4, 10), Now.AddDays(1));

        Assert.Equal(new DateTime(2026, 4, 11, 0, 0, 0, DateTimeKind.Utc), round.ClosesAtUtc);
        Assert.Equal(round.ClosesAtUtc, waiting.ExpiresAtUtc);
    }

    [Theory]
    [InlineData(-1, "in the past")]
    [InlineData(366, "at most 365 days")]
    public void A_closing_day_in_the_past_or_more_than_a_year_out_is_refused(int days, string message)
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackRound.Start("owner", "Spring", DateOnly.FromDateTime(Now).AddDays(days), Now));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_round_holds_at_most_fifty_links()
    {
        var round = NewRound();
        for (var i = 0; i < FeedbackRound.MaxLinks; i++)
        {
            round.Ask($"Person {i}", Relationship.Peer, Now);
        }

        var ex = Assert.Throws<DomainException>(() => round.Ask("One too many", Relationship.Peer, Now));

        Assert.Contains("at most 50 links", ex.Message);
        Assert.Equal(50, round.Requests.Count);
    }

    [Fact]
    public void Restoring_results_behind_fewer_than_three_answers_is_refused()
    {
        var links = Enumerable.Range(0, 3).Select(i => ($"P{i}", Relationship.Peer, Now, (DateTime?)null, (DateTime?)Now.AddDays(1))).ToList();
        var overall = new FeedbackGroup(null, 3, new Dictionary<string, double> { ["planning"] = 3 });
        var pair = new FeedbackGroup(Relationship.Peer, 2, new Dictionary<string, double> { ["planning"] = 2.5 });

        var ex = Assert.Throws<DomainException>(() => FeedbackRound.Restore("owner", "Old", Now, ClosesAt, ClosesAt, links,
            new FeedbackResults(3, overall, [pair], []), Catalog, Now.AddDays(30)));

        Assert.Contains("a group of 2 answers", ex.Message);
    }

    [Fact]
    public void Restoring_results_that_claim_more_answers_than_answered_links_is_refused()
    {
        var links = Enumerable.Range(0, 2).Select(i => ($"P{i}", Relationship.Peer, Now, (DateTime?)null, (DateTime?)Now.AddDays(1))).ToList();
        var overall = new FeedbackGroup(null, 3, new Dictionary<string, double> { ["planning"] = 3 });

        var ex = Assert.Throws<DomainException>(() => FeedbackRound.Restore("owner", "Old", Now, ClosesAt, ClosesAt, links,
            new FeedbackResults(3, overall, [], []), Catalog, Now.AddDays(30)));

        Assert.Contains("results from 3 answers but 2 answered links", ex.Message);
    }

    [Fact]
    public void An_open_round_restored_from_a_file_comes_back_closed_without_results()
    {
        var links = Enumerable.Range(0, 3).Select(i => ($"P{i}", Relationship.Peer, Now, (DateTime?)null, (DateTime?)Now.AddDays(1)))
            .Append(("Waiting", Relationship.Mentor, Now, null, null)).ToList();

        var round = FeedbackRound.Restore("owner", "Open", Now, ClosesAt, null, links, null, Catalog, Now.AddDays(3));

        Assert.True(round.IsClosed);
        Assert.Equal(Now.AddDays(3), round.ClosedAtUtc);
        Assert.Null(round.Results());
        Assert.Equal(3, round.AnsweredCount);
        Assert.Equal(FeedbackStatus.Expired, round.Requests.Single(r => r.RespondentName == "Waiting").StatusAt(Now.AddDays(3)));
    }
}
