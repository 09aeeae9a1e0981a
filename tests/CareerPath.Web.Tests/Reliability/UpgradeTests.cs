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
        }

        using (var connection = ReliabilityDb.Open(path))
        {
            // The first releases kept the catalog in tables of its own, filled from the catalog file, with keys between them.
            ReliabilityDb.Execute(connection, """
                INSERT INTO Ladders (Slug, Name, Description, "Order") VALUES ('tpm', 'TPM', 'Technical product roles.', 0);
                INSERT INTO SkillCategories (Slug, Name, Description, "Order") VALUES ('technical', 'Technical', 'Technical skills.', 0);
                INSERT INTO Skills (Slug, Name, CategorySlug, Description, "Order", Rubric) VALUES ('coding', 'Coding', 'technical', 'Code.', 0, '["a","b","c","d","e"]');
                INSERT INTO CareerRoles (Slug, Name, LadderSlug, Seniority, IsEntryPoint, Summary, Description, TypicalMonthsInRole, Responsibilities)
                    VALUES ('tpm', 'TPM', 'tpm', 3, 0, 'S.', 'D.', 30, '[]');
                INSERT INTO RoleSkillExpectations (SkillSlug, RoleSlug, Level) VALUES ('coding', 'tpm', 3);
                """);
        }

        Assert.DoesNotContain("SkillAudits", Tables(path));
        string aliceId;
        string bobId;
        using (var connection = ReliabilityDb.Open(path))
        {
            aliceId = ReliabilityDb.InsertUser(connection, "alice@example.com");
            bobId = ReliabilityDb.InsertUser(connection, "bob@example.com", roleSlug: null);
        }

        // Frameworks moved into versioned documents (migration FrameworkVersions): the old catalog tables go, and the
        // seeder stores the catalog file again at start-up. Every other table keeps every row.
        var columns = Tables(path).Where(t => t != "__EFMigrationsHistory" && !OldCatalogTables.Contains(t))
            .ToDictionary(t => t, t => ReliabilityDb.Column(path, $"SELECT name FROM pragma_table_info('{t}') ORDER BY cid;"));
        var before = Snapshot(path, columns);
        Assert.Superset(OldCatalogTables.ToHashSet(), Tables(path).ToHashSet());

        await using (var db = ReliabilityDb.Context(path))
        {
            await db.Database.MigrateAsync();
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        }

        var after = Snapshot(path, columns);
        Assert.Empty(Tables(path).Intersect(OldCatalogTables));
        await using (var db = ReliabilityDb.Context(path))
        {
            await ReliabilityDb.SeedCatalogAsync(db);
        }

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

    [Fact]
    public async Task Check_ins_made_before_they_were_numbered_are_numbered_in_the_order_they_were_stored()
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
            var numbering = migrations.FindIndex(m => m.EndsWith("_CheckInSequence", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[numbering - 1]);
        }

        string ownerId;
        var goalId = Guid.NewGuid();
        using (var connection = ReliabilityDb.Open(path))
        {
            ownerId = ReliabilityDb.InsertUser(connection, "alice@example.com");
            // EF Core keeps Guids as upper-case text.
            var goal = goalId.ToString().ToUpperInvariant();
            ReliabilityDb.Execute(connection, $"""
                INSERT INTO Goals (Id, OwnerId, Outcome, Horizon, Mode, MeasureName, StartValue, TargetValue, CurrentValue, CreatedOn, Status, Version, SkillSlugs)
                VALUES ('{goal}', '{ownerId}', 'Run ten interviews', 'ShortTerm', 'Measure', 'interviews', '0.0', '10.0', '7.0', '2026-11-01', 'Active', '{Guid.NewGuid().ToString().ToUpperInvariant()}', '[]');
                """);
            // Three the same day, stored in this order; their ids sort the other way round, so only storage order tells.
            foreach (var (id, value) in new[] { ("CCCCCCCC-0000-0000-0000-000000000000", 2), ("BBBBBBBB-0000-0000-0000-000000000000", 5), ("AAAAAAAA-0000-0000-0000-000000000000", 7) })
            {
                ReliabilityDb.Execute(connection, $"INSERT INTO GoalCheckIns (Id, GoalId, Date, Value) VALUES ('{id}', '{goal}', '2026-11-10', '{value}.0');");
            }
        }

        await using (var db = ReliabilityDb.Context(path, ownerId))
        {
            await db.Database.MigrateAsync();
            var goal = await db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId);

            Assert.Equal([1, 2, 3], goal.CheckIns.Select(c => c.Sequence));
            Assert.Equal([2m, 5m, 7m], goal.CheckIns.Select(c => c.Value!.Value));
            // The day's figure on the chart is the last one stored, the same as the current value: 7 of 10.
            Assert.Equal(70, Domain.Goals.GoalProgressChart.For(goal, new DateOnly(2026, 11, 20)).Actual[^1].Percent);
        }
    }

    private static readonly string[] OldCatalogTables =
        ["Ladders", "CareerRoles", "RoleSkillExpectations", "RoleTransitions", "SkillCategories", "Skills", "Tracks", "GrowthResources", "CareerFactors", "CareerSteps", "CatalogRevisions"];

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
