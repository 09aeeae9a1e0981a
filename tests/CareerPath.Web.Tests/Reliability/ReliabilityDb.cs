using CareerPath.Data;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Seeding;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>A temp folder of SQLite files for one test, and direct access to them.</summary>
public sealed class ReliabilityDb : IDisposable
{
    public const string RoleSlug = "product-manager";

    private readonly string _folder = Directory.CreateTempSubdirectory("careerpath-reliability-").FullName;

    public string Folder => _folder;

    public string File(string name) => Path.Combine(_folder, name);

    /// <summary>A context on the file with the app's pragmas, seeing the given owner's personal data.</summary>
    public static CareerPathDbContext Context(string path, string? ownerId = null)
    {
        var options = new DbContextOptionsBuilder<CareerPathDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;
        return new CareerPathDbContext(options) { CurrentOwnerId = ownerId };
    }

    /// <summary>What the app does at start-up: WAL, every migration, the shipped catalog.</summary>
    public static async Task CreateAsync(string path)
    {
        using (var connection = Open(path))
        {
            Execute(connection, "PRAGMA journal_mode=WAL;");
        }

        await using var db = Context(path);
        await db.Database.MigrateAsync();
        await SeedCatalogAsync(db);
    }

    public static Task SeedCatalogAsync(CareerPathDbContext db) =>
        new CatalogSeeder(db, TimeProvider.System, NullLogger<CatalogSeeder>.Instance).SeedAsync(CatalogFile.Resolve(null));

    public static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
        return connection;
    }

    /// <summary>A user row with only the columns of the first migration, as any version of the app writes it.</summary>
    public static string InsertUser(SqliteConnection connection, string email, string? roleSlug = RoleSlug, SqliteTransaction? transaction = null)
    {
        var id = Guid.NewGuid().ToString();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO AspNetUsers (Id, DisplayName, CurrentRoleSlug, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail,
                EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ($id, $name, $role, $created, $email, upper($email), $email, upper($email), 0, 'hash-of-' || $email, $stamp, $stamp, 0, 0, 1, 0);
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", "Name of " + email);
        command.Parameters.AddWithValue("$role", (object?)roleSlug ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", "2026-01-02 03:04:05+00:00");
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString());
        command.ExecuteNonQuery();
        return id;
    }

    public static string AddUser(string path, string email)
    {
        using var connection = Open(path);
        return InsertUser(connection, email);
    }

    /// <summary>A draft audit rating the first catalog skill, saved the way the app saves it.</summary>
    public static async Task<Guid> AddAuditAsync(string path, string ownerId, int level)
    {
        await using var db = Context(path, ownerId);
        var catalog = (await FrameworkStore.LoadNewestAsync(db, StoredFramework.DefaultKey))!.Catalog;
        var audit = SkillAudit.Start(ownerId, RoleSlug, catalog, DateTime.UtcNow);
        audit.Rate(catalog.Skills[0].Slug, level, "evidence at level " + level, catalog);
        db.SkillAudits.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    /// <summary>The owner's audits as (id, level of the first rating).</summary>
    public static async Task<List<(Guid Id, int Level)>> AuditsOfAsync(string path, string ownerId)
    {
        await using var db = Context(path, ownerId);
        var audits = await db.SkillAudits.AsNoTracking().ToListAsync();
        return audits.Select(a => (a.Id, a.Ratings.Single().Level.Value)).ToList();
    }

    public static List<string> Column(string path, string sql)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        return Column(connection, sql);
    }

    public static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "<null>" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public static string Scalar(string path, string sql) => Column(path, sql).Single();

    public static string IntegrityCheck(string path) => string.Join("; ", Column(path, "PRAGMA integrity_check;"));

    public static List<string> Emails(string path) => Column(path, "SELECT Email FROM AspNetUsers ORDER BY Email;");

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
