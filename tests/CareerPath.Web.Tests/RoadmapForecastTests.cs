using CareerPath.Domain.Assessment;
using CareerPath.Domain.Roadmaps;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>The roadmap page's pace rests on the first and the latest finished audits, whatever lies between.</summary>
public sealed class RoadmapForecastTests
{
    [Fact]
    public async Task The_pace_compares_the_first_and_latest_audits_not_the_ones_between()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = CareerPathAppFactory.WithClock(clock);
        var user = await app.CreateAsync();
        // 1 March: every skill at 1. 31 March: every skill at 4 (not counted). 30 April: every skill at 2.
        await app.CompleteAuditAsync(user, 1);
        clock.Advance(TimeSpan.FromDays(30));
        await app.CompleteAuditAsync(user, 4);
        clock.Advance(TimeSpan.FromDays(30));
        await app.CompleteAuditAsync(user, 2);

        await using var scope = app.ScopeFor(user);
        var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
        var view = await roadmaps.GetViewAsync(roadmap.Id);
        var catalog = await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync();

        // From 1 to 2 in every skill the target expects at 2 or more: one level each; nothing where it expects 1.
        var target = catalog.FindRole("technical-product-manager")!;
        var expected = target.Expectations.Count(e => e.Level.Value >= 2);
        var forecast = view.Forecast!;
        Assert.Equal(PaceOutcome.Forecast, forecast.Pace);
        Assert.Equal(expected, forecast.LevelsGained);
        // Over 60 days: expected ÷ (60 ÷ 30.44) levels a month.
        Assert.Equal(Math.Round(expected / (60 / 30.44), 2), forecast.LevelsClosedPerMonth);
        Assert.True(view.HasAudit);
    }
}
