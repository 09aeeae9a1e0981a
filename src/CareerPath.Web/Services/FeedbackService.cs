using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

public sealed record CreatedFeedbackRequest(FeedbackRequest Request, string Token);

/// <summary>The signed-in user's feedback requests and what came back.</summary>
public sealed class FeedbackService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public async Task<CreatedFeedbackRequest> CreateAsync(string respondentName, Relationship relationship, int lifetimeDays)
    {
        await using var db = await userData.OpenAsync();
        var (request, token) = FeedbackRequest.Create(db.CurrentOwnerId!, respondentName, relationship, Now, lifetimeDays);
        db.FeedbackRequests.Add(request);
        await db.SaveChangesAsync();
        return new CreatedFeedbackRequest(request, token);
    }

    public async Task<IReadOnlyList<FeedbackRequest>> ListAsync()
    {
        await using var db = await userData.OpenAsync();
        return await db.FeedbackRequests.AsNoTracking().OrderByDescending(r => r.CreatedAtUtc).ToListAsync();
    }

    public async Task RevokeAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var request = await db.FeedbackRequests.FirstOrDefaultAsync(r => r.Id == id)
            ?? throw new NotFoundException("That feedback request does not exist or is not yours.");
        request.Revoke(Now);
        await db.SaveOrConflictAsync("feedback request");
    }

    /// <summary>Answers aggregated by relationship, next to the latest completed self-ratings.</summary>
    public async Task<FeedbackSummary> SummarizeAsync(SkillAudit? selfAudit)
    {
        var catalog = await catalogProvider.GetAsync();
        var requests = await ListAsync();
        var self = selfAudit?.Ratings.ToDictionary(r => r.SkillSlug, r => r.Level.Value);
        return FeedbackAggregation.Summarize(catalog, requests, self);
    }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>What a respondent may see: whose feedback it is, how they know them, and the questions.</summary>
public sealed record Questionnaire(string ForName, Relationship Relationship, FeedbackStatus Status, DateTime ExpiresAtUtc);

/// <summary>
/// The anonymous side of feedback: a person with a link sees one questionnaire and can answer it once.
/// The token is the only key; it is hashed and compared in constant time, and nothing else is reachable.
/// </summary>
public sealed class RespondentService(Microsoft.EntityFrameworkCore.IDbContextFactory<CareerPathDbContext> dbFactory, CatalogProvider catalogProvider, TimeProvider clock)
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
        return new Questionnaire(owner.DisplayName ?? owner.Email ?? "a colleague", request.Relationship, request.StatusAt(Now), request.ExpiresAtUtc);
    }

    public async Task SubmitAsync(string token, IReadOnlyDictionary<string, int?> ratings, string? comment)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await FindAsync(db, token) ?? throw new DomainException(InvalidLinkMessage);
        var catalog = await catalogProvider.GetAsync();
        request.Submit(ratings, comment, catalog, Now);

        // The respondent writes to exactly this one request, on behalf of its owner.
        db.CurrentOwnerId = request.OwnerId;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("This feedback has already been submitted, so nothing was changed. Thank you!");
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
        var request = await db.FeedbackRequests.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.TokenHash == hash);
        return request is not null && request.Matches(token) ? request : null;
    }
}
