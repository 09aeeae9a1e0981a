using CareerPath.Data;
using CareerPath.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareerPath.Web.Tests;

/// <summary>The real app in memory, on its own SQLite file, migrated and seeded exactly as at start-up.</summary>
public sealed class CareerPathAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "careerpath-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "careerpath.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", $"Data Source={DatabasePath}");
        // Every test here signs in from the same address; SecurityTests checks the real limits on an app of its own.
        builder.UseSetting("RateLimits:Scale", RateLimitScale.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ConfigureServices?.Invoke(builder);
    }

    public int RateLimitScale { get; init; } = 1000;

    /// <summary>Extra configuration for a test that needs its own app (a fake clock, real rate limits).</summary>
    public Action<IWebHostBuilder>? ConfigureServices { get; init; }

    /// <summary>An app of its own whose time is <paramref name="clock"/>.</summary>
    public static CareerPathAppFactory WithClock(TimeProvider clock) => new()
    {
        ConfigureServices = builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        }),
    };

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // WebApplicationFactory stops Program's top-level code at Build(), so run the same start-up step here.
        host.Services.GetRequiredService<DatabaseLocation>().InitializeAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task WithDbAsync(Func<CareerPathDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CareerPathDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<CareerPathAppFactory>
{
    public const string Name = "app";
}
