using System.Security.Cryptography;
using System.Text;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Assessment;

public enum Relationship
{
    Peer,
    Mentor,
    Supervisor,
    DirectReport,
    Other,
}

public enum FeedbackStatus
{
    Waiting,
    Answered,
    Expired,
    Revoked,
}

/// <summary>
/// A request to one named person for feedback, reached through a personal link, within a
/// <see cref="FeedbackRound"/>. Only a hash of the link's token is stored; the token itself is shown once, to the
/// user who creates the request. The answers are kept only until the round closes: then they are folded into the
/// round's results and erased, so no file ever holds one person's answers next to a name.
/// </summary>
public sealed class FeedbackRequest : IOwned, IVersioned
{
    public const int NameMaxLength = 100;
    public const int CommentMaxLength = 2000;
    public const int TokenBytes = 32;
    public const int HashLength = 64;

    private readonly List<FeedbackRating> _ratings = [];

    private FeedbackRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string RespondentName { get; private set; } = "";
    public Relationship Relationship { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? Comment { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<FeedbackRating> Ratings => _ratings;

    /// <summary>Creates a request and the secret token for its link (256 random bits, URL-safe); it works until <paramref name="expiresAtUtc"/>.</summary>
    internal static (FeedbackRequest Request, string Token) Create(
        Guid roundId, string ownerId, string respondentName, Relationship relationship, DateTime nowUtc, DateTime expiresAtUtc)
    {
        if (!Enum.IsDefined(relationship))
        {
            throw new DomainException("Choose how you know this person: peer, mentor, supervisor, direct report or other.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var request = new FeedbackRequest
        {
            Id = Guid.NewGuid(),
            RoundId = roundId,
            OwnerId = Guard.Text(ownerId, "An owner", 450),
            RespondentName = Guard.Text(respondentName, "The person's name", NameMaxLength),
            Relationship = relationship,
            TokenHash = HashToken(token),
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = expiresAtUtc,
            Version = Guid.NewGuid(),
        };
        return (request, token);
    }

    /// <summary>
    /// Rebuilds a link from an export: who was asked, how they relate, and what became of it. Its token cannot
    /// come back (only a hash was ever kept) and answers are never exported, so it holds no answers and, if it was
    /// still waiting, stays as it was: answered, withdrawn, or ended with its round.
    /// </summary>
    internal static FeedbackRequest Restore(Guid roundId, string ownerId, string respondentName, Relationship relationship, DateTime createdAtUtc,
        DateTime expiresAtUtc, DateTime? revokedAtUtc, DateTime? submittedAtUtc)
    {
        if (expiresAtUtc < createdAtUtc)
        {
            throw new DomainException("A feedback request cannot expire before it was created.");
        }

        var (request, _) = Create(roundId, ownerId, respondentName, relationship, createdAtUtc, expiresAtUtc);
        request.SubmittedAtUtc = submittedAtUtc;
        request.RevokedAtUtc = submittedAtUtc is null ? revokedAtUtc : null;
        return request;
    }

    /// <summary>The stored form of a token. A malformed token hashes like any other and simply matches nothing.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>Compares a presented token with the stored hash in constant time.</summary>
    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashToken(token)),
            Encoding.ASCII.GetBytes(TokenHash));

    public FeedbackStatus StatusAt(DateTime nowUtc) =>
        SubmittedAtUtc is not null ? FeedbackStatus.Answered
        : RevokedAtUtc is not null ? FeedbackStatus.Revoked
        : nowUtc >= ExpiresAtUtc ? FeedbackStatus.Expired
        : FeedbackStatus.Waiting;

    internal void Revoke(DateTime nowUtc)
    {
        if (SubmittedAtUtc is not null)
        {
            throw new DomainException($"{RespondentName} has already answered; there is nothing to revoke.");
        }

        RevokedAtUtc ??= nowUtc;
        Touch();
    }

    /// <summary>
    /// Records the respondent's answers once. Levels are on the framework's scale, or null for "can't say"; every rated skill must be
    /// in the catalog.
    /// </summary>
    internal void Submit(IReadOnlyDictionary<string, int?> ratings, string? comment, CareerCatalog catalog, DateTime nowUtc)
    {
        switch (StatusAt(nowUtc))
        {
            case FeedbackStatus.Answered:
                throw new DomainException("This feedback has already been submitted, so nothing was changed. Thank you!");
            case FeedbackStatus.Revoked:
                throw new DomainException("This feedback link has been withdrawn and no longer accepts answers.");
            case FeedbackStatus.Expired:
                throw new DomainException("This feedback round has closed, so the link no longer accepts answers.");
        }

        var answers = new List<FeedbackRating>();
        foreach (var (skill, level) in ratings)
        {
            if (catalog.FindSkill(skill) is null)
            {
                throw new DomainException($"'{skill}' is not a skill in the catalog.");
            }

            if (level is { } value && !catalog.Scale.Contains(value))
            {
                throw new DomainException($"A rating must be between 1 and {catalog.Scale.Count} (it is {value:N0}).");
            }

            answers.Add(new FeedbackRating(skill, level is null ? null : ProficiencyLevel.From(level.Value)));
        }

        if (answers.All(a => a.Level is null) && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("Rate at least one skill or leave a comment before submitting.");
        }

        Comment = Guard.OptionalText(comment, "The comment", CommentMaxLength);
        _ratings.Clear();
        _ratings.AddRange(answers);
        SubmittedAtUtc = nowUtc;
        Touch();
    }

    /// <summary>The answers as the aggregation takes them: no name, no time.</summary>
    internal FeedbackAnswer ToAnswer() =>
        new(Relationship, _ratings.ToDictionary(r => r.SkillSlug, r => r.Level?.Value), Comment);

    /// <summary>Forgets the answers once they are folded into the round's results; the link stays "answered".</summary>
    internal void EraseAnswers()
    {
        _ratings.Clear();
        Comment = null;
        Touch();
    }

    /// <summary>A link that was not answered stops working when its round closes early.</summary>
    internal void EndAt(DateTime closedAtUtc)
    {
        if (SubmittedAtUtc is null && RevokedAtUtc is null && closedAtUtc < ExpiresAtUtc)
        {
            ExpiresAtUtc = closedAtUtc;
            Touch();
        }
    }

    internal void ExtendTo(DateTime expiresAtUtc)
    {
        ExpiresAtUtc = expiresAtUtc;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A respondent's rating of one skill; no level means "can't say".</summary>
public sealed class FeedbackRating
{
    private FeedbackRating()
    {
    }

    internal FeedbackRating(string skillSlug, ProficiencyLevel? level)
    {
        SkillSlug = skillSlug;
        Level = level;
    }

    public string SkillSlug { get; private set; } = "";
    public ProficiencyLevel? Level { get; private set; }
}
