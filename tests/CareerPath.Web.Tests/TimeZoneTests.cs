using System.Net;
using CareerPath.Data.Identity;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Personal;
using CareerPath.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>"Today" is the user's day: checked with a fake clock on either side of midnight UTC.</summary>
public sealed class TimeZoneTests
{
    private static GoalFields Fields(DateOnly deadline) => new(
        "Run twelve customer discovery interviews", GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews", 0, 12, "Two a week", ["customer-focus"], null, null, null, deadline);

    [Fact]
    public async Task East_of_UTC_in_the_morning_a_check_in_dated_today_is_accepted()
    {
        // 23:30 UTC on Monday 9 March 2026 is 08:30 on Tuesday 10 March in Tokyo.
        await using var app = CareerPathAppFactory.WithClock(new FakeClock(DateTimeOffset.Parse("2026-03-09T23:30:00Z")));
        var user = await app.CreateAsync();
        await SetZoneAsync(app, user, "Asia/Tokyo");

        await using var scope = app.ScopeFor(user);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        Assert.Equal(new DateOnly(2026, 3, 10), await goals.TodayAsync());
        var goal = await goals.CreateAsync(Fields(new DateOnly(2026, 4, 30)));
        Assert.Equal(new DateOnly(2026, 3, 10), goal.CreatedOn);

        goal = await goals.CheckInAsync(goal.Id, goal.Version, new DateOnly(2026, 3, 10), 2, "Two calls booked");

        Assert.Equal(new DateOnly(2026, 3, 10), goal.CheckIns.Single().Date);
        var tooLate = await Assert.ThrowsAsync<DomainException>(() => goals.CheckInAsync(goal.Id, goal.Version, new DateOnly(2026, 3, 11), 3, null));
        Assert.Contains("future", tooLate.Message);
    }

    [Fact]
    public async Task West_of_UTC_in_the_evening_a_step_due_today_can_be_added_and_is_not_overdue()
    {
        // 03:00 UTC on Tuesday 10 March 2026 is 20:00 on Monday 9 March in Los Angeles (PDT, UTC−7).
        await using var app = CareerPathAppFactory.WithClock(new FakeClock(DateTimeOffset.Parse("2026-03-10T03:00:00Z")));
        var user = await app.CreateAsync();
        await SetZoneAsync(app, user, "America/Los_Angeles");

        await using var scope = app.ScopeFor(user);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var goal = await goals.CreateAsync(Fields(new DateOnly(2026, 4, 30)));
        goal = await goals.AddStepAsync(goal.Id, goal.Version, "Send the interview invitations", new DateOnly(2026, 3, 9));

        Assert.False(goal.Steps.Single().IsOverdue(await goals.TodayAsync()));
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();
        Assert.Empty(dashboard.OverdueSteps);
        Assert.Contains(dashboard.NextDeadlines, d => d.Title == "Send the interview invitations" && d.Date == new DateOnly(2026, 3, 9));
    }

    [Fact]
    public async Task Without_a_zone_today_is_the_UTC_day()
    {
        await using var app = CareerPathAppFactory.WithClock(new FakeClock(DateTimeOffset.Parse("2026-03-09T23:30:00Z")));
        var user = await app.CreateAsync();

        await using var scope = app.ScopeFor(user);

        Assert.Equal(new DateOnly(2026, 3, 9), await scope.ServiceProvider.GetRequiredService<GoalService>().TodayAsync());
    }

    [Fact]
    public async Task Signing_in_stores_the_browsers_zone_once_and_never_overwrites_the_profiles()
    {
        await using var app = new CareerPathAppFactory();
        var user = await app.CreateAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync(app, user, "Asia/Tokyo")).StatusCode);
        Assert.Equal("Asia/Tokyo", await ZoneOfAsync(app, user));

        // A later sign-in from a browser in another zone (travel, a second device) leaves the profile's choice alone.
        await SignInFromAsync(app, user, "Europe/Berlin");
        Assert.Equal("Asia/Tokyo", await ZoneOfAsync(app, user));

        // A zone the machine does not know is ignored.
        var other = await app.CreateAsync();
        await SignInFromAsync(app, other, "Mars/Olympus_Mons");
        Assert.Null(await ZoneOfAsync(app, other));
    }

    private static async Task<HttpResponseMessage> SignInFromAsync(CareerPathAppFactory app, ApplicationUser user, string zone)
    {
        var cookies = new System.Net.CookieContainer();
        cookies.Add(new Uri("http://localhost/"), new Cookie(BrowserTimeZone.CookieName, Uri.EscapeDataString(zone), "/"));
        using var client = app.CreateDefaultClient(new Uri("http://localhost/"), new CookieContainerHandler(cookies));
        return await TestUsers.PostSignInAsync(client, user.Email!, TestUsers.Password);
    }

    private static async Task SetZoneAsync(CareerPathAppFactory app, ApplicationUser user, string zone) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, zone)));

    private static async Task<string?> ZoneOfAsync(CareerPathAppFactory app, ApplicationUser user)
    {
        string? zone = null;
        await app.WithDbAsync(async db => zone = await db.Users.Where(u => u.Id == user.Id).Select(u => u.TimeZone).SingleAsync());
        return zone;
    }
}
