using System.Text.Json.Nodes;
using CareerPath.Data;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Data.Seeding;
using CareerPath.Web.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath.Web.Tests;

/// <summary>Seeding against a fresh, migrated SQLite file per test.</summary>
public sealed class CatalogSeederTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("careerpath-seed-").FullName;
    private CareerPathDbContext _db = default!;

    private static string ShippedCatalog => CatalogFile.Resolve(null);

    public async Task InitializeAsync()
    {
        _db = NewContext();
        await _db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_shipped_catalog_holds_the_source_facts()
    {
        await SeedAsync(ShippedCatalog);

        var catalog = await LoadAsync();
        Assert.Equal(13, catalog.Roles.Count);
        Assert.Equal(["Aware", "Developing", "Proficient", "Advanced", "Expert"], catalog.Scale.Levels.Select(l => l.Name));
        Assert.All(catalog.Roles, role => Assert.All(catalog.Skills, skill => Assert.NotNull(role.ExpectedLevel(skill.Slug))));
        Assert.Equal(6, catalog.Tracks.Count);
        Assert.Equal(16, catalog.Skills.Count);
        Assert.Equal(5, catalog.Resources.Count(r => r.Kind == Domain.Growth.GrowthResourceKind.Certification));
        Assert.Equal(4, catalog.Resources.Count(r => r.Kind == Domain.Growth.GrowthResourceKind.Degree));
        Assert.Equal([9, 9, 8, 7, 9, 8, 9, 7], catalog.Factors.Select(f => f.Score));
        Assert.Equal(8, catalog.Steps.Count);
        var vp = catalog.FindRole("vice-president-of-product-management")!;
        Assert.Equal((191_250, 215_000), (vp.Salary!.Min, vp.Salary.Max));
        Assert.All(Enum.GetValues<Domain.Growth.GrowthResourceKind>(), kind => Assert.NotEmpty(catalog.ResourcesOfKind(kind)));
        Assert.All(catalog.Skills, skill => Assert.True(catalog.ResourcesFor(skill.Slug).Count >= 2, skill.Slug));
    }

    [Fact]
    public async Task Seeding_the_same_file_twice_changes_nothing()
    {
        Assert.True(await SeedAsync(ShippedCatalog));
        Assert.False(await SeedAsync(ShippedCatalog));

        await using var db = NewContext();
        Assert.Equal(1, await db.FrameworkVersions.CountAsync());
        Assert.Equal(StoredFramework.DefaultKey, (await db.Frameworks.SingleAsync()).Key);
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_version_and_leaves_earlier_versions_and_user_data_alone()
    {
        await SeedAsync(ShippedCatalog);
        _db.Users.Add(new ApplicationUser { UserName = "a@example.com", Email = "a@example.com", CurrentRoleSlug = "product-manager" });
        await _db.SaveChangesAsync();

        var json = JsonNode.Parse(await File.ReadAllTextAsync(ShippedCatalog))!;
        json["version"] = 2;
        var role = json["roles"]!.AsArray().First(r => (string?)r!["slug"] == "product-manager")!;
        role["name"] = "Product Manager (renamed)";
        var changed = Path.Combine(_folder, "changed.json");
        await File.WriteAllTextAsync(changed, json.ToJsonString());

        Assert.True(await SeedAsync(changed));

        var catalog = await LoadAsync();
        Assert.Equal("Product Manager (renamed)", catalog.FindRole("product-manager")!.Name);
        Assert.Equal(13, catalog.Roles.Count);
        await using var db = NewContext();
        var versions = await db.FrameworkVersions.OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([(1, "catalog.json"), (2, "changed.json")], versions.Select(v => (v.Number, v.Source)));
        Assert.Contains("\"Product Manager\"", versions[0].Document, StringComparison.Ordinal);
        var user = await db.Users.SingleAsync();
        Assert.Equal("product-manager", user.CurrentRoleSlug);
    }

    [Fact]
    public async Task A_new_default_version_leaves_results_and_the_plans_that_hold_them_on_the_version_they_were_made_against()
    {
        await SeedAsync(ShippedCatalog);
        var first = await LoadAsync();
        var (holder, legacy, newcomer) = (NewUser("holder"), NewUser("legacy"), NewUser("newcomer"));
        _db.Users.AddRange(holder, legacy, newcomer);
        await _db.SaveChangesAsync();
        await AddAuditAsync(holder.Id, first);
        var legacyAudit = await AddAuditAsync(legacy.Id, first);
        await _db.SkillAudits.IgnoreQueryFilters().Where(a => a.Id == legacyAudit).ExecuteUpdateAsync(s => s.SetProperty(a => a.FrameworkVersionId, (Guid?)null));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(ShippedCatalog))!;
        json["roles"]![0]!["name"] = "Renamed in version 2";
        var changed = Path.Combine(_folder, "changed.json");
        await File.WriteAllTextAsync(changed, json.ToJsonString());
        Assert.True(await SeedAsync(changed));

        await using var db = NewContext();
        var plans = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.FrameworkVersionId);
        Assert.Equal(first.VersionId, plans["holder"]);
        Assert.Equal(first.VersionId, plans["legacy"]);
        Assert.Null(plans["newcomer"]);
        Assert.Equal(first.VersionId, await db.SkillAudits.IgnoreQueryFilters().Where(a => a.Id == legacyAudit).Select(a => a.FrameworkVersionId).SingleAsync());
        Assert.NotEqual(first.VersionId, (await LoadAsync()).VersionId);
    }

    private static ApplicationUser NewUser(string name) => new() { UserName = name, Email = name + "@example.com", CurrentRoleSlug = "product-manager" };

    private async Task<Guid> AddAuditAsync(string ownerId, Domain.Catalog.CareerCatalog catalog)
    {
        await using var db = NewContext();
        db.CurrentOwnerId = ownerId;
        var audit = Domain.Assessment.SkillAudit.Start(ownerId, "product-manager", catalog, DateTime.UtcNow);
        db.SkillAudits.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    [Fact]
    public async Task An_inconsistent_file_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(ShippedCatalog))!;
        json["tracks"]![0]!["keySkills"]!.AsArray().Add("astrology");
        var broken = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(broken, json.ToJsonString());

        var ex = await Assert.ThrowsAsync<CatalogException>(() => SeedAsync(broken));

        Assert.Contains("tracks[0].keySkills: Track 'operational' names a skill 'astrology' that the framework does not have.", ex.Message);
        await using var db = NewContext();
        Assert.Equal(0, await db.Frameworks.CountAsync());
        Assert.Equal(0, await db.FrameworkVersions.CountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_with_a_clear_message()
    {
        var broken = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{ not json");

        var ex = await Assert.ThrowsAsync<CatalogException>(() => SeedAsync(broken));

        Assert.Contains("line 1", ex.Message);
        Assert.Contains("not valid JSON", ex.Message);
    }

    private async Task<bool> SeedAsync(string path)
    {
        await using var db = NewContext();
        return await new CatalogSeeder(db, TimeProvider.System, NullLogger<CatalogSeeder>.Instance).SeedAsync(path);
    }

    private async Task<Domain.Catalog.CareerCatalog> LoadAsync()
    {
        await using var db = NewContext();
        return (await FrameworkStore.LoadNewestAsync(db, StoredFramework.DefaultKey))!.Catalog;
    }

    private CareerPathDbContext NewContext() =>
        new(new DbContextOptionsBuilder<CareerPathDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "seed.db")}")
            .Options);
}
