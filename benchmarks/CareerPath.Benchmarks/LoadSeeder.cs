using System.Security.Claims;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerPath.Benchmarks;

/// <summary>What the load benchmark's pages need of one user: their goal and roadmap.</summary>
internal sealed record SeededPlan(Guid GoalId, Guid RoadmapId);

/// <summary>
/// Gives every registered user the data the measured pages need: a finished skill audit (a roadmap needs one), a draft
/// audit (the audit page; it starts from the finished audit's ratings, as the app does, so every skill is rated, then
/// three are rated again), a five-step roadmap with suggestions, and a goal with 50 steps and
/// 500 check-ins. The first user's plan is made through the app's own services (real domain rules, real migrations,
/// the app stopped); the other users get row-for-row copies of it with new ids, written straight into the database,
/// because saving 500 check-ins one by one for thousands of users would take hours.
/// </summary>
internal static class LoadSeeder
{
    public const string StartRole = "business-analyst";
    public const string TargetRole = "vice-president-of-product-management";
    public const int Steps = 50;
    public const int CheckIns = 500;

    public static async Task<IReadOnlyDictionary<string, SeededPlan>> SeedAsync(string databasePath, IReadOnlyList<string> userIds)
    {
        var template = await MakeTemplateAsync(databasePath, userIds[0]);
        SqliteConnection.ClearAllPools();
        var plans = new Dictionary<string, SeededPlan> { [userIds[0]] = template };
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var audits = await ReadRowsAsync(connection, transaction, "SkillAudits", "OwnerId", userIds[0]);
        var ratings = new Dictionary<string, List<Dictionary<string, object?>>>();
        foreach (var audit in audits)
        {
            ratings[(string)audit["Id"]!] = await ReadRowsAsync(connection, transaction, "SkillRatings", "SkillAuditId", audit["Id"]!);
        }

        var roadmap = (await ReadRowsAsync(connection, transaction, "Roadmaps", "Id", Text(template.RoadmapId))).Single();
        var goal = (await ReadRowsAsync(connection, transaction, "Goals", "Id", Text(template.GoalId))).Single();
        var steps = await ReadRowsAsync(connection, transaction, "GoalSteps", "GoalId", Text(template.GoalId));
        var checkIns = await ReadRowsAsync(connection, transaction, "GoalCheckIns", "GoalId", Text(template.GoalId));

        var inserts = new Dictionary<string, SqliteCommand>();
        async Task InsertAsync(string table, Dictionary<string, object?> row, params (string Column, object Value)[] changes)
        {
            if (!inserts.TryGetValue(table, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", row.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", row.Keys.Select((_, i) => $"$p{i}"))})";
                for (var i = 0; i < row.Count; i++)
                {
                    command.Parameters.Add(new SqliteParameter($"$p{i}", null));
                }

                inserts[table] = command;
            }

            var index = 0;
            foreach (var (column, value) in row)
            {
                var changed = Array.FindIndex(changes, c => c.Column == column);
                command.Parameters[index++].Value = (changed >= 0 ? changes[changed].Value : value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }

        foreach (var userId in userIds.Skip(1))
        {
            foreach (var audit in audits)
            {
                var auditId = NewId();
                await InsertAsync("SkillAudits", audit, ("Id", auditId), ("OwnerId", userId));
                foreach (var rating in ratings[(string)audit["Id"]!])
                {
                    await InsertAsync("SkillRatings", rating, ("SkillAuditId", auditId));
                }
            }

            var roadmapId = Guid.NewGuid();
            await InsertAsync("Roadmaps", roadmap, ("Id", Text(roadmapId)), ("OwnerId", userId));
            var goalId = Guid.NewGuid();
            await InsertAsync("Goals", goal, ("Id", Text(goalId)), ("OwnerId", userId));
            foreach (var step in steps)
            {
                await InsertAsync("GoalSteps", step, ("Id", NewId()), ("GoalId", Text(goalId)));
            }

            foreach (var checkIn in checkIns)
            {
                await InsertAsync("GoalCheckIns", checkIn, ("Id", NewId()), ("GoalId", Text(goalId)));
            }

            plans[userId] = new SeededPlan(goalId, roadmapId);
        }

        await transaction.CommitAsync();
        foreach (var command in inserts.Values)
        {
            await command.DisposeAsync();
        }

        return plans;
    }

    /// <summary>The user ids of the given accounts, by email.</summary>
    public static async Task<List<string>> UserIdsAsync(string databasePath, IReadOnlyList<string> emails)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Email, Id FROM AspNetUsers";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return emails.Select(e => ids[e]).ToList();
    }

    // EF Core stores a Guid in SQLite as upper-case text.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string NewId() => Text(Guid.NewGuid());

    private static async Task<List<Dictionary<string, object?>>> ReadRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string column, object value)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{column}\" = $value";
        command.Parameters.AddWithValue("$value", value);
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task<SeededPlan> MakeTemplateAsync(string databasePath, string userId)
    {
        await using var app = new InProcessApp(databasePath);
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "seed"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var catalog = await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync();
        var audit = await assessment.StartOrResumeAsync(StartRole);
        foreach (var skill in catalog.Skills)
        {
            audit = await assessment.RateAsync(audit.Id, audit.Version, skill.Slug, 2, null);
        }

        await assessment.CompleteAsync(audit.Id, audit.Version);
        var draft = await assessment.StartOrResumeAsync(StartRole);
        foreach (var skill in catalog.Skills.Take(3))
        {
            draft = await assessment.RateAsync(draft.Id, draft.Version, skill.Slug, 2, null);
        }

        var roadmap = await scope.ServiceProvider.GetRequiredService<RoadmapService>().CreateAsync("Load benchmark", StartRole, TargetRole, null);

        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var today = await goals.TodayAsync();
        var fields = new GoalFields("Lead the quarterly planning for the billing team", GoalHorizon.LongTerm, ProgressMode.Steps, null, null, null,
            "Two hours a week", [], null, null, null, today.AddDays(365));
        var goal = await goals.CreateAsync(fields, Enumerable.Range(1, Steps).Select(i => new NewStep($"Step {i} of the plan", today.AddDays(7 * i))).ToList());

        // Check-ins spread over the year before today: the goal is made to start then (the domain dates a new goal today).
        var start = today.AddDays(-365);
        await using (var connection = new SqliteConnection($"Data Source={databasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Goals SET CreatedOn = $start WHERE Id = $id";
            command.Parameters.AddWithValue("$start", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$id", Text(goal.Id));
            await command.ExecuteNonQueryAsync();
        }

        goal = await goals.GetAsync(goal.Id);
        for (var i = 0; i < CheckIns; i++)
        {
            goal = await goals.CheckInAsync(goal.Id, goal.Version, start.AddDays(i * 365 / CheckIns), null, i % 10 == 0 ? $"Check-in {i}" : null);
        }

        return new SeededPlan(goal.Id, roadmap.Id);
    }
}
