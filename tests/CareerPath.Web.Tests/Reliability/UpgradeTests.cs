using CareerPath.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>A database from the first release, full of data, brought up to the current schema.</summary>
public sealed class UpgradeTests : IDisposable
{
    private readonly ReliabilityDb _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_database_made_by_the_first_migration_is_migrated_to_the_current_schema_with_nothing_lost()
    {
        var path = _files.File("careerpath.db");
        using (var connection = ReliabilityDb.Open(path))
        {
            ReliabilityDb.Execute(connection, "PRAGMA journal_mode=WAL;");
        }

        List<string> migrations;
        await using (var db = ReliabilityDb.Context(path))
        {
            migrations = db.Database.GetMigrations().ToList();
            Assert.EndsWith("_InitialCreate", migrations[0]);
            Assert.True(migrations.Count > 1, "there is no later migration to upgrade to");
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
            Assert.Equal([migrations[0]], await db.Database.GetAppliedMigrationsAsync());
            await ReliabilityDb.SeedCatalogAsync(db);
        }

        Assert.DoesNotContain("SkillAudits", Tables(path));
        string aliceId;
        string bobId;
        using (var connection = ReliabilityDb.Open(path))
        {
            aliceId = ReliabilityDb.InsertUser(connection, "alice@example.com");
            bobId = ReliabilityDb.InsertUser(connection, "bob@example.com", roleSlug: null);
        }

        var columns = Tables(path).Where(t => t != "__EFMigrationsHistory")
            .ToDictionary(t => t, t => ReliabilityDb.Column(path, $"SELECT name FROM pragma_table_info('{t}') ORDER BY cid;"));
        var before = Snapshot(path, columns);
        Assert.True(before["CareerRoles"].Count > 0 && before["RoleSkillExpectations"].Count > 0, "the catalog was not seeded");

        await using (var db = ReliabilityDb.Context(path))
        {
            await db.Database.MigrateAsync();
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        }

        var after = Snapshot(path, columns);
        Assert.All(before, table => Assert.True(table.Value.SequenceEqual(after[table.Key]), $"{table.Key} changed: {table.Value.Count} rows before, {after[table.Key].Count} after"));
        Assert.Contains(ReliabilityDb.RoleSlug, ReliabilityDb.Column(path, $"SELECT CurrentRoleSlug FROM AspNetUsers WHERE Id = '{aliceId}';"));
        Assert.Superset(new HashSet<string>(["SkillAudits", "SkillRatings", "FeedbackRequests", "CareerAspirations", "Roadmaps", "Milestones", "Goals", "GoalSteps"]), Tables(path).ToHashSet());
        Assert.Equal("ok", ReliabilityDb.IntegrityCheck(path));

        var auditId = await ReliabilityDb.AddAuditAsync(path, aliceId, level: 4);

        Assert.Equal([(auditId, 4)], await ReliabilityDb.AuditsOfAsync(path, aliceId));
        Assert.Empty(await ReliabilityDb.AuditsOfAsync(path, bobId));
        using (var connection = ReliabilityDb.Open(path))
        {
            ReliabilityDb.Execute(connection, $"DELETE FROM AspNetUsers WHERE Id = '{aliceId}';");
        }

        Assert.Equal(["0", "0"], ReliabilityDb.Column(path, "SELECT count(*) FROM SkillAudits UNION ALL SELECT count(*) FROM SkillRatings;"));
    }

    private static List<string> Tables(string path) =>
        ReliabilityDb.Column(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");

    /// <summary>Every row of each table, over the given columns, as sorted text.</summary>
    private static Dictionary<string, List<string>> Snapshot(string path, Dictionary<string, List<string>> columnsByTable)
    {
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var (table, columns) in columnsByTable)
        {
            var row = string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")"));
            snapshot[table] = ReliabilityDb.Column(path, $"SELECT {row} FROM \"{table}\";").Order(StringComparer.Ordinal).ToList();
        }

        return snapshot;
    }
}
