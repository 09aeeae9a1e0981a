using CareerPath.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>The durability settings are on every connection the app's contexts open, both ways it makes them.</summary>
[Collection(AppCollection.Name)]
public sealed class PragmaTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Every_app_connection_runs_WAL_with_synchronous_FULL_foreign_keys_and_a_busy_timeout()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareerPathDbContext>>();
        await using var fromFactory = await factory.CreateDbContextAsync();
        var scoped = scope.ServiceProvider.GetRequiredService<CareerPathDbContext>();

        foreach (var db in new[] { scoped, fromFactory })
        {
            Assert.Equal(["wal", "2", "1", "5000"], await PragmasAsync(db));
        }
    }

    private static async Task<List<string>> PragmasAsync(CareerPathDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            var values = new List<string>();
            foreach (var pragma in new[] { "journal_mode", "synchronous", "foreign_keys", "busy_timeout" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                values.Add(Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
