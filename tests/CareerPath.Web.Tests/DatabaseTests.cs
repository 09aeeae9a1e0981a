using System.Net;
using CareerPath.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class DatabaseTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task A_save_waits_its_turn_at_the_write_gate_and_a_save_inside_a_transaction_goes_straight_in()
    {
        var user = await app.CreateAsync();
        Task gated;
        using (await WriteGate.EnterAsync(CancellationToken.None))
        {
            gated = app.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == user.Id)).DisplayName = "Saved after its turn";
                await db.SaveChangesAsync();
            });
            await Task.Delay(300);
            Assert.False(gated.IsCompleted, "a save went in while another held the write gate");

            // A transaction holds SQLite's write lock itself: its saves do not queue behind the gate (or they would never end).
            await app.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                (await db.Users.SingleAsync(u => u.Id == user.Id)).TimeZone = "Europe/Lisbon";
                await db.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));
                await transaction.CommitAsync();
            });
        }

        await gated.WaitAsync(TimeSpan.FromSeconds(10));
        await app.WithDbAsync(async db =>
            Assert.Equal(("Saved after its turn", "Europe/Lisbon"), await db.Users.Where(u => u.Id == user.Id).Select(u => ValueTuple.Create(u.DisplayName, u.TimeZone)).SingleAsync()));
    }

    [Fact]
    public async Task A_write_transaction_begins_in_its_turn_and_holds_the_turn_until_it_ends()
    {
        var user = await app.CreateAsync();
        Task<GatedTransaction> begun;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CareerPathDbContext>>().CreateDbContext();
        using (await WriteGate.EnterAsync(CancellationToken.None))
        {
            begun = db.Database.BeginWriteTransactionAsync();
            await Task.Delay(1000);
            Assert.False(begun.IsCompleted, "a write transaction began while another write held the gate");
        }

        Task save;
        await using (var transaction = await begun.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            // Inside it, saves go straight in; a save elsewhere waits for the transaction to end.
            (await db.Users.SingleAsync(u => u.Id == user.Id)).DisplayName = "Inside the transaction";
            await db.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));
            save = app.WithDbAsync(async other =>
            {
                (await other.Users.SingleAsync(u => u.Id == user.Id)).TimeZone = "Europe/Lisbon";
                await other.SaveChangesAsync();
            });
            await Task.Delay(1000);
            Assert.False(save.IsCompleted, "a save went in while a write transaction held the gate");
            await transaction.CommitAsync();
        }

        await save.WaitAsync(TimeSpan.FromSeconds(10));
        await app.WithDbAsync(async check =>
            Assert.Equal(("Inside the transaction", "Europe/Lisbon"), await check.Users.Where(u => u.Id == user.Id).Select(u => ValueTuple.Create(u.DisplayName, u.TimeZone)).SingleAsync()));
    }

    [Fact]
    public async Task The_database_is_created_by_migrations_at_start()
    {
        _ = app.Services;

        await app.WithDbAsync(async db =>
        {
            Assert.True(File.Exists(app.DatabasePath));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        });
    }

    [Fact]
    public async Task The_database_runs_in_write_ahead_logging_mode()
    {
        _ = app.Services;
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Health_check_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Default_database_lives_in_the_per_user_application_data_folder()
    {
        var connectionString = DatabaseSetup.ResolveConnectionString(null);
        var path = DatabaseSetup.DataSourceOf(connectionString);

        Assert.EndsWith(Path.Combine("CareerPath", DatabaseSetup.DefaultFileName), path);
        Assert.True(Path.IsPathRooted(path));
        Assert.Equal("Data Source=/x.db", DatabaseSetup.ResolveConnectionString("Data Source=/x.db"));
    }
}
