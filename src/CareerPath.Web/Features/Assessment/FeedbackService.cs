using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Assessment;

public sealed record CreatedFeedbackLink(FeedbackRequest Request, string Token);

/// <summary>The signed-in user's feedback rounds: their links, and the results of the rounds that closed.</summary>
/// <summary>A feedback link as the page lists it: who was asked, how the user knows them, and where it stands.</summary>
public sealed record FeedbackRequestLine(Guid Id, string RespondentName, Relationship Relationship, FeedbackStatus Status, DateTime? SubmittedAtUtc, DateTime? RevokedAtUtc);

/// <summary>A round as the page shows it: its links and, once closed with enough answers, only its aggregated results.</summary>
/// <param name="FrameworkVersionId">The framework version the round asked about: its skills name the results.</param>
/// <param name="SelfComparable">The user's own latest levels are on a scale of the same size, so they sit next to these results.</param>
public sealed record FeedbackRoundLine(
    Guid Id, string Name, DateOnly ClosesOn, DateTime? ClosedAtUtc, int AnsweredCount, IReadOnlyList<FeedbackRequestLine> Requests, FeedbackResults? Results,
    Guid? FrameworkVersionId = null, bool SelfComparable = true);

/// <summary>
/// The feedback page, read in one go: the open round, the closed ones newest first, and the user's own levels from
/// their latest finished audit (null without one). Plain data, so the prerendered page hands it to the live one;
/// it holds no one's individual answers.
/// </summary>
public sealed record FeedbackPageModel(FeedbackRoundLine? Open, IReadOnlyList<FeedbackRoundLine> Closed, IReadOnlyDictionary<string, int>? SelfLevels, string OwnerId)
    : CareerPath.Web.Components.Shared.IOwnedView;

public sealed class FeedbackService(UserData userData, PlanCatalog plan, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The feedback page, after closing the rounds whose date has passed.</summary>
    public async Task<FeedbackPageModel> PageAsync()
    {
        await using var db = await userData.OpenAsync();
        var now = Now;
        await FeedbackRounds.CloseDueAsync(db, plan.ForVersionAsync, now);
        var rounds = await db.FeedbackRounds.AsNoTracking().AsSplitQuery().Include(r => r.Requests).ToListAsync();
        var self = await AssessmentService.LatestCompletedAsync(db);
        var selfCatalog = self is null ? null : await plan.ForVersionAsync(self.FrameworkVersionId);
        var lines = new List<FeedbackRoundLine>(rounds.Count);
        foreach (var r in rounds)
        {
            // A round from before the plan moved frameworks sits next to one's own levels only when both scales have the same size.
            var comparable = selfCatalog is null || await plan.SameScaleAsync(r.FrameworkVersionId, selfCatalog);
            lines.Add(new FeedbackRoundLine(
                r.Id, r.Name, r.ClosesOn, r.ClosedAtUtc, r.AnsweredCount,
                r.Requests.OrderBy(q => q.CreatedAtUtc)
                    .Select(q => new FeedbackRequestLine(q.Id, q.RespondentName, q.Relationship, q.StatusAt(now), q.SubmittedAtUtc, q.RevokedAtUtc))
                    .ToList(),
                r.Results(), r.FrameworkVersionId, comparable));
        }

        return new FeedbackPageModel(
            lines.FirstOrDefault(r => r.ClosedAtUtc is null),
            lines.Where(r => r.ClosedAtUtc is not null).OrderByDescending(r => r.ClosedAtUtc).ToList(),
            self is null ? null : AuditLevels.Of(self).Levels,
            db.CurrentOwnerId!);
    }

    /// <summary>Every round, newest first, after closing the ones whose date has passed.</summary>
    public async Task<IReadOnlyList<FeedbackRound>> ListRoundsAsync()
    {
        await using var db = await userData.OpenAsync();
        await FeedbackRounds.CloseDueAsync(db, plan.ForVersionAsync, Now);
        return await db.FeedbackRounds.AsNoTracking().AsSplitQuery()
            .Include(r => r.Requests)
            .OrderByDescending(r => r.CreatedAtUtc)
            .ToListAsync();
    }

    /// <summary>The newest results, for comparing with one's own ratings elsewhere (roadmap, results).</summary>
    public async Task<FeedbackResults?> LatestResultsAsync()
    {
        await using var db = await userData.OpenAsync();
        return (await FeedbackRounds.LatestResultsAsync(db, plan.ForVersionAsync, Now))?.Results;
    }

    public async Task<FeedbackRound> StartRoundAsync(string name, DateOnly closesOn)
    {
        await using var db = await userData.OpenAsync();
        await FeedbackRounds.CloseDueAsync(db, plan.ForVersionAsync, Now);
        if (await db.FeedbackRounds.AnyAsync(r => r.ClosedAtUtc == null))
        {
            throw new DomainException("You already have an open round. Add people to it, or close it before starting another.");
        }

        var round = FeedbackRound.Start(db.CurrentOwnerId!, name, closesOn, Now, await plan.CurrentAsync());
        db.FeedbackRounds.Add(round);
        await db.SaveChangesAsync();
        return round;
    }

    public Task<CreatedFeedbackLink> AskAsync(Guid roundId, string respondentName, Relationship relationship) =>
        ChangeAsync(roundId, (round, _) =>
        {
            var (request, token) = round.Ask(respondentName, relationship, Now);
            return new CreatedFeedbackLink(request, token);
        });

    public Task RevokeAsync(Guid roundId, Guid requestId) =>
        ChangeAsync(roundId, (round, _) =>
        {
            round.Revoke(requestId, Now);
            return true;
        });

    public Task RemoveAsync(Guid roundId, Guid requestId) =>
        ChangeAsync(roundId, (round, _) =>
        {
            round.Remove(requestId, Now);
            return true;
        });

    public Task RescheduleAsync(Guid roundId, DateOnly closesOn) =>
        ChangeAsync(roundId, (round, _) =>
        {
            round.Reschedule(closesOn, Now);
            return true;
        });

    /// <summary>Closes a round now: its results are computed once and its answers erased.</summary>
    public Task CloseAsync(Guid roundId) =>
        ChangeAsync(roundId, (round, catalog) =>
        {
            round.Close(catalog, Now);
            return true;
        });

    private async Task<T> ChangeAsync<T>(Guid roundId, Func<FeedbackRound, CareerCatalog, T> change)
    {
        await using var db = await userData.OpenAsync();
        var round = await db.FeedbackRounds.Include(r => r.Requests).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == roundId)
            ?? throw new NotFoundException("That feedback round does not exist or is not yours.");
        var catalog = await plan.ForVersionAsync(round.FrameworkVersionId);
        if (round.IsDue(Now))
        {
            round.Close(catalog, Now);
            await db.SaveOrConflictAsync("feedback round");
            throw new DomainException($"The round '{round.Name}' closed on {round.ClosesOn:d MMM yyyy}; its results are below.");
        }

        var result = change(round, catalog);
        await db.SaveOrConflictAsync("feedback round");
        return result;
    }
}

