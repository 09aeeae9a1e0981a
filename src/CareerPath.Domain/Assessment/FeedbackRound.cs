using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;

namespace CareerPath.Domain.Assessment;

/// <summary>
/// Feedback links sent together, with a closing date. Nothing of the answers is shown while the round is open: an
/// average that moved with each new answer would give that answer away to someone who sees which links were
/// answered. When the round closes (on its date or by the user) its results are computed once by
/// <see cref="FeedbackAggregation"/>, stored, and never change; the individual answers are then erased.
/// </summary>
public sealed class FeedbackRound : IOwned, IVersioned, IFrameworkBound
{
    public const int NameMaxLength = 100;
    public const int MaxLinks = 50;
    public const int MaxOpenDays = 365;
    public const int DefaultOpenDays = 21;

    private readonly List<FeedbackRequest> _requests = [];
    private readonly List<FeedbackFigure> _figures = [];
    private readonly List<FeedbackComment> _comments = [];

    private FeedbackRound()
    {
    }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The end of the closing day: links stop working and results appear at this moment.</summary>
    public DateTime ClosesAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>How many people had answered when the round closed; 0 while it is open.</summary>
    public int AnswerCount { get; private set; }

    public Guid Version { get; private set; }
    public Guid? FrameworkVersionId { get; private set; }
    public IReadOnlyList<FeedbackRequest> Requests => _requests;
    public IReadOnlyList<FeedbackFigure> Figures => _figures;
    public IReadOnlyList<FeedbackComment> Comments => _comments;

    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>A closed round shows results only if at least three people answered.</summary>
    public bool HasResults => IsClosed && AnswerCount >= FeedbackAggregation.MinimumGroupSize;

    public DateOnly ClosesOn => DateOnly.FromDateTime(ClosesAtUtc).AddDays(-1);

    /// <summary>Starts a round that closes at the end of <paramref name="closesOn"/> (UTC).</summary>
    public static FeedbackRound Start(string ownerId, string name, DateOnly closesOn, DateTime nowUtc, CareerCatalog? catalog = null)
    {
        var round = new FeedbackRound
        {
            Id = Guid.NewGuid(),
            OwnerId = Guard.Text(ownerId, "An owner", 450),
            Name = Guard.Text(name, "The round's name", NameMaxLength),
            CreatedAtUtc = nowUtc,
            Version = Guid.NewGuid(),
            FrameworkVersionId = catalog?.VersionId,
        };
        round.ClosesAtUtc = round.CheckClosingDay(closesOn, nowUtc);
        return round;
    }

    /// <summary>The default name for a round started on <paramref name="today"/>.</summary>
    public static string DefaultName(DateOnly today) => $"Feedback {today:MMMM yyyy}";

    public bool IsDue(DateTime nowUtc) => !IsClosed && nowUtc >= ClosesAtUtc;

    public int AnsweredCount => _requests.Count(r => r.SubmittedAtUtc is not null);

    /// <summary>Adds a link for one person; it works until the round closes.</summary>
    public (FeedbackRequest Request, string Token) Ask(string respondentName, Relationship relationship, DateTime nowUtc)
    {
        EnsureOpen(nowUtc, "add people to it");
        if (_requests.Count >= MaxLinks)
        {
            throw new DomainException($"A round can have at most {MaxLinks} links. Start a new round after this one closes.");
        }

        var created = FeedbackRequest.Create(Id, OwnerId, respondentName, relationship, nowUtc, ClosesAtUtc);
        _requests.Add(created.Request);
        Touch();
        return created;
    }

    public void Revoke(Guid requestId, DateTime nowUtc)
    {
        var request = Find(requestId);
        EnsureOpen(nowUtc, "withdraw links");
        request.Revoke(nowUtc);
        Touch();
    }

    /// <summary>
    /// Takes a link nobody answered (withdrawn, or expired unanswered) off the round's list. An answered link stays:
    /// its answer is part of the round. A waiting link is withdrawn first, so removing never ends a link by surprise.
    /// </summary>
    public void Remove(Guid requestId, DateTime nowUtc)
    {
        var request = Find(requestId);
        if (request.SubmittedAtUtc is not null)
        {
            throw new DomainException($"{request.RespondentName} answered, so the link stays: their answer is part of this round.");
        }

        if (request.StatusAt(nowUtc) == FeedbackStatus.Waiting)
        {
            throw new DomainException($"The link for {request.RespondentName} still works: withdraw it first, then remove it.");
        }

        _requests.Remove(request);
        Touch();
    }

    /// <summary>Records one respondent's answers; refused once the round has closed or its closing time has passed.</summary>
    public void Submit(Guid requestId, IReadOnlyDictionary<string, int?> ratings, string? comment, CareerCatalog catalog, DateTime nowUtc)
    {
        var request = Find(requestId);
        if (IsClosed || IsDue(nowUtc))
        {
            throw new DomainException(request.SubmittedAtUtc is not null
                ? "This feedback has already been submitted, so nothing was changed. Thank you!"
                : "This feedback round has closed, so the link no longer accepts answers.");
        }

        // Only the request changes: two people answering at once do not conflict, while closing (which touches
        // every request) and answering do, so an answer is either in the results or refused.
        request.Submit(ratings, comment, catalog, nowUtc);
    }

