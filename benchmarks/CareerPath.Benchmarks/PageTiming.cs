using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CareerPath.Data.Identity;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerPath.Benchmarks;

internal sealed record PageTimes(int Samples, double Median, double P95);

/// <summary>Times GET /roadmap/{id} for a signed-in user with a finished audit and a five-step roadmap.</summary>
internal static partial class PageTiming
{
    public static async Task<PageTimes> MeasureAsync(int samples)
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-bench-").FullName;
        await using var app = new InProcessApp(Path.Combine(folder, "bench.db"));
        var email = "bench@example.com";
        const string password = "correct horse battery staple";
        Guid roadmapId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, CurrentRoleSlug = "business-analyst" };
            (await users.CreateAsync(user, password)).Succeeded.ToString();
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "bench"));
            ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var catalog = await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync();
            var audit = await assessment.StartOrResumeAsync("business-analyst");
            foreach (var skill in catalog.Skills)
            {
                audit = await assessment.RateAsync(audit.Id, audit.Version, skill.Slug, 2, null);
            }

            await assessment.CompleteAsync(audit.Id, audit.Version);
            var roadmap = await scope.ServiceProvider.GetRequiredService<RoadmapService>()
                .CreateAsync("Five steps", "business-analyst", "vice-president-of-product-management", null);
            roadmapId = roadmap.Id;
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Antiforgery().Match(form).Groups[1].Value;
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Sign-in failed: " + login.StatusCode);
        }

        for (var i = 0; i < 10; i++)
        {
            await client.GetStringAsync($"/roadmap/{roadmapId}");
        }

        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var html = await client.GetStringAsync($"/roadmap/{roadmapId}");
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!html.Contains("Step by step", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The roadmap page did not render its steps.");
            }
        }

        Array.Sort(times);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new PageTimes(samples, times[samples / 2], times[Math.Min(samples - 1, (int)Math.Ceiling(0.95 * samples) - 1)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