/// <summary>Rules every reader of feedback applies: a round whose date has passed is closed before anything is read.</summary>
public static class FeedbackRounds
{
    /// <summary>Closes the due rounds the context can see (one owner's, or every owner's for the background closer).</summary>
    /// <param name="catalogFor">The catalog of the framework version a round was made against.</param>
    public static async Task<int> CloseDueAsync(CareerPathDbContext db, Func<Guid?, Task<CareerCatalog>> catalogFor, DateTime nowUtc, bool allOwners = false)
    {
        var query = allOwners ? db.FeedbackRounds.IgnoreQueryFilters() : db.FeedbackRounds;
        var due = await query.Where(r => r.ClosedAtUtc == null && r.ClosesAtUtc <= nowUtc).Select(r => r.Id).ToListAsync();
        var closed = 0;
        foreach (var id in due)
        {
            var round = await query.Include(r => r.Requests).AsSplitQuery().FirstAsync(r => r.Id == id);
            var owner = db.CurrentOwnerId;
            db.CurrentOwnerId = round.OwnerId;
            try
            {
                round.Close(await catalogFor(round.FrameworkVersionId), nowUtc);
                await db.SaveChangesAsync();
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another request closed it (or an answer arrived) first; whoever won, it is closed once.
            }
            finally
            {
                db.CurrentOwnerId = owner;
                db.ChangeTracker.Clear();
            }
        }

        return closed;
    }