    /// <summary>Moves the closing day; every waiting link then works until the new time.</summary>
    public void Reschedule(DateOnly closesOn, DateTime nowUtc)
    {
        EnsureOpen(nowUtc, "change its closing date");
        ClosesAtUtc = CheckClosingDay(closesOn, nowUtc);
        foreach (var request in _requests.Where(r => r.StatusAt(nowUtc) == FeedbackStatus.Waiting))
        {
            request.ExtendTo(ClosesAtUtc);
        }

        Touch();
    }

    /// <summary>
    /// Closes the round: computes and stores its results, erases every individual answer, and ends the links still
    /// waiting. A round that is due closes as of its closing time, whenever this runs. Closing twice does nothing.
    /// </summary>
    public void Close(CareerCatalog catalog, DateTime nowUtc)
    {
        if (IsClosed)
        {
            return;
        }

        var closedAt = IsDue(nowUtc) ? ClosesAtUtc : nowUtc;
        var answered = _requests.Where(r => r.SubmittedAtUtc is not null).ToList();
        var results = FeedbackAggregation.Aggregate(catalog, answered.Select(r => r.ToAnswer()).ToList());
        AnswerCount = answered.Count;
        if (HasResultsFor(AnswerCount))
        {
            StoreResults(results);
        }

        foreach (var request in _requests)
        {
            request.EraseAnswers();
            request.EndAt(closedAt);
        }

        ClosedAtUtc = closedAt;
        Touch();
    }

    /// <summary>The stored results, or null while the round is open or when fewer than three people answered.</summary>
    public FeedbackResults? Results()
    {
        if (!HasResults)
        {
            return null;
        }

        FeedbackGroup GroupOf(Relationship? relationship) => new(
            relationship,
            _figures.Where(f => f.Relationship == relationship).Select(f => f.Responses).DefaultIfEmpty(relationship is null ? AnswerCount : 0).First(),
            _figures.Where(f => f.Relationship == relationship).ToDictionary(f => f.SkillSlug, f => f.Average));

        var groups = _figures.Where(f => f.Relationship is not null).Select(f => f.Relationship).Distinct().Order().Select(GroupOf).ToList();
        return new FeedbackResults(AnswerCount, GroupOf(null), groups, _comments.OrderBy(c => c.Position).Select(c => c.Text).ToList());
    }

    /// <summary>
    /// Rebuilds a closed round from an export: its links (without answers) and its results as they were shown.
    /// Results are checked against the same rule that produced them, so an edited file cannot bring in a figure
    /// behind fewer than three answers.
    /// </summary>
    public static FeedbackRound Restore(string ownerId, string name, DateTime createdAtUtc, DateTime closesAtUtc, DateTime? closedAtUtc,
        IEnumerable<(string Name, Relationship Relationship, DateTime CreatedAtUtc, DateTime? RevokedAtUtc, DateTime? SubmittedAtUtc)> links,
        FeedbackResults? results, CareerCatalog catalog, DateTime nowUtc)
    {
        if (closesAtUtc < createdAtUtc)
        {
            throw new DomainException($"The feedback round '{name}' closes before it was started.");
        }

        var round = new FeedbackRound
        {
            Id = Guid.NewGuid(),
            OwnerId = Guard.Text(ownerId, "An owner", 450),
            Name = Guard.Text(name, "The round's name", NameMaxLength),
            CreatedAtUtc = createdAtUtc,
            FrameworkVersionId = catalog.VersionId,
            ClosesAtUtc = closesAtUtc,
            Version = Guid.NewGuid(),
        };
        foreach (var link in links)
        {
            if (round._requests.Count >= MaxLinks)
            {
                throw new DomainException($"The feedback round '{round.Name}' has more than {MaxLinks} links.");
            }

            round._requests.Add(FeedbackRequest.Restore(round.Id, round.OwnerId, link.Name, link.Relationship, link.CreatedAtUtc, closesAtUtc,
                link.RevokedAtUtc, link.SubmittedAtUtc));
        }

        // An open round's answers were never exported, so it comes back closed, without results.
        round.ClosedAtUtc = closedAtUtc ?? Min(nowUtc, closesAtUtc);
        foreach (var request in round._requests)
        {
            request.EndAt(round.ClosedAtUtc.Value);
        }

        if (closedAtUtc is null)
        {
            if (results is not null)
            {
                throw new DomainException($"The feedback round '{round.Name}' is open but has results.");
            }

            return round;
        }

        round.AnswerCount = round.AnsweredCount;
        if (results is not null)
        {
            round.RestoreResults(results, catalog);
        }
        else if (round.HasResults)
        {
            throw new DomainException($"The feedback round '{round.Name}' closed with {round.AnswerCount} answers but has no results.");
        }

        return round;
    }

