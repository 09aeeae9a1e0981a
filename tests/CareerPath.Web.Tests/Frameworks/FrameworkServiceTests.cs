using System.Text.Json.Nodes;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Domain.Common;
using CareerPath.Web.Features.Frameworks;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>Who may see and change which framework, through the service the frameworks page uses.</summary>
[Collection(AppCollection.Name)]
public sealed class FrameworkServiceTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Another_users_personal_framework_cannot_be_listed_exported_versioned_or_deleted()
    {
        var (owner, other) = (await app.CreateAsync(), await app.CreateAsync());
        var name = "Ladder of " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(owner, name);

        await using var scope = app.ScopeFor(other);
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
        Assert.DoesNotContain((await frameworks.ListAsync()).Frameworks, f => f.Id == id || f.Name == name);
        await Assert.ThrowsAsync<NotFoundException>(() => frameworks.ExportAsync(id, "json"));
        await Assert.ThrowsAsync<NotFoundException>(() => frameworks.ImportAsync("x.json", Catalog(name), forServer: false, into: id));
        await Assert.ThrowsAsync<NotFoundException>(() => frameworks.DeleteAsync(id));
        await Assert.ThrowsAsync<NotFoundException>(() => frameworks.ChooseAsync(id));

        await using var ownerScope = app.ScopeFor(owner);
        var mine = Assert.Single((await ownerScope.ServiceProvider.GetRequiredService<FrameworkService>().ListAsync()).Frameworks, f => f.Id == id);
        Assert.Equal((false, true, 1), (mine.IsServer, mine.CanChange, mine.NewestNumber));
    }

    [Fact]
    public async Task Only_administrators_add_change_or_delete_server_frameworks_and_everyone_sees_them()
    {
        var (admin, user) = (await app.CreateAsync(), await app.CreateAsync());
        await app.WithDbAsync(db => Administrators.GrantAsync(db, admin.Id));
        var name = "Server ladder " + Guid.NewGuid().ToString("N");

        await using (var scope = app.ScopeFor(user))
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() =>
                scope.ServiceProvider.GetRequiredService<FrameworkService>().ImportAsync("x.json", Catalog(name), forServer: true, into: null));
            Assert.StartsWith("Only an administrator can add a framework for everyone", ex.Message);
        }

        Guid id;
        await using (var scope = app.ScopeFor(admin))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            Assert.True((await frameworks.ImportAsync("server.json", Catalog(name), forServer: true, into: null)).Succeeded);
            id = (await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id;
        }

        await using (var scope = app.ScopeFor(user))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            var line = Assert.Single((await frameworks.ListAsync()).Frameworks, f => f.Id == id);
            Assert.Equal((true, false), (line.IsServer, line.CanChange));
            Assert.NotNull(await frameworks.ExportAsync(id, "json"));
            Assert.StartsWith("Only an administrator can change", (await Assert.ThrowsAsync<DomainException>(() =>
                frameworks.ImportAsync("x.json", Catalog(name + " v2"), forServer: false, into: id))).Message);
            Assert.StartsWith("Only an administrator can delete", (await Assert.ThrowsAsync<DomainException>(() => frameworks.DeleteAsync(id))).Message);
        }

        await using (var scope = app.ScopeFor(admin))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            var defaultId = (await frameworks.ListAsync()).Frameworks.Single(f => f.IsDefault).Id;
            Assert.Contains("cannot be deleted", (await Assert.ThrowsAsync<DomainException>(() => frameworks.DeleteAsync(defaultId))).Message);
            Assert.Contains("catalog file", (await Assert.ThrowsAsync<DomainException>(() =>
                frameworks.ImportAsync("x.json", Catalog(name), forServer: true, into: defaultId))).Message);
            await frameworks.DeleteAsync(id);
            Assert.DoesNotContain((await frameworks.ListAsync()).Frameworks, f => f.Id == id);
        }
    }

    [Fact]
    public async Task An_export_imports_back_as_the_same_framework()
    {
        var user = await app.CreateAsync();
        var name = "Round trip " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(user, name);
        await using var scope = app.ScopeFor(user);
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();

        var exported = (await frameworks.ExportAsync(id, "json"))!.Value;
        var again = await frameworks.ImportAsync(exported.FileName, exported.Content, forServer: false, into: id);

        Assert.Equal($"'{name}' already holds exactly this content; nothing changed.", again.Stored);
        Assert.Null(await frameworks.ExportAsync(id, "pdf"));
    }

    [Fact]
    public async Task A_plan_moves_at_once_only_while_empty_and_its_records_remember_the_version()
    {
        var user = await app.CreateAsync();
        var name = "Plan ladder " + Guid.NewGuid().ToString("N");
        var json = JsonNode.Parse(Catalog(name))!;
        // A smaller framework: the first skill only, so the plan's catalog is visibly this one.
        var firstSkill = json["skills"]!.AsArray()[0]!.DeepClone();
        json["skills"] = new JsonArray(firstSkill);
        foreach (var role in json["roles"]!.AsArray())
        {
            role!["expectedSkills"] = new JsonObject { [(string)firstSkill["slug"]!] = 2 };
        }

        json["tracks"] = new JsonArray();
        json["certifications"] = new JsonArray();
        json["degrees"] = new JsonArray();
        json["growthResources"] = new JsonArray();
        Guid id;
        await using (var scope = app.ScopeFor(user))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            Assert.True((await frameworks.ImportAsync("small.json", json.ToJsonString(), forServer: false, into: null)).Succeeded);
            id = (await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id;
            Assert.Null((await frameworks.ListAsync()).PlanHolds);

            await frameworks.ChooseAsync(id);

            var list = await frameworks.ListAsync();
            Assert.Equal([id], list.Frameworks.Where(f => f.IsPlan).Select(f => f.Id));
            var plan = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync();
            Assert.Single(plan.Skills);
            var audit = await scope.ServiceProvider.GetRequiredService<Features.Assessment.AssessmentService>().StartOrResumeAsync("product-manager");
            Assert.Equal(plan.VersionId, audit.FrameworkVersionId);
            Assert.NotNull(audit.FrameworkVersionId);

            var defaultId = list.Frameworks.Single(f => f.IsDefault).Id;
            var locked = await Assert.ThrowsAsync<DomainException>(() => frameworks.ChooseAsync(defaultId));
            Assert.Equal("Your plan holds 1 skill audit. Review what changes before you move it.", locked.Message);
            Assert.Equal("1 skill audit", (await frameworks.ListAsync()).PlanHolds);

            var refused = await Assert.ThrowsAsync<DomainException>(() => frameworks.DeleteAsync(id));
            Assert.Equal($"'{name}' is still in use (1 plan, 1 skill audit), so it was not deleted: what was made against it keeps its meaning.", refused.Message);
        }

        // Someone else's plan and pages are untouched by it.
        var other = await app.CreateAsync();
        await using var otherScope = app.ScopeFor(other);
        Assert.Equal(16, (await otherScope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync()).Skills.Count);
    }

    [Fact]
    public async Task A_plan_stays_on_its_version_when_the_framework_gets_a_newer_one()
    {
        var (admin, user) = (await app.CreateAsync(), await app.CreateAsync());
        await app.WithDbAsync(db => Administrators.GrantAsync(db, admin.Id));
        var name = "Versioned ladder " + Guid.NewGuid().ToString("N");
        Guid id;
        await using (var scope = app.ScopeFor(admin))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            Assert.True((await frameworks.ImportAsync("v1.json", Catalog(name), forServer: true, into: null)).Succeeded);
            id = (await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id;
        }

        await using (var scope = app.ScopeFor(user))
        {
            await scope.ServiceProvider.GetRequiredService<FrameworkService>().ChooseAsync(id);
        }

        var changed = JsonNode.Parse(Catalog(name))!;
        changed["roles"]![0]!["name"] = "Renamed role";
        await using (var scope = app.ScopeFor(admin))
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<FrameworkService>().ImportAsync("v2.json", changed.ToJsonString(), forServer: false, into: id);
            Assert.StartsWith($"Stored version 2 of '{name}'", outcome.Stored);
        }

        await using (var scope = app.ScopeFor(user))
        {
            var line = Assert.Single((await scope.ServiceProvider.GetRequiredService<FrameworkService>().ListAsync()).Frameworks, f => f.Id == id);
            Assert.Equal((true, 1, 2), (line.IsPlan, line.PlanNumber, line.NewestNumber));
            var plan = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync();
            Assert.DoesNotContain(plan.Roles, r => r.Name == "Renamed role");
        }
    }

    [Fact]
    public async Task A_respondent_answers_on_the_rounds_framework_and_its_scale_whoever_opens_the_link()
    {
        var user = await app.CreateAsync();
        var name = "Three levels " + Guid.NewGuid().ToString("N");
        var json = JsonNode.Parse(Catalog(name))!;
        json["scale"] = new JsonArray(new JsonObject { ["name"] = "Low" }, new JsonObject { ["name"] = "Mid" }, new JsonObject { ["name"] = "High" });
        foreach (var skill in json["skills"]!.AsArray())
        {
            skill!["rubric"] = new JsonArray("starts", "practises", "leads");
        }

        foreach (var role in json["roles"]!.AsArray())
        {
            foreach (var expected in role!["expectedSkills"]!.AsObject().ToList())
            {
                role["expectedSkills"]![expected.Key] = Math.Min(3, (int)expected.Value!);
            }
        }

        Guid versionId;
        string token;
        await using (var scope = app.ScopeFor(user))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            Assert.True((await frameworks.ImportAsync("three.json", json.ToJsonString(), forServer: false, into: null)).Succeeded);
            await frameworks.ChooseAsync((await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id);
            versionId = (await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync()).VersionId!.Value;
            token = (await scope.ServiceProvider.GetRequiredService<Features.Assessment.FeedbackService>()
                .AskInOpenRoundAsync("Alex", Domain.Assessment.Relationship.Peer)).Token;
        }

        // An anonymous respondent (no plan of their own): the round's version, not the server default.
        await using var anonymous = app.Services.CreateAsyncScope();
        var respondents = anonymous.ServiceProvider.GetRequiredService<Features.Assessment.RespondentService>();
        Assert.Equal(versionId, (await respondents.OpenAsync(token))!.FrameworkVersionId);
        var tooHigh = await Assert.ThrowsAsync<DomainException>(() =>
            respondents.SubmitAsync(token, new Dictionary<string, int?> { ["communication"] = 4 }, null));
        Assert.Equal("A rating must be between 1 and 3 (it is 4).", tooHigh.Message);
        await respondents.SubmitAsync(token, new Dictionary<string, int?> { ["communication"] = 3 }, "Clear writer.");
        Assert.Equal(Domain.Assessment.FeedbackStatus.Answered, (await respondents.OpenAsync(token))!.Status);
    }

    [Fact]
    public async Task An_account_whose_plan_and_results_use_its_own_framework_can_still_be_deleted()
    {
        var user = await app.CreateAsync();
        var name = "Mine to delete " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(user, name);
        await using (var scope = app.ScopeFor(user))
        {
            await scope.ServiceProvider.GetRequiredService<FrameworkService>().ChooseAsync(id);
            await scope.ServiceProvider.GetRequiredService<Features.Assessment.AssessmentService>().StartOrResumeAsync("product-manager");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        }

        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Frameworks.AnyAsync(f => f.Id == id));
            Assert.False(await db.FrameworkVersions.AnyAsync(v => v.FrameworkId == id));
        });
    }

    private async Task<Guid> ImportAsync(Data.Identity.ApplicationUser user, string name)
    {
        await using var scope = app.ScopeFor(user);
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
        var outcome = await frameworks.ImportAsync("mine.json", Catalog(name), forServer: false, into: null);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return (await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id;
    }

    /// <summary>The shipped catalog file under another name.</summary>
    private static string Catalog(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogFile.Resolve(null)))!;
        json["name"] = name;
        return json.ToJsonString();
    }
}
