using System.Net;
using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class FeedbackLinkTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task A_respondent_answers_once_and_a_second_submit_changes_nothing()
    {
        var (token, requestId) = await CreateLinkAsync();
        var respondent = Respondent();

        await respondent.SubmitAsync(token, new Dictionary<string, int?> { ["communication"] = 5, ["data-analysis"] = null }, "Clear writer");
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            respondent.SubmitAsync(token, new Dictionary<string, int?> { ["communication"] = 1 }, "Changed my mind"));

        Assert.Contains("already been submitted", again.Message);
        var stored = await LoadAsync(requestId);
        Assert.Equal("Clear writer", stored.Comment);
        Assert.Equal(5, stored.Ratings.Single(r => r.SkillSlug == "communication").Level!.Value.Value);
        Assert.Null(stored.Ratings.Single(r => r.SkillSlug == "data-analysis").Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-real-token")]
    public async Task A_tampered_or_unknown_token_opens_nothing(string suffix)
    {
        var (token, _) = await CreateLinkAsync();

        Assert.Null(await Respondent().OpenAsync(token[..^2] + suffix + "xy"));
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Respondent().SubmitAsync(token + "x", new Dictionary<string, int?> { ["communication"] = 3 }, null));
        Assert.Equal(RespondentService.InvalidLinkMessage, ex.Message);
    }

    [Fact]
    public async Task A_revoked_link_refuses_answers()
    {
        var (token, requestId, owner) = await CreateLinkWithOwnerAsync();
        await using (var scope = app.ScopeFor(owner))
        {
            await scope.ServiceProvider.GetRequiredService<FeedbackService>().RevokeAsync((await LoadAsync(requestId)).RoundId, requestId);
        }

        Assert.Equal(FeedbackStatus.Revoked, (await Respondent().OpenAsync(token))!.Status);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Respondent().SubmitAsync(token, new Dictionary<string, int?> { ["communication"] = 3 }, null));
        Assert.Contains("withdrawn", ex.Message);
        Assert.Null((await LoadAsync(requestId)).SubmittedAtUtc);
    }

    [Fact]
    public async Task An_expired_link_refuses_answers()
    {
        var owner = await app.CreateAsync();
        var started = DateTime.UtcNow.AddDays(-31);
        var round = FeedbackRound.Start(owner.Id, "Last month", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), started);
        var (_, token) = round.Ask("Old friend", Relationship.Other, started);
        await app.WithDbAsync(async db =>
        {
            db.CurrentOwnerId = owner.Id;
            db.FeedbackRounds.Add(round);
            await db.SaveChangesAsync();
        });

        Assert.Equal(FeedbackStatus.Expired, (await Respondent().OpenAsync(token))!.Status);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Respondent().SubmitAsync(token, new Dictionary<string, int?> { ["communication"] = 3 }, null));
        Assert.Contains("has closed", ex.Message);
    }

    [Theory]
    [InlineData("communication", 6)]
    [InlineData("communication", 0)]
    [InlineData("juggling", 3)]
    public async Task Bad_answers_get_a_clear_message_and_change_nothing(string skill, int level)
    {
        var (token, requestId) = await CreateLinkAsync();

        await Assert.ThrowsAsync<DomainException>(() =>
            Respondent().SubmitAsync(token, new Dictionary<string, int?> { [skill] = level }, "comment"));

        var stored = await LoadAsync(requestId);
        Assert.Null(stored.SubmittedAtUtc);
        Assert.Empty(stored.Ratings);
        Assert.Equal(FeedbackStatus.Waiting, (await Respondent().OpenAsync(token))!.Status);
    }

    [Fact]
    public async Task The_respondent_page_shows_only_whom_the_feedback_is_for()
    {
        var (token, _, owner) = await CreateLinkWithOwnerAsync();

        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/feedback/{token}"));

        Assert.Contains($"How do you see {owner.DisplayName}'s skills?", html);
        Assert.DoesNotContain(owner.Email!, html);
        Assert.DoesNotContain("Alex", html);
    }

    [Fact]
    public async Task A_tampered_link_shows_a_clear_page()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/feedback/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        Assert.Contains("Link not valid", html);
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var (token, requestId) = await CreateLinkAsync();

        var stored = await LoadAsync(requestId);

        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(FeedbackRequest.HashToken(token), stored.TokenHash);
        Assert.True(token.Length >= 43);
    }

    private RespondentService Respondent() => app.Services.CreateScope().ServiceProvider.GetRequiredService<RespondentService>();

    private async Task<(string Token, Guid Id)> CreateLinkAsync()
    {
        var (token, id, _) = await CreateLinkWithOwnerAsync();
        return (token, id);
    }

    private async Task<(string Token, Guid Id, CareerPath.Data.Identity.ApplicationUser Owner)> CreateLinkWithOwnerAsync()
    {
        var owner = await app.CreateAsync();
        await using var scope = app.ScopeFor(owner);
        var created = await scope.ServiceProvider.GetRequiredService<FeedbackService>().AskInOpenRoundAsync("Alex", Relationship.Peer);
        return (created.Token, created.Request.Id, owner);
    }

    private async Task<FeedbackRequest> LoadAsync(Guid id)
    {
        FeedbackRequest? request = null;
        await app.WithDbAsync(async db => request = await db.FeedbackRequests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id));
        return request!;
    }
}
