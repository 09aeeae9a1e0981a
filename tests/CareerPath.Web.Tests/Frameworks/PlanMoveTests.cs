using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Frameworks;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Frameworks;
using CareerPath.Web.Features.Personal;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>
/// Moving a plan that holds results: what the user is shown first, what carries over, and that nothing made before
/// the move changes meaning. Worked on the seeded framework's 16 skills, imported as the user's own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlanMoveTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Moving_to_a_newer_version_shows_what_changed_carries_ratings_by_key_and_leaves_old_results_on_their_version()
    {
        var user = await app.CreateAsync();
        var name = "Moving ladder " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(user, Framework(name), into: null);
        await ChooseAsync(user, id);
        // Skill i of the framework's order is rated 1 + i % 5: a carry by position instead of by key would show.
        var first = await AuditAsync(user, i => 1 + (i % 5));
        var v1 = first.FrameworkVersionId;
        Guid roadmapId;
        await using (var scope = app.ScopeFor(user))
        {
            roadmapId = (await scope.ServiceProvider.GetRequiredService<RoadmapService>()
                .CreateAsync("To senior", "product-manager", "senior-product-manager", null)).Id;
        }

        // Version 2, by hand: project management goes, "communication" is renamed, and a product manager is expected
        // to reach 3 in leadership (was 2). 15 of the 16 ratings have a skill of the same key to go to.
        var v2 = Framework(name, json =>
        {
            Remove(json, "project-management");
            json["skills"]!.AsArray().Single(s => (string)s!["slug"]! == "communication")!["name"] = "Written and spoken communication";
            Role(json, "product-manager")["expectedSkills"]!["leadership"] = 3;
        });
        await ImportAsync(user, v2, into: id);

        await using (var scope = app.ScopeFor(user))
        {
            var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();
            Assert.Equal(new NewerFramework(id, name, 1, 2), (await dashboards.GetAsync()).NewerFramework);
            var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
            var preview = await moves.PreviewAsync(id);

            Assert.Equal((1, 2), (preview.From.Number, preview.To.Number));
            Assert.Null(preview.Blocked);
            Assert.Equal("1 skill audit and 1 roadmap", preview.Kept);
            Assert.Equal(["Project management"], preview.Changes.SkillsRemoved);
            Assert.Empty(preview.Changes.SkillsAdded);
            Assert.Equal([new Renamed("Communication", "Written and spoken communication")], preview.Changes.SkillsRenamed);
            Assert.Contains(new ExpectationChange("Product Manager", "Leadership", 2, 3), preview.Changes.ExpectationsMoved);
            // Every role that expected project management loses that expectation: 13 roles, plus the one raised.
            Assert.Equal(14, preview.Changes.ExpectationsMoved.Count);
            Assert.True(preview.Changes.RatingsCarry);
            Assert.Equal((15, 16), (preview.RatingsCarried, preview.RatingsRated));
            Assert.True(preview.RoleKept);

            await moves.MoveAsync(id, preview.From.VersionId, preview.To.VersionId);

            var plan = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync();
            Assert.Equal(preview.To.VersionId, plan.VersionId);
            Assert.Equal(15, plan.Skills.Count);
            Assert.Null((await dashboards.GetAsync()).NewerFramework);
        }

        await using (var scope = app.ScopeFor(user))
        {
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            // The old audit is read on version 1: all 16 ratings, project management among them.
            var results = await assessment.ResultsPageAsync(first.Id);
            Assert.Equal(v1, results.Audit!.FrameworkVersionId);
            Assert.Equal(16, results.Audit.Levels.Count);
            // The next audit is on version 2 and starts with the 15 ratings whose skill it still has.
            var next = await assessment.StartOrResumeAsync(null);
            Assert.NotEqual(v1, next.FrameworkVersionId);
            Assert.Equal(15, next.Ratings.Count);
            Assert.All(next.Ratings, r => Assert.Equal(first.RatingFor(r.SkillSlug), r.Level));
            Assert.DoesNotContain(next.Ratings, r => r.SkillSlug == "project-management");

            // The roadmap made before the move still plans on version 1, whose roles expect project management.
            var roadmap = await scope.ServiceProvider.GetRequiredService<RoadmapService>().GetViewAsync(roadmapId);
            Assert.Equal(v1, roadmap.Roadmap.FrameworkVersionId);
            Assert.All(roadmap.Path.Roles, role => Assert.NotNull(role.ExpectedLevel("project-management")));
            Assert.NotNull(roadmap.Plan);
        }
    }

    [Fact]
    public async Task A_framework_with_a_scale_of_another_size_takes_no_ratings_and_old_results_are_not_compared_with_new_ones()
    {
        var user = await app.CreateAsync();
        var first = await app.CompleteAuditAsync(user, level: 4);
        var name = "Six levels " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(user, Framework(name, SixLevels), into: null);

        await using (var scope = app.ScopeFor(user))
        {
            var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
            var preview = await moves.PreviewAsync(id);
            Assert.True(preview.Changes.ScaleChanged);
            Assert.False(preview.Changes.RatingsCarry);
            Assert.Equal((0, 16), (preview.RatingsCarried, preview.RatingsRated));
            Assert.Equal(6, preview.ToLevels.Count);
            await moves.MoveAsync(id, preview.From.VersionId, preview.To.VersionId);
        }

        await using (var scope = app.ScopeFor(user))
        {
            // The 4-of-5 audit is read on its own framework, where the next role (technical product manager) expects at
            // most 4: no gap. Read on the six-level one (every expectation 6) it would show all 16.
            var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();
            Assert.Equal("technical-product-manager", dashboard.TopGaps!.TargetRole!.Slug);
            Assert.Empty(dashboard.TopGaps.Gaps);
            // Nothing carries into an audit on six levels.
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var fresh = await assessment.StartOrResumeAsync("product-manager");
            Assert.Empty(fresh.Ratings);
        }

        await app.CompleteAuditAsync(user, level: 6);
        await using (var scope = app.ScopeFor(user))
        {
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var page = await assessment.OverviewPageAsync();
            // The latest audit (6 of 6) has no earlier audit to compare with: 4 of 5 means something else.
            Assert.Equal(6, page.Latest!.Levels.Values.Distinct().Single());
            Assert.Null(page.Previous);
            Assert.Equal(4, (await assessment.ResultsPageAsync(first.Id)).Audit!.Levels.Values.Distinct().Single());

            // Now the latest audit is the six-level one, read on its framework: a 6 meets every expectation.
            var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();
            Assert.Empty(dashboard.TopGaps!.Gaps);
        }
    }

    [Fact]
    public async Task An_audit_in_progress_blocks_the_move_and_a_version_stored_after_the_preview_is_refused_without_change()
    {
        var user = await app.CreateAsync();
        var name = "Busy ladder " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(user, Framework(name), into: null);
        await ChooseAsync(user, id);
        await app.CompleteAuditAsync(user);
        await ImportAsync(user, Framework(name, json => Remove(json, "leadership")), into: id);

        await using (var scope = app.ScopeFor(user))
        {
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var draft = await assessment.StartOrResumeAsync(null);
            var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
            var blocked = await moves.PreviewAsync(id);
            Assert.StartsWith("You have a skill audit in progress", blocked.Blocked);
            var refused = await Assert.ThrowsAsync<DomainException>(() => moves.MoveAsync(id, blocked.From.VersionId, blocked.To.VersionId));
            Assert.Equal(blocked.Blocked, refused.Message);
            await assessment.CompleteAsync(draft.Id, draft.Version);
        }

        PlanMovePreview reviewed;
        await using (var scope = app.ScopeFor(user))
        {
            reviewed = await scope.ServiceProvider.GetRequiredService<PlanMoveService>().PreviewAsync(id);
        }

        // Someone (the user in another tab) stores version 3 after version 2 was reviewed.
        await ImportAsync(user, Framework(name, json => Remove(json, "market-analysis")), into: id);
        await using (var scope = app.ScopeFor(user))
        {
            var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
            var before = (await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync()).VersionId;
            var conflict = await Assert.ThrowsAsync<ConflictException>(() => moves.MoveAsync(id, reviewed.From.VersionId, reviewed.To.VersionId));
            Assert.Contains("has a newer version (version 3)", conflict.Message);
            Assert.Equal(before, (await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync()).VersionId);

            // Reviewed again, then the plan moves elsewhere in another tab: the review's starting point is gone.
            reviewed = await moves.PreviewAsync(id);
            var elsewhere = await ImportAsync(user, Framework("Elsewhere " + Guid.NewGuid().ToString("N")), into: null);
            var other = await moves.PreviewAsync(elsewhere);
            await moves.MoveAsync(elsewhere, other.From.VersionId, other.To.VersionId);
            conflict = await Assert.ThrowsAsync<ConflictException>(() => moves.MoveAsync(id, reviewed.From.VersionId, reviewed.To.VersionId));
            Assert.StartsWith("Your plan moved to another framework version", conflict.Message);
            Assert.Equal(other.To.VersionId, (await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync()).VersionId);
        }
    }

    [Fact]
    public async Task Another_users_framework_cannot_be_previewed_or_moved_to_and_a_missing_role_is_asked_for_again()
    {
        var (owner, other) = (await app.CreateAsync(), await app.CreateAsync());
        var name = "Private ladder " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(owner, Framework(name), into: null);
        await using (var scope = app.ScopeFor(other))
        {
            var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
            await Assert.ThrowsAsync<NotFoundException>(() => moves.PreviewAsync(id));
            await Assert.ThrowsAsync<NotFoundException>(() => moves.MoveAsync(id, Guid.NewGuid(), Guid.NewGuid()));
        }

        // The owner holds "product manager", which their own framework's next version drops.
        await app.CompleteAuditAsync(owner);
        var smaller = await ImportAsync(owner, Framework("Without PMs " + Guid.NewGuid().ToString("N"), json =>
        {
            json["roles"] = new JsonArray(json["roles"]!.AsArray().Where(r => (string)r!["slug"]! != "product-manager").Select(r => r!.DeepClone()).ToArray());
            foreach (var role in json["roles"]!.AsArray())
            {
                role!["nextRoles"]?.AsArray().Where(n => (string)n! == "product-manager").ToList().ForEach(n => role["nextRoles"]!.AsArray().Remove(n));
            }
        }), into: null);
        await using (var scope = app.ScopeFor(owner))
        {
            var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
            var preview = await moves.PreviewAsync(smaller);
            Assert.False(preview.RoleKept);
            Assert.Equal("Product Manager", preview.RoleName);
            Assert.Equal(["Product Manager"], preview.Changes.RolesRemoved);
            await moves.MoveAsync(smaller, preview.From.VersionId, preview.To.VersionId);
        }

        await app.WithDbAsync(async db =>
            Assert.Null(await db.Users.Where(u => u.Id == owner.Id).Select(u => u.CurrentRoleSlug).SingleAsync()));
    }

    /// <summary>Six levels, and every role expecting the top one in everything.</summary>
    private static void SixLevels(JsonObject json)
    {
        json["scale"] = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject { ["name"] = $"Step {i}" }).ToArray());
        foreach (var skill in json["skills"]!.AsArray())
        {
            skill!["rubric"]!.AsArray().Add("Sets the standard others follow.");
        }

        foreach (var role in json["roles"]!.AsArray())
        {
            var expected = role!["expectedSkills"]!.AsObject();
            foreach (var key in expected.Select(p => p.Key).ToList())
            {
                expected[key] = 6;
            }
        }
    }

    /// <summary>Every skill of the framework under another key: the same scale, nothing in common by key.</summary>
    private static void NewKeys(JsonObject json)
    {
        foreach (var skill in json["skills"]!.AsArray())
        {
            skill!["slug"] = "new-" + (string)skill["slug"]!;
        }

        foreach (var role in json["roles"]!.AsArray())
        {
            var expected = role!["expectedSkills"]!.AsObject();
            role["expectedSkills"] = new JsonObject(expected.Select(p => KeyValuePair.Create("new-" + p.Key, p.Value?.DeepClone())));
        }
    }

    [Fact]
    public async Task A_roadmap_made_before_a_move_keeps_its_figures_when_audits_are_made_on_other_frameworks()
    {
        var user = await app.CreateAsync();
        await app.CompleteAuditAsync(user, level: 2);
        Guid roadmapId;
        await using (var scope = app.ScopeFor(user))
        {
            roadmapId = (await scope.ServiceProvider.GetRequiredService<RoadmapService>()
                .CreateAsync("To senior", "product-manager", "senior-product-manager", null)).Id;
        }

        // By hand: a senior product manager expects 2,2,4,3,3,4,4,4,4,3,4,4,4,4,4,3 of the 16 skills; rated 2 each,
        // the shortfalls are 0,0,2,1,1,2,2,2,2,1,2,2,2,2,2,1 = 24 levels.
        await AssertGapLevelsAsync(24);

        // Same scale size, no skill in common: an audit there rates none of the roadmap's skills.
        await MoveAndAuditAsync(Framework("New keys " + Guid.NewGuid().ToString("N"), NewKeys), level: 5);
        await AssertGapLevelsAsync(24);
        // Another scale size, same keys: an audit there is not read on five levels.
        await MoveAndAuditAsync(Framework("Six levels " + Guid.NewGuid().ToString("N"), SixLevels), level: 6);
        await AssertGapLevelsAsync(24);

        async Task AssertGapLevelsAsync(int expected)
        {
            await using var scope = app.ScopeFor(user);
            var view = await scope.ServiceProvider.GetRequiredService<RoadmapService>().GetViewAsync(roadmapId);
            Assert.True(view.HasAudit);
            Assert.Equal(expected, RoadmapFacts.Of(view).GapLevels);
        }

        async Task MoveAndAuditAsync(string framework, int level)
        {
            var id = await ImportAsync(user, framework, into: null);
            await using (var scope = app.ScopeFor(user))
            {
                var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
                var preview = await moves.PreviewAsync(id);
                await moves.MoveAsync(id, preview.From.VersionId, preview.To.VersionId);
            }

            await app.CompleteAuditAsync(user, level);
        }
    }

    [Fact]
    public async Task An_export_across_a_move_restores_each_audit_on_its_framework_or_is_refused_in_the_users_words()
    {
        var admin = await app.CreateAsync();
        await app.WithDbAsync(db => Administrators.GrantAsync(db, admin.Id));
        var server = await ImportAsync(admin, Framework("Server six " + Guid.NewGuid().ToString("N"), SixLevels), into: null, forServer: true);
        var user = await app.CreateAsync();
        await app.CompleteAuditAsync(user, level: 4);
        await MoveAsync(user, server);
        await app.CompleteAuditAsync(user, level: 6);

        // A new account restores both audits, each on the framework it was made on: 4 of 5 and 6 of 6.
        var fresh = await app.CreateAsync();
        await using (var scope = app.ScopeFor(fresh))
        {
            await scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(await ExportAsync(user))));
        }

        await app.WithDbAsync(async db =>
        {
            var audits = await db.SkillAudits.IgnoreQueryFilters().Where(a => a.OwnerId == fresh.Id).OrderBy(a => a.StartedAtUtc).ToListAsync();
            Assert.Equal([4, 6], audits.Select(a => a.Ratings.Select(r => r.Level.Value).Distinct().Single()));
            Assert.NotEqual(audits[0].FrameworkVersionId, audits[1].FrameworkVersionId);
        });

        // Made on someone's personal six-level framework, which a new account cannot use: refused, saying why.
        var other = await app.CreateAsync();
        await MoveAsync(other, await ImportAsync(other, Framework("Mine six " + Guid.NewGuid().ToString("N"), SixLevels), into: null));
        await app.CompleteAuditAsync(other, level: 6);
        var stranger = await app.CreateAsync();
        await using (var scope = app.ScopeFor(stranger))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(async () => await scope.ServiceProvider.GetRequiredService<AccountDataService>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(await ExportAsync(other)))));
            Assert.Contains("was rated on a scale of 6 levels, on a framework this account cannot use, and the framework your plan uses has 5.", refused.Message);
        }

        await app.WithDbAsync(async db => Assert.Equal(0, await db.SkillAudits.IgnoreQueryFilters().CountAsync(a => a.OwnerId == stranger.Id)));
    }

    [Fact]
    public async Task A_closed_round_sits_beside_ones_own_levels_only_while_they_are_on_a_scale_of_its_size()
    {
        var user = await app.CreateAsync();
        await app.CompleteAuditAsync(user, level: 3);
        await using (var scope = app.ScopeFor(user))
        {
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            var respondents = scope.ServiceProvider.GetRequiredService<RespondentService>();
            var skills = (await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync()).Skills.Select(s => s.Slug).ToList();
            foreach (var name in new[] { "Pat", "Quinn", "Sky" })
            {
                var link = await feedback.AskInOpenRoundAsync(name, Relationship.Peer);
                await respondents.SubmitAsync(link.Token, skills.ToDictionary(s => s, _ => (int?)2), null);
            }

            await feedback.CloseAsync((await feedback.ListRoundsAsync())[0].Id);
            Assert.True(Assert.Single((await feedback.PageAsync()).Closed).SelfComparable);
        }

        await MoveAsync(user, await ImportAsync(user, Framework("Six " + Guid.NewGuid().ToString("N"), SixLevels), into: null));
        await app.CompleteAuditAsync(user, level: 6);
        await using (var scope = app.ScopeFor(user))
        {
            // The latest audit is now on six levels; the round asked on five: not set side by side.
            var page = await scope.ServiceProvider.GetRequiredService<FeedbackService>().PageAsync();
            Assert.Equal(6, page.SelfLevels!.Values.Distinct().Single());
            Assert.False(Assert.Single(page.Closed).SelfComparable);
        }
    }

    private async Task MoveAsync(ApplicationUser user, Guid frameworkId)
    {
        await using var scope = app.ScopeFor(user);
        var moves = scope.ServiceProvider.GetRequiredService<PlanMoveService>();
        var preview = await moves.PreviewAsync(frameworkId);
        await moves.MoveAsync(frameworkId, preview.From.VersionId, preview.To.VersionId);
    }

    private async Task<string> ExportAsync(ApplicationUser user)
    {
        await using var scope = app.ScopeFor(user);
        return JsonSerializer.Serialize(await scope.ServiceProvider.GetRequiredService<AccountDataService>().ExportAsync(), AccountExport.Json);
    }

    /// <summary>An audit as a product manager on the plan's framework, skill i (in the framework's order) at <paramref name="levelOf"/>(i).</summary>
    private async Task<SkillAudit> AuditAsync(ApplicationUser user, Func<int, int> levelOf)
    {
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var catalog = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync();
        var audit = await service.StartOrResumeAsync("product-manager");
        foreach (var (skill, i) in catalog.Skills.Select((s, i) => (s, i)))
        {
            audit = await service.RateAsync(audit.Id, audit.Version, skill.Slug, levelOf(i), null);
        }

        return await service.CompleteAsync(audit.Id, audit.Version);
    }

    private static void Remove(JsonObject json, string skill)
    {
        var skills = json["skills"]!.AsArray();
        skills.Remove(skills.Single(s => (string)s!["slug"]! == skill));
        foreach (var role in json["roles"]!.AsArray())
        {
            role!["expectedSkills"]!.AsObject().Remove(skill);
        }
    }

    private static JsonObject Role(JsonObject json, string slug) => json["roles"]!.AsArray().Single(r => (string)r!["slug"]! == slug)!.AsObject();

    /// <summary>The seeded framework under another name, without resources or tracks (which name skills), changed as asked.</summary>
    private static string Framework(string name, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogFile.Resolve(null)))!.AsObject();
        json["name"] = name;
        json["tracks"] = new JsonArray();
        json["certifications"] = new JsonArray();
        json["degrees"] = new JsonArray();
        json["growthResources"] = new JsonArray();
        change?.Invoke(json);
        return json.ToJsonString();
    }

    private async Task<Guid> ImportAsync(ApplicationUser user, string json, Guid? into, bool forServer = false)
    {
        await using var scope = app.ScopeFor(user);
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
        var outcome = await frameworks.ImportAsync("framework.json", json, forServer: forServer, into: into);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var name = JsonNode.Parse(json)!["name"]!.GetValue<string>();
        return into ?? (await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id;
    }

    private async Task ChooseAsync(ApplicationUser user, Guid id)
    {
        await using var scope = app.ScopeFor(user);
        await scope.ServiceProvider.GetRequiredService<FrameworkService>().ChooseAsync(id);
    }
}
