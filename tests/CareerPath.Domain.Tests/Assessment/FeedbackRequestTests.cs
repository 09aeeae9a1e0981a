using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class FeedbackRequestTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static CareerCatalog NewCatalog() =>
        new CatalogBuilder().WithSkill("planning").WithSkill("data-analysis").WithSkill("stakeholders").Build();

    private const int LifetimeDays = 30;

    private static FeedbackRequest NewRequest(int lifetimeDays = LifetimeDays) =>
        FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(lifetimeDays)).Request;

    private static Dictionary<string, int?> Answers(int? planning, int? dataAnalysis) =>
        new() { ["planning"] = planning, ["data-analysis"] = dataAnalysis };

    private static byte[] FromBase64Url(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static void AssertNothingRecorded(FeedbackRequest request, Guid version)
    {
        Assert.Null(request.SubmittedAtUtc);
        Assert.Empty(request.Ratings);
        Assert.Null(request.Comment);
        Assert.Equal(version, request.Version);
    }

    [Fact]
    public void Create_records_the_respondent_and_the_link_lifetime()
    {
        var (request, _) = FeedbackRequest.Create(Guid.Empty, "owner", "  Priya Shah  ", Relationship.Mentor, Now, Now.AddDays(7));

        Assert.Equal("owner", request.OwnerId);
        Assert.Equal("Priya Shah", request.RespondentName);
        Assert.Equal(Relationship.Mentor, request.Relationship);
        Assert.Equal(Now, request.CreatedAtUtc);
        Assert.Equal(Now.AddDays(7), request.ExpiresAtUtc);
        Assert.Null(request.RevokedAtUtc);
        Assert.Null(request.SubmittedAtUtc);
        Assert.Empty(request.Ratings);
        Assert.NotEqual(Guid.Empty, request.Id);
    }

    [Fact]
    public void Create_returns_a_url_safe_token_carrying_256_random_bits()
    {
        var (_, token) = FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(LifetimeDays));

        Assert.True(token.Length >= 43, $"The token has only {token.Length} characters.");
        Assert.Matches(new Regex("^[A-Za-z0-9_-]+$"), token);
        Assert.Equal(FeedbackRequest.TokenBytes * 8, FromBase64Url(token).Length * 8);
    }

    [Fact]
    public void Create_stores_only_the_sha256_hex_hash_of_the_token()
    {
        var (request, token) = FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(LifetimeDays));

        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.NotEqual(token, request.TokenHash);
        Assert.DoesNotContain(token, request.TokenHash);
        Assert.Equal(FeedbackRequest.HashToken(token), request.TokenHash);
        Assert.Equal(expected, request.TokenHash, ignoreCase: true);
        Assert.Equal(FeedbackRequest.HashLength, request.TokenHash.Length);
        Assert.Matches(new Regex("^[0-9A-Fa-f]{64}$"), request.TokenHash);
    }

    [Fact]
    public void Two_requests_get_different_tokens_and_hashes()
    {
        var (first, firstToken) = FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(LifetimeDays));
        var (second, secondToken) = FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(LifetimeDays));

        Assert.NotEqual(firstToken, secondToken);
        Assert.NotEqual(first.TokenHash, second.TokenHash);
        Assert.NotEqual(first.Id, second.Id);
        Assert.False(first.Matches(secondToken));
        Assert.False(second.Matches(firstToken));
    }

    [Fact]
    public void Matches_accepts_the_token_it_was_created_with()
    {
        var (request, token) = FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(LifetimeDays));

        var matches = request.Matches(token);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("change-last")]
    [InlineData("change-first")]
    [InlineData("drop-last")]
    [InlineData("append")]
    [InlineData("upper-case")]
    [InlineData("empty")]
    [InlineData("the-hash")]
    public void Matches_rejects_a_tampered_token(string tampering)
    {
        var (request, token) = FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", Relationship.Peer, Now, Now.AddDays(LifetimeDays));
        var presented = tampering switch
        {
            "change-last" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "change-first" => (token[0] == 'A' ? 'B' : 'A') + token[1..],
            "drop-last" => token[..^1],
            "append" => token + "A",
            "upper-case" => token.ToUpperInvariant() == token ? token.ToLowerInvariant() : token.ToUpperInvariant(),
            "empty" => "",
            _ => request.TokenHash,
        };

        var matches = request.Matches(presented);

        Assert.NotEqual(token, presented);
        Assert.False(matches);
    }

    [Fact]
    public void A_new_request_is_waiting_until_just_before_it_expires()
    {
        var request = NewRequest(lifetimeDays: 10);

        var status = request.StatusAt(request.ExpiresAtUtc.AddTicks(-1));

        Assert.Equal(FeedbackStatus.Waiting, request.StatusAt(Now));
        Assert.Equal(FeedbackStatus.Waiting, status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(86_400)]
    public void A_request_is_expired_from_exactly_its_expiry_time(int secondsAfterExpiry)
    {
        var request = NewRequest(lifetimeDays: 10);

        var status = request.StatusAt(request.ExpiresAtUtc.AddSeconds(secondsAfterExpiry));

        Assert.Equal(FeedbackStatus.Expired, status);
    }

    [Fact]
    public void A_revoked_request_reports_revoked_even_after_it_would_have_expired()
    {
        var request = NewRequest(lifetimeDays: 10);

        request.Revoke(Now.AddDays(1));

        Assert.Equal(FeedbackStatus.Revoked, request.StatusAt(Now.AddDays(1)));
        Assert.Equal(FeedbackStatus.Revoked, request.StatusAt(Now.AddDays(20)));
        Assert.Equal(Now.AddDays(1), request.RevokedAtUtc);
    }

    [Fact]
    public void An_answered_request_reports_answered_even_after_it_would_have_expired()
    {
        var catalog = NewCatalog();
        var request = NewRequest(lifetimeDays: 10);

        request.Submit(Answers(4, 3), null, catalog, Now.AddDays(2));

        Assert.Equal(FeedbackStatus.Answered, request.StatusAt(Now.AddDays(2)));
        Assert.Equal(FeedbackStatus.Answered, request.StatusAt(Now.AddDays(20)));
    }

    [Fact]
    public void Submit_records_the_ratings_the_comment_and_the_time()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        var version = request.Version;

        request.Submit(Answers(4, null), "  Plans carefully.  ", catalog, Now.AddDays(1));

        Assert.Equal([("planning", (int?)4), ("data-analysis", null)], request.Ratings.Select(r => (r.SkillSlug, r.Level?.Value)));
        Assert.Equal("Plans carefully.", request.Comment);
        Assert.Equal(Now.AddDays(1), request.SubmittedAtUtc);
        Assert.NotEqual(version, request.Version);
    }

    [Fact]
    public void Submit_accepts_only_a_comment_when_every_skill_is_cant_say()
    {
        var catalog = NewCatalog();
        var request = NewRequest();

        request.Submit(Answers(null, null), "We have not worked closely.", catalog, Now.AddDays(1));

        Assert.Equal(FeedbackStatus.Answered, request.StatusAt(Now.AddDays(1)));
        Assert.All(request.Ratings, r => Assert.Null(r.Level));
        Assert.Equal("We have not worked closely.", request.Comment);
    }

    [Fact]
    public void A_second_Submit_is_refused_and_changes_nothing()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        request.Submit(Answers(4, 3), "First answer.", catalog, Now.AddDays(1));
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Submit(Answers(1, 1), "Second answer.", catalog, Now.AddDays(2)));

        Assert.Contains("already been submitted", ex.Message);
        Assert.Equal([("planning", (int?)4), ("data-analysis", (int?)3)], request.Ratings.Select(r => (r.SkillSlug, r.Level?.Value)));
        Assert.Equal("First answer.", request.Comment);
        Assert.Equal(Now.AddDays(1), request.SubmittedAtUtc);
        Assert.Equal(version, request.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Submit_after_the_link_expires_is_refused(int secondsAfterExpiry)
    {
        var catalog = NewCatalog();
        var request = NewRequest(lifetimeDays: 10);
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Submit(Answers(4, 3), null, catalog, request.ExpiresAtUtc.AddSeconds(secondsAfterExpiry)));

        Assert.Contains("has closed", ex.Message);
        AssertNothingRecorded(request, version);
    }

    [Fact]
    public void Submit_after_the_request_is_revoked_is_refused()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        request.Revoke(Now.AddHours(1));
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Submit(Answers(4, 3), "Too late?", catalog, Now.AddHours(2)));

        Assert.Contains("withdrawn", ex.Message);
        AssertNothingRecorded(request, version);
    }

    [Fact]
    public void Submit_with_a_skill_not_in_the_catalog_is_refused_and_nothing_is_recorded()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        var version = request.Version;
        var answers = new Dictionary<string, int?> { ["planning"] = 4, ["juggling"] = 3 };

        var ex = Assert.Throws<DomainException>(() => request.Submit(answers, "Great.", catalog, Now.AddDays(1)));

        Assert.Equal("'juggling' is not a skill in the catalog.", ex.Message);
        AssertNothingRecorded(request, version);
        Assert.Equal(FeedbackStatus.Waiting, request.StatusAt(Now.AddDays(1)));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Submit_with_a_level_outside_one_to_five_is_refused_and_nothing_is_recorded(int level)
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Submit(Answers(4, level), "Great.", catalog, Now.AddDays(1)));

        Assert.Contains("between 1 and 5", ex.Message);
        AssertNothingRecorded(request, version);
    }

    [Fact]
    public void A_refused_Submit_can_be_followed_by_a_valid_one()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        Assert.Throws<DomainException>(() => request.Submit(Answers(4, 6), null, catalog, Now.AddDays(1)));

        request.Submit(Answers(4, 5), null, catalog, Now.AddDays(1));

        Assert.Equal([4, 5], request.Ratings.Select(r => r.Level!.Value.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Submit_with_every_skill_cant_say_and_no_comment_is_refused(string? comment)
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Submit(Answers(null, null), comment, catalog, Now.AddDays(1)));

        Assert.Equal("Rate at least one skill or leave a comment before submitting.", ex.Message);
        AssertNothingRecorded(request, version);
    }

    [Fact]
    public void Submit_with_no_ratings_and_no_comment_is_refused()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        var version = request.Version;

        Assert.Throws<DomainException>(() => request.Submit(new Dictionary<string, int?>(), null, catalog, Now.AddDays(1)));

        AssertNothingRecorded(request, version);
    }

    [Fact]
    public void Submit_with_an_over_long_comment_is_refused_and_nothing_is_recorded()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Submit(Answers(4, 3), new string('c', FeedbackRequest.CommentMaxLength + 1), catalog, Now.AddDays(1)));

        Assert.Equal("The comment must be at most 2000 characters (it is 2001).", ex.Message);
        AssertNothingRecorded(request, version);
    }

    [Fact]
    public void Revoke_after_an_answer_is_refused()
    {
        var catalog = NewCatalog();
        var request = NewRequest();
        request.Submit(Answers(4, 3), null, catalog, Now.AddDays(1));
        var version = request.Version;

        var ex = Assert.Throws<DomainException>(() => request.Revoke(Now.AddDays(2)));

        Assert.Equal("Priya Shah has already answered; there is nothing to revoke.", ex.Message);
        Assert.Null(request.RevokedAtUtc);
        Assert.Equal(FeedbackStatus.Answered, request.StatusAt(Now.AddDays(2)));
        Assert.Equal(version, request.Version);
    }

    [Fact]
    public void Revoking_twice_keeps_the_first_revocation_time()
    {
        var request = NewRequest();
        request.Revoke(Now.AddHours(1));

        request.Revoke(Now.AddHours(5));

        Assert.Equal(Now.AddHours(1), request.RevokedAtUtc);
    }

    [Fact]
    public void Revoke_gives_a_new_version()
    {
        var request = NewRequest();
        var version = request.Version;

        request.Revoke(Now.AddHours(1));

        Assert.NotEqual(version, request.Version);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(99)]
    public void Create_refuses_a_relationship_that_is_not_defined(int relationship)
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackRequest.Create(Guid.Empty, "owner", "Priya Shah", (Relationship)relationship, Now, Now.AddDays(LifetimeDays)));

        Assert.Equal("Choose how you know this person: peer, mentor, supervisor, direct report or other.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_refuses_an_empty_name(string? name)
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackRequest.Create(Guid.Empty, "owner", name!, Relationship.Peer, Now, Now.AddDays(LifetimeDays)));

        Assert.Equal("The person's name is required.", ex.Message);
    }

    [Fact]
    public void Create_refuses_an_over_long_name()
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackRequest.Create(Guid.Empty, "owner", new string('n', FeedbackRequest.NameMaxLength + 1), Relationship.Peer, Now, Now.AddDays(LifetimeDays)));

        Assert.Equal("The person's name must be at most 100 characters (it is 101).", ex.Message);
    }
}
