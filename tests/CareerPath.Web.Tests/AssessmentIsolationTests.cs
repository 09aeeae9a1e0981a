using System.Net;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>Two users; the second asks for the first one's records by id and gets nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class AssessmentIsolationTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Another_users_audit_cannot_be_read_rated_or_finished()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        var audit = await StartAuditAsync(owner);

        await using var scope = app.ScopeFor(intruder);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(audit.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.RateAsync(audit.Id, audit.Version, "communication", 5, "mine now"));
        await Assert.ThrowsAsync<NotFoundException>(() => service.CompleteAsync(audit.Id, audit.Version));
        var overview = await service.GetOverviewAsync();
        Assert.Null(overview.Draft);
        Assert.Empty(overview.Completed);

        await using var ownerScope = app.ScopeFor(owner);
        var unchanged = await ownerScope.ServiceProvider.GetRequiredService<AssessmentService>().GetAsync(audit.Id);
        Assert.Null(unchanged.RatingFor("communication"));
    }

    [Fact]
    public async Task Another_users_feedback_requests_cannot_be_listed_or_revoked()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        CreatedFeedbackLink created;
        await using (var scope = app.ScopeFor(owner))
        {
            created = await scope.ServiceProvider.GetRequiredService<FeedbackService>().AskInOpenRoundAsync("Alex", Relationship.Peer);
        }

        await using (var scope = app.ScopeFor(intruder))
        {
            var service = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            Assert.Empty(await service.ListRoundsAsync());
            await Assert.ThrowsAsync<NotFoundException>(() => service.RevokeAsync(created.Request.RoundId, created.Request.Id));
            await Assert.ThrowsAsync<NotFoundException>(() => service.CloseAsync(created.Request.RoundId));
            await Assert.ThrowsAsync<NotFoundException>(() => service.AskAsync(created.Request.RoundId, "Mallory", Relationship.Peer));
            Assert.Null(await service.LatestResultsAsync());
        }

        await using (var scope = app.ScopeFor(owner))
        {
            var round = Assert.Single(await scope.ServiceProvider.GetRequiredService<FeedbackService>().ListRoundsAsync());
            Assert.False(round.IsClosed);
            Assert.Equal(FeedbackStatus.Waiting, Assert.Single(round.Requests).StatusAt(DateTime.UtcNow));
        }
    }

    [Fact]
    public async Task Another_users_aspirations_are_invisible()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        await using (var scope = app.ScopeFor(owner))
        {
            await scope.ServiceProvider.GetRequiredService<AspirationService>().SaveAsync(
                new AspirationInput("technical-product-manager", null, null, 12, "Secret motivation", null, null, new Dictionary<string, int>()), null);
        }

        await using var intruderScope = app.ScopeFor(intruder);
        Assert.Null(await intruderScope.ServiceProvider.GetRequiredService<AspirationService>().GetAsync());
    }

    [Fact]
    public async Task Another_users_audit_page_answers_not_found_over_http()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        var audit = await app.CompleteAuditAsync(owner);
        var ownerClient = await app.SignedInClientAsync(owner);
        var intruderClient = await app.SignedInClientAsync(intruder);

        var ownerHtml = WebUtility.HtmlDecode(await ownerClient.GetStringAsync($"/assessment/audits/{audit.Id}"));
        var intruderHtml = WebUtility.HtmlDecode(await intruderClient.GetStringAsync($"/assessment/audits/{audit.Id}"));

        Assert.Contains("Your skills against the role", ownerHtml);
        Assert.Contains("We couldn't find that audit", intruderHtml);
        Assert.DoesNotContain("Your skills against the role", intruderHtml);
    }

    [Fact]
    public async Task Bad_ratings_get_a_clear_message_and_change_nothing()
    {
        var user = await app.CreateAsync();
        var audit = await StartAuditAsync(user);
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var outOfRange = await Assert.ThrowsAsync<CareerPath.Domain.Common.DomainException>(() => service.RateAsync(audit.Id, audit.Version, "communication", 6, null));
        var unknown = await Assert.ThrowsAsync<CareerPath.Domain.Common.DomainException>(() => service.RateAsync(audit.Id, audit.Version, "juggling", 3, null));
        var tooLong = await Assert.ThrowsAsync<CareerPath.Domain.Common.DomainException>(() =>
            service.RateAsync(audit.Id, audit.Version, "communication", 3, new string('x', SkillAudit.EvidenceMaxLength + 1)));

        Assert.Contains("between 1 and 5", outOfRange.Message);
        Assert.Contains("'juggling' is not a skill", unknown.Message);
        Assert.Contains($"at most {SkillAudit.EvidenceMaxLength}", tooLong.Message);
        var stored = await service.GetAsync(audit.Id);
        Assert.Empty(stored.Ratings);
        Assert.Equal(audit.Version, stored.Version);
    }

    [Fact]
    public async Task A_rating_saved_from_a_stale_page_is_refused_as_a_conflict()
    {
        var user = await app.CreateAsync();
        var audit = await StartAuditAsync(user);
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        await service.RateAsync(audit.Id, audit.Version, "communication", 4, "first tab");

        var ex = await Assert.ThrowsAsync<ConflictException>(() => service.RateAsync(audit.Id, audit.Version, "communication", 2, "second tab"));

        Assert.Contains("changed somewhere else", ex.Message);
        Assert.Equal(4, (await service.GetAsync(audit.Id)).RatingFor("communication")!.Value.Value);
    }

    [Fact]
    public async Task A_new_audit_starts_from_the_last_ratings_and_reports_what_moved()
    {
        var user = await app.CreateAsync();
        var first = await app.CompleteAuditAsync(user, level: 2);
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var second = await service.StartOrResumeAsync("product-manager");
        Assert.All(second.Ratings, r => Assert.Equal(2, r.Level.Value));
        second = await service.RateAsync(second.Id, second.Version, "communication", 4, null);
        second = await service.CompleteAsync(second.Id, second.Version);

        var previous = await service.GetPreviousAsync(second);
        Assert.Equal(first.Id, previous!.Id);
        var catalog = await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync();
        var change = Assert.Single(GapAnalysis.Changes(catalog, previous, second));
        Assert.Equal(("communication", 2, 4), (change.Skill.Slug, change.Before, change.After));
    }

    [Fact]
    public async Task The_audit_page_gets_the_users_draft_only_and_their_profile_role()
    {
        var user = await app.CreateAsync();
        var other = await app.CreateAsync();
        await app.CompleteAuditAsync(user, level: 2);
        await StartAuditAsync(other);
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        // A finished audit and another user's draft are not this user's draft.
        var (role, none) = await service.GetDraftAsync();
        Assert.Equal("product-manager", role);
        Assert.Null(none);

        var started = await service.StartOrResumeAsync("product-manager");
        var (_, draft) = await service.GetDraftAsync();
        Assert.Equal(started.Id, draft!.Id);
        Assert.All(draft.Ratings, r => Assert.Equal(2, r.Level.Value));
    }

    [Fact]
    public async Task The_overview_counts_each_audits_rated_skills()
    {
        var user = await app.CreateAsync();
        var finished = await app.CompleteAuditAsync(user, level: 3);
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var catalog = await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync();

        var overview = await service.GetOverviewAsync();

        Assert.Null(overview.Draft);
        var line = Assert.Single(overview.Completed);
        Assert.Equal((finished.Id, catalog.Skills.Count), (line.Id, line.RatedCount));
    }

    [Fact]
    public async Task A_first_draft_counts_only_the_skills_rated_so_far()
    {
        var user = await app.CreateAsync();
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var draft = await service.StartOrResumeAsync("product-manager");
        draft = await service.RateAsync(draft.Id, draft.Version, "communication", 3, null);
        draft = await service.RateAsync(draft.Id, draft.Version, "leadership", 2, null);
        await service.RateAsync(draft.Id, draft.Version, "communication", 4, null);

        // Two skills rated (communication twice): 2.
        Assert.Equal(2, (await service.GetOverviewAsync()).Draft!.RatedCount);
    }

    private async Task<SkillAudit> StartAuditAsync(CareerPath.Data.Identity.ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().StartOrResumeAsync("product-manager");
    }
}
