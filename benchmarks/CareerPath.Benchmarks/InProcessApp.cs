using CareerPath.Data;
using CareerPath.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareerPath.Benchmarks;

/// <summary>The real app in this process (production settings) on a given SQLite file, migrated and seeded as at start-up.</summary>
internal sealed class InProcessApp(string databasePath) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("src/CareerPath.Web", "CareerPath.sln");
        builder.UseSetting($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", $"Data Source={databasePath}");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<DatabaseLocation>().InitializeAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }
}