    /// <summary>The newest closed round's results with the framework version it asked about; null when no round has results.</summary>
    public static async Task<(FeedbackResults Results, Guid? FrameworkVersionId)?> LatestResultsAsync(CareerPathDbContext db,
        Func<Guid?, Task<CareerCatalog>> catalogFor, DateTime nowUtc)
    {
        await CloseDueAsync(db, catalogFor, nowUtc);
        var latest = await db.FeedbackRounds.AsNoTracking()
            .Where(r => r.ClosedAtUtc != null && r.AnswerCount >= FeedbackAggregation.MinimumGroupSize)
            .OrderByDescending(r => r.ClosedAtUtc)
            .FirstOrDefaultAsync();
        return latest?.Results() is { } results ? (results, latest.FrameworkVersionId) : null;
    }
}

/// <summary>
/// Closes rounds on their date even when their owner does not visit, so answers are folded into results and erased
/// on time rather than whenever someone next looks.
/// </summary>
public sealed class FeedbackRoundCloser(IDbContextFactory<CareerPathDbContext> dbFactory, CatalogProvider catalogs, TimeProvider clock,
    ILogger<FeedbackRoundCloser> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var closed = await FeedbackRounds.CloseDueAsync(db, catalogs.ForVersionAsync, clock.GetUtcNow().UtcDateTime, allOwners: true);
                if (closed > 0)
                {
                    logger.LogInformation("Closed {Count} feedback rounds that reached their closing date.", closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Closing due feedback rounds failed; trying again in {Interval}.", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>What a respondent may see: whose feedback it is, how they know them, and until when they can answer.</summary>
/// <param name="FrameworkVersionId">The framework version the round was made against: its skills and scale are the questions.</param>
public sealed record Questionnaire(string ForName, Relationship Relationship, FeedbackStatus Status, DateTime ClosesAtUtc, Guid? FrameworkVersionId);

/// <summary>
/// The respondent's page: the questionnaire behind a link, null when the link does not work. It belongs to the link
/// (<paramref name="OwnerId"/> is the token), so a hand-over from the prerender is used only on the same link's page.
/// </summary>
public sealed record RespondPageModel(Questionnaire? Questionnaire, string OwnerId) : CareerPath.Web.Components.Shared.IOwnedView;

/// <summary>
/// The anonymous side of feedback: a person with a link sees one questionnaire and can answer it once.
/// The token is the only key; it is hashed and compared in constant time, and nothing else is reachable.
/// </summary>
public sealed class RespondentService(IDbContextFactory<CareerPathDbContext> dbFactory, PlanCatalog plan, TimeProvider clock)
{
    public const string InvalidLinkMessage = "This feedback link is not valid. Check that you copied the whole link, or ask for a new one.";

    public async Task<Questionnaire?> OpenAsync(string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await FindAsync(db, token);
        if (request is null)
        {
            return null;
        }

        var owner = await db.Users.AsNoTracking().Where(u => u.Id == request.OwnerId).Select(u => new { u.DisplayName, u.Email }).FirstAsync();
        var version = await db.FeedbackRounds.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == request.RoundId).Select(r => r.FrameworkVersionId).FirstOrDefaultAsync();
        return new Questionnaire(owner.DisplayName ?? owner.Email ?? "a colleague", request.Relationship, request.StatusAt(Now), request.ExpiresAtUtc, version);
    }

    public async Task<RespondPageModel> PageAsync(string token) => new(await OpenAsync(token), token);

    public async Task SubmitAsync(string token, IReadOnlyDictionary<string, int?> ratings, string? comment)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await FindAsync(db, token) ?? throw new DomainException(InvalidLinkMessage);
        var round = await db.FeedbackRounds.IgnoreQueryFilters().Include(r => r.Requests).AsSplitQuery().FirstAsync(r => r.Id == request.RoundId);
        // The respondent answers on the framework version the round was made against, whoever they are.
        var catalog = await plan.ForVersionAsync(round.FrameworkVersionId);

        // The respondent writes to exactly this one round, on behalf of its owner.
        db.CurrentOwnerId = round.OwnerId;
        if (round.IsDue(Now))
        {
            round.Close(catalog, Now);
            await db.SaveChangesAsync();
            throw new DomainException("This feedback round has closed, so the link no longer accepts answers.");
        }

        round.Submit(request.Id, ratings, comment, catalog, Now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link was submitted twice at once, or the round closed at that moment.
            throw new DomainException("This link has just been answered or its round has just closed, so nothing was changed.");
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<FeedbackRequest?> FindAsync(CareerPathDbContext db, string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        // The one place personal data is read without an owner: the token itself is the credential.
        var hash = FeedbackRequest.HashToken(token);
        var request = await db.FeedbackRequests.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash);
        return request is not null && request.Matches(token) ? request : null;
    }
}