    private void RestoreResults(FeedbackResults results, CareerCatalog catalog)
    {
        if (results.AnswerCount != AnswerCount)
        {
            throw new DomainException($"The feedback round '{Name}' has results from {results.AnswerCount} answers but {AnswerCount} answered links.");
        }

        if (!HasResultsFor(AnswerCount))
        {
            throw new DomainException($"The feedback round '{Name}' has results from fewer than {FeedbackAggregation.MinimumGroupSize} answers.");
        }

        foreach (var group in results.Groups.Prepend(results.Overall))
        {
            var size = group.Relationship is null ? AnswerCount : group.Responses;
            if (size < FeedbackAggregation.MinimumGroupSize || size > AnswerCount)
            {
                throw new DomainException($"The feedback round '{Name}' has a group of {group.Responses} answers; groups need {FeedbackAggregation.MinimumGroupSize} to {AnswerCount}.");
            }

            foreach (var (skill, average) in group.Averages)
            {
                if (catalog.FindSkill(skill) is null)
                {
                    throw new DomainException($"'{skill}' is not a skill in the catalog.");
                }

                if (average < 1 || average > catalog.Scale.Count || double.IsNaN(average))
                {
                    throw new DomainException($"An average for '{skill}' in the feedback round '{Name}' is outside 1–{catalog.Scale.Count}.");
                }
            }
        }

        if (results.Groups.Select(g => g.Relationship).Distinct().Count() != results.Groups.Count || results.Groups.Any(g => g.Relationship is null))
        {
            throw new DomainException($"The feedback round '{Name}' lists a group twice.");
        }

        if (results.Comments.Count > AnswerCount)
        {
            throw new DomainException($"The feedback round '{Name}' has more comments than answers.");
        }

        StoreResults(new FeedbackResults(AnswerCount, results.Overall with { Responses = AnswerCount }, results.Groups,
            results.Comments.Select(c => Guard.Text(c, "A comment", FeedbackRequest.CommentMaxLength)).Order(StringComparer.Ordinal).ToList()));
    }

    private static bool HasResultsFor(int answers) => answers >= FeedbackAggregation.MinimumGroupSize;

    private void StoreResults(FeedbackResults results)
    {
        _figures.Clear();
        _comments.Clear();
        foreach (var group in results.Groups.Prepend(results.Overall))
        {
            _figures.AddRange(group.Averages.Select(a => new FeedbackFigure(group.Relationship, a.Key, group.Responses, a.Value)));
        }

        _comments.AddRange(results.Comments.Select((text, i) => new FeedbackComment(i, text)));
    }

    private FeedbackRequest Find(Guid requestId) =>
        _requests.FirstOrDefault(r => r.Id == requestId) ?? throw new DomainException("That feedback link does not exist or is not part of this round.");

    private void EnsureOpen(DateTime nowUtc, string action)
    {
        if (IsClosed || IsDue(nowUtc))
        {
            throw new DomainException($"The round '{Name}' has closed, so you can no longer {action}.");
        }
    }

    private DateTime CheckClosingDay(DateOnly closesOn, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var started = DateOnly.FromDateTime(CreatedAtUtc);
        if (closesOn < today)
        {
            throw new DomainException("The closing date is in the past. Choose today or a later day.");
        }

        if (closesOn > started.AddDays(MaxOpenDays))
        {
            throw new DomainException($"A round can stay open for at most {MaxOpenDays} days, so choose a closing date on or before {started.AddDays(MaxOpenDays):d MMM yyyy}.");
        }

        return closesOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>One stored average of a closed round: a skill in one column (null relationship: "all others").</summary>
public sealed class FeedbackFigure
{
    private FeedbackFigure()
    {
    }

    internal FeedbackFigure(Relationship? relationship, string skillSlug, int responses, double average)
    {
        Group = relationship?.ToString() ?? AllOthers;
        SkillSlug = skillSlug;
        Responses = responses;
        Average = average;
    }

    /// <summary>The stored name of the "all others" column.</summary>
    public const string AllOthers = "All";

    /// <summary>The column: <see cref="AllOthers"/> or a relationship's name.</summary>
    public string Group { get; private set; } = AllOthers;

    public Relationship? Relationship => Group == AllOthers ? null : Enum.Parse<Relationship>(Group);

    public string SkillSlug { get; private set; } = "";

    /// <summary>How many people answered in this column (not per skill, which would tell who said "can't say").</summary>
    public int Responses { get; private set; }

    public double Average { get; private set; }
}

/// <summary>A comment of a closed round, without a name; <see cref="Position"/> follows the text, not the time.</summary>
public sealed class FeedbackComment
{
    private FeedbackComment()
    {
    }

    internal FeedbackComment(int position, string text)
    {
        Position = position;
        Text = text;
    }

    public int Position { get; private set; }
    public string Text { get; private set; } = "";
}
