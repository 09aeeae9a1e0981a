using System.Text.Json.Nodes;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Domain.Common;
using CareerPath.Domain.Frameworks;
using CareerPath.Web.Features.Frameworks;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>The framework editor's service: edits stored as versions, problems storing nothing, and who may edit what.</summary>
[Collection(AppCollection.Name)]
public sealed class FrameworkEditServiceTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task An_edit_is_stored_as_a_new_version_and_keeps_what_the_editor_does_not_show()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Edited " + Guid.NewGuid().ToString("N"));
        var before = await NewestDocumentAsync(id);

        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);
        Assert.Equal(1, model.OpenedAtNumber);
        model.Name = "Renamed framework";
        model.Description = "Our ladder, edited.";
        var communication = model.Skills.Single(s => s.Slug == "communication");
        communication.Name = "Writing and speaking";
        communication.Rubric[2].Text = "Writes clearly for any audience.";
        var productManager = model.Roles.Single(r => r.Slug == "product-manager");
        FrameworkEditModel.Expect(productManager, communication, 5);
        model.Levels[4].Name = "Master";
        var added = model.AddSkill();
        added.Name = "Data literacy";
        for (var i = 0; i < added.Rubric.Count; i++)
        {
            added.Rubric[i].Text = $"Data literacy at level {i + 1}.";
        }

        FrameworkEditModel.Expect(productManager, added, 2);
        var newRole = model.AddRole();
        newRole.Name = "Principal Product Manager";

        var outcome = await editor.SaveAsync(model);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Problems));
        Assert.Equal(2, outcome.StoredNumber);
        var reopened = outcome.Reopened!;
        Assert.Equal(2, reopened.OpenedAtNumber);
        Assert.Equal("data-literacy", reopened.Skills.Single(s => s.Name == "Data literacy").Slug);
        Assert.Equal("Writing and speaking", reopened.Skills.Single(s => s.Slug == "communication").Name);
        var after = await NewestDocumentAsync(id);
        Assert.Equal("Renamed framework", after.Name);
        Assert.Equal("Our ladder, edited.", after.Description);
        Assert.Equal("Master", after.Scale[4].Name);
        var skill = after.Skills.Single(s => s.Slug == "communication");
        Assert.Equal("Writing and speaking", skill.Name);
        Assert.Equal("Writes clearly for any audience.", skill.Rubric![2].Description);
        Assert.Equal(["Shares written updates.", "Keeps them short."], skill.Rubric[1].Criteria);
        Assert.Equal("data-literacy", after.Skills.Single(s => s.Name == "Data literacy").Slug);
        var role = after.Roles.Single(r => r.Slug == "product-manager");
        Assert.Equal((5, 2), (role.ExpectedSkills!["communication"], role.ExpectedSkills["data-literacy"]));
        Assert.Equal("principal-product-manager", after.Roles.Single(r => r.Name == "Principal Product Manager").Slug);

        // What the editor does not show, exactly as it was.
        var beforeRole = before.Roles.Single(r => r.Slug == "product-manager");
        Assert.Equal(beforeRole.NextRoles, role.NextRoles);
        foreach (var was in before.Roles)
        {
            var now = after.Roles.Single(r => r.Slug == was.Slug);
            Assert.Equal((was.Salary, was.Summary, was.Description, was.IsEntryPoint, was.TypicalMonthsInRole), (now.Salary, now.Summary, now.Description, now.IsEntryPoint, now.TypicalMonthsInRole));
            Assert.Equal(was.Responsibilities, now.Responsibilities);
        }

        Assert.Equal(Json(before.Tracks), Json(after.Tracks));
        Assert.Equal(Json(before.Certifications), Json(after.Certifications));
        Assert.Equal(Json(before.GrowthResources), Json(after.GrowthResources));
        Assert.Equal(Json(before.CareerFactors), Json(after.CareerFactors));
        Assert.Equal(Json(before.StepsToTpm), Json(after.StepsToTpm));

        var line = (await scope.ServiceProvider.GetRequiredService<FrameworkService>().ListAsync()).Frameworks.Single(f => f.Id == id);
        Assert.Equal(("Renamed framework", 2, FrameworkEditService.Source), (line.Name, line.NewestNumber, line.NewestSource));
    }

    [Fact]
    public async Task Problems_are_placed_on_their_fields_and_nothing_is_stored()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Problems " + Guid.NewGuid().ToString("N"));
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);
        model.Name = " ";
        model.Skills[1].Name = "";
        model.Skills[3].Rubric[2].Text = "  ";
        model.Levels[1].Name = model.Levels[0].Name;
        model.Roles[0].Seniority = null;

        var outcome = await editor.SaveAsync(model);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["name", "levels[1].name", "skills[1].name", "skills[3].rubric[2]", "roles[0].seniority"], outcome.Problems.Select(p => p.Field));
        Assert.Contains(outcome.Problems, p => p.Message == "Two levels are called 'Aware'; give each its own name.");
        Assert.Contains(outcome.Problems, p => p.Message.StartsWith("What level 3 'Proficient' looks like for 'Agile methods' is required", StringComparison.Ordinal));
        Assert.Equal(1, await VersionCountAsync(id));
    }

    [Fact]
    public async Task Removing_the_top_level_reports_each_expectation_of_it_on_its_cell_instead_of_lowering_it()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Four levels " + Guid.NewGuid().ToString("N"));
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);
        var (_, expectations) = model.UsesOfTopLevel();
        Assert.True(expectations > 0);

        model.RemoveTopLevel();

        Assert.All(model.Skills, s => Assert.Equal(4, s.Rubric.Count));
        var outcome = await editor.SaveAsync(model);
        var cells = outcome.Problems.Where(p => p.Field!.Contains(".expected[", StringComparison.Ordinal)).ToList();
        Assert.Equal(expectations, cells.Count);
        Assert.Equal(outcome.Problems.Count, cells.Count);
        Assert.Contains("which the scale no longer has: choose a level from 1 to 4, or Not expected.", cells[0].Message);
        Assert.Equal(1, await VersionCountAsync(id));

        foreach (var role in model.Roles)
        {
            foreach (var (row, level) in role.Expected.Where(e => e.Value > 4).ToList())
            {
                role.Expected[row] = 4;
            }
        }

        Assert.Equal(2, (await editor.SaveAsync(model)).StoredNumber);
        Assert.Equal(4, (await NewestDocumentAsync(id)).Scale.Count);
    }

    [Fact]
    public async Task A_problem_only_the_whole_framework_check_finds_is_placed_on_the_nearest_field()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Step down " + Guid.NewGuid().ToString("N"));
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);
        // Product manager (seniority 3) leads into senior product manager, which would now be less senior.
        model.Roles.Single(r => r.Slug == "senior-product-manager").Seniority = 1;

        var outcome = await editor.SaveAsync(model);

        var productManager = model.Roles.FindIndex(r => r.Slug == "product-manager");
        Assert.Contains(outcome.Problems, p => p.Field == $"roles[{productManager}].seniority"
            && p.Message == "Role 'product-manager' (seniority 3) cannot lead into 'senior-product-manager' (seniority 1): a next role cannot be less senior.");
        Assert.Empty(FrameworkEditService.Check(model));
        Assert.Equal(1, await VersionCountAsync(id));
    }

    [Fact]
    public async Task The_same_content_stores_nothing()
    {
        var user = await app.CreateAsync();
        var name = "Unchanged " + Guid.NewGuid().ToString("N");
        var id = await ImportAsync(user, name);
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);

        var outcome = await editor.SaveAsync(model);

        Assert.Equal((true, (int?)null), (outcome.Succeeded, outcome.StoredNumber));
        Assert.Equal($"'{name}' already holds exactly this content; nothing changed.", outcome.Message);
        Assert.Equal(1, await VersionCountAsync(id));
    }

    [Fact]
    public async Task A_version_stored_since_the_editor_opened_refuses_the_save_and_the_edits_stay()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Two tabs " + Guid.NewGuid().ToString("N"));
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var first = await editor.LoadAsync(id);
        var second = await editor.LoadAsync(id);
        second.Skills[0].Name = "Changed in the other tab";
        Assert.Equal(2, (await editor.SaveAsync(second)).StoredNumber);

        first.Skills[0].Name = "Changed in this tab";
        var refused = await Assert.ThrowsAsync<ConflictException>(() => editor.SaveAsync(first));

        Assert.Contains("you opened version 1, and version 2 has since been stored (Edited in CareerPath)", refused.Message);
        Assert.Equal(("Changed in this tab", 1), (first.Skills[0].Name, first.OpenedAtNumber));
        Assert.Equal(2, await VersionCountAsync(id));
        Assert.Equal("Changed in the other tab", (await NewestDocumentAsync(id)).Skills[0].Name);
    }

    [Fact]
    public async Task A_renamed_skill_keeps_its_slug_and_a_new_one_gets_a_slug_never_used_in_the_framework()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Slugs " + Guid.NewGuid().ToString("N"));
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);
        var leadership = model.Skills.Single(s => s.Slug == "leadership");
        leadership.Name = "Communication";
        model.RemoveSkill(model.Skills.Single(s => s.Slug == "market-analysis"));
        foreach (var name in new[] { "Communication", "Market analysis", "Communication" })
        {
            var skill = model.AddSkill();
            skill.Name = name;
            skill.Rubric.ForEach(r => r.Text = "Described.");
        }

        var (document, slugs, _) = FrameworkEditService.ToDocument(model);

        Assert.Equal(["communication-2", "market-analysis-2", "communication-3"], slugs.TakeLast(3));
        Assert.Equal("Communication", document.Skills.Single(s => s.Slug == "leadership").Name);
        Assert.Equal(2, (await editor.SaveAsync(model)).StoredNumber);

        // Removed in one save, added by name in a later one (in a fresh editor and in the reopened one): never the old key,
        // and a role likewise.
        var fresh = await editor.LoadAsync(id);
        fresh.RemoveSkill(fresh.Skills.Single(s => s.Slug == "data-analysis"));
        fresh.RemoveRole(fresh.Roles.Single(r => r.Slug == "product-owner"));
        var reopened = (await editor.SaveAsync(fresh)).Reopened!;
        var again = reopened.AddSkill();
        again.Name = "Data analysis";
        again.Rubric.ForEach(r => r.Text = "Described.");
        var role = reopened.AddRole();
        role.Name = "Product Owner";
        var (_, skillSlugs, roleSlugs) = FrameworkEditService.ToDocument(reopened);
        Assert.Equal("data-analysis-2", skillSlugs[^1]);
        Assert.Equal("product-owner-2", roleSlugs[^1]);
        var later = await editor.LoadAsync(id);
        var third = later.AddSkill();
        third.Name = "Market analysis";
        // "market-analysis" was removed in version 2, which added "market-analysis-2": the next is "-3".
        Assert.Equal("market-analysis-3", FrameworkEditService.ToDocument(later).SkillSlugs[^1]);
    }

    [Fact]
    public async Task A_save_is_stored_as_the_version_after_the_one_opened_or_not_at_all_and_rows_stop_at_the_limits()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Race " + Guid.NewGuid().ToString("N"));
        // Two editors saving from version 1 at the same instant both pass the "still the newest" check; the one that
        // stores second asks for number 2 again and the unique index refuses it, instead of it landing as version 3.
        await app.WithDbAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Id == id);
            var document = FrameworkJson.Read(Catalog("Race two")).Document!;
            Assert.Equal(2, (await FrameworkStore.AddVersionAsync(db, framework, "Race", FrameworkStore.Check(document), "first", DateTime.UtcNow, number: 2))!.Number);
            var other = FrameworkStore.Check(FrameworkJson.Read(Catalog("Race three")).Document!);
            await Assert.ThrowsAsync<DbUpdateException>(() => FrameworkStore.AddVersionAsync(db, framework, "Race", other, "second", DateTime.UtcNow, number: 2));
        });
        Assert.Equal(2, await VersionCountAsync(id));

        await using var scope = app.ScopeFor(user);
        var model = await scope.ServiceProvider.GetRequiredService<FrameworkEditService>().LoadAsync(id);
        while (model.Skills.Count < FrameworkBuilder.MaxSkills)
        {
            model.AddSkill();
        }

        Assert.Equal($"A framework has at most {FrameworkBuilder.MaxSkills} skills.", Assert.Throws<DomainException>(() => model.AddSkill()).Message);
        while (model.Roles.Count < FrameworkBuilder.MaxRoles)
        {
            model.AddRole();
        }

        Assert.Equal($"A framework has at most {FrameworkBuilder.MaxRoles} roles.", Assert.Throws<DomainException>(() => model.AddRole()).Message);
    }

    [Fact]
    public async Task Removing_a_skill_or_a_role_takes_it_out_of_every_list_that_named_it()
    {
        var user = await app.CreateAsync();
        var id = await ImportAsync(user, "Removals " + Guid.NewGuid().ToString("N"));
        await using var scope = app.ScopeFor(user);
        var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
        var model = await editor.LoadAsync(id);
        model.RemoveSkill(model.Skills.Single(s => s.Slug == "customer-focus"));
        model.RemoveRole(model.Roles.Single(r => r.Slug == "product-owner"));

        Assert.Equal(2, (await editor.SaveAsync(model)).StoredNumber);

        var after = await NewestDocumentAsync(id);
        Assert.DoesNotContain(after.Skills, s => s.Slug == "customer-focus");
        Assert.DoesNotContain(after.Roles, r => r.ExpectedSkills!.ContainsKey("customer-focus"));
        Assert.DoesNotContain(after.Tracks, t => t.KeySkills!.Contains("customer-focus"));
        Assert.DoesNotContain(after.Certifications.Concat(after.Degrees).Concat(after.GrowthResources), r => r.Skills!.Contains("customer-focus"));
        Assert.DoesNotContain(after.Roles, r => r.Slug == "product-owner" || (r.NextRoles ?? []).Contains("product-owner"));
        Assert.Equal(["associate-product-manager"], after.Roles.Single(r => r.Slug == "project-manager").NextRoles);
    }

    [Fact]
    public async Task Only_the_owner_edits_a_personal_framework_only_administrators_a_server_one_and_nobody_the_default()
    {
        var (owner, other, admin) = (await app.CreateAsync(), await app.CreateAsync(), await app.CreateAsync());
        await app.WithDbAsync(db => Administrators.GrantAsync(db, admin.Id));
        var personal = await ImportAsync(owner, "Personal " + Guid.NewGuid().ToString("N"));
        FrameworkEditModel ownersModel;
        await using (var scope = app.ScopeFor(owner))
        {
            ownersModel = await scope.ServiceProvider.GetRequiredService<FrameworkEditService>().LoadAsync(personal);
        }

        Guid server;
        Guid defaultId;
        await using (var scope = app.ScopeFor(admin))
        {
            var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            var name = "Server " + Guid.NewGuid().ToString("N");
            Assert.True((await frameworks.ImportAsync("server.json", Catalog(name), forServer: true, into: null)).Succeeded);
            var list = (await frameworks.ListAsync()).Frameworks;
            server = list.Single(f => f.Name == name).Id;
            defaultId = list.Single(f => f.IsDefault).Id;
            var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
            var model = await editor.LoadAsync(server);
            model.Skills[0].Name = "Edited by an administrator";
            Assert.Equal(2, (await editor.SaveAsync(model)).StoredNumber);
            Assert.Contains("catalog file", (await Assert.ThrowsAsync<DomainException>(() => editor.LoadAsync(defaultId))).Message);
        }

        await using (var scope = app.ScopeFor(other))
        {
            var editor = scope.ServiceProvider.GetRequiredService<FrameworkEditService>();
            await Assert.ThrowsAsync<NotFoundException>(() => editor.LoadAsync(personal));
            ownersModel.Skills[0].Name = "Not theirs";
            await Assert.ThrowsAsync<NotFoundException>(() => editor.SaveAsync(ownersModel));
            Assert.Equal("Only an administrator can change a server framework.", (await Assert.ThrowsAsync<DomainException>(() => editor.LoadAsync(server))).Message);
            await Assert.ThrowsAsync<DomainException>(() => editor.LoadAsync(defaultId));
        }

        Assert.Equal(1, await VersionCountAsync(personal));
    }

    private async Task<Guid> ImportAsync(Data.Identity.ApplicationUser user, string name)
    {
        await using var scope = app.ScopeFor(user);
        var frameworks = scope.ServiceProvider.GetRequiredService<FrameworkService>();
        var outcome = await frameworks.ImportAsync("mine.json", Catalog(name), forServer: false, into: null);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return (await frameworks.ListAsync()).Frameworks.Single(f => f.Name == name).Id;
    }

    private async Task<int> VersionCountAsync(Guid id)
    {
        var count = 0;
        await app.WithDbAsync(async db => count = await db.FrameworkVersions.CountAsync(v => v.FrameworkId == id));
        return count;
    }

    private async Task<FrameworkDocument> NewestDocumentAsync(Guid id)
    {
        string json = "";
        await app.WithDbAsync(async db => json = await db.FrameworkVersions.Where(v => v.FrameworkId == id)
            .OrderByDescending(v => v.Number).Select(v => v.Document).FirstAsync());
        return FrameworkJson.Read(json).Document!;
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>The shipped catalog file under another name, with criteria on one rubric level (which the editor does not show).</summary>
    private static string Catalog(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogFile.Resolve(null)))!;
        json["name"] = name;
        var communication = json["skills"]!.AsArray().Single(s => (string?)s!["slug"] == "communication")!;
        var rubric = communication["rubric"]!.AsArray();
        rubric[1] = new JsonObject { ["description"] = (string?)rubric[1], ["criteria"] = new JsonArray("Shares written updates.", "Keeps them short.") };
        return json.ToJsonString();
    }
}
