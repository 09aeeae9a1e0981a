using System.Net;
using CareerPath.Testing;
using CareerPath.Web.Security;

namespace CareerPath.Web.Tests.Proxy;

/// <summary>Failed sign-ins hold back the address they came from, for that account only: no stranger can lock anyone out.</summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task A_stranger_who_fails_five_times_is_held_back_while_the_owner_signs_in_from_elsewhere()
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-throttle-").FullName;
        try
        {
            await using var app = AppProcess.Start(Path.Combine(folder, "careerpath.db"));
            await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.Redirect, await Reliability.AppForms.RegisterAsync(app.BaseAddress, "alice@example.com", "Alice"));
            using var stranger = Nginx.ClientFrom(IPAddress.Parse("127.0.0.3"), app.BaseAddress);
            using var owner = Nginx.ClientFrom(IPAddress.Parse("127.0.0.2"), app.BaseAddress);

            for (var attempt = 1; attempt <= 5; attempt++)
            {
                Assert.Equal(HttpStatusCode.OK, (await TestUsers.PostSignInAsync(stranger, "alice@example.com", $"guess number {attempt}")).StatusCode);
            }

            using var heldBack = await TestUsers.PostSignInAsync(stranger, "alice@example.com", TestUsers.Password);
            Assert.Equal(HttpStatusCode.OK, heldBack.StatusCode);
            Assert.Contains("locked for 15 minutes", await heldBack.Content.ReadAsStringAsync());

            using var signedIn = await TestUsers.PostSignInAsync(owner, "alice@example.com", TestUsers.Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_address_is_held_back_after_five_failures_for_fifteen_minutes_after_the_last_one()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(clock);

        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("alice@example.com", "192.0.2.1");
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.False(throttle.IsHeldBack("alice@example.com", "192.0.2.1")); // 4 failures, 09:00 to 09:03
        throttle.RecordFailure("ALICE@example.com ", "192.0.2.1"); // the 5th at 09:04; case and spaces do not matter
        Assert.True(throttle.IsHeldBack("alice@example.com", "192.0.2.1"));
        Assert.False(throttle.IsHeldBack("alice@example.com", "192.0.2.2"));
        Assert.False(throttle.IsHeldBack("bob@example.com", "192.0.2.1"));

        clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59)); // 09:18:59, 14:59 after the last failure
        Assert.True(throttle.IsHeldBack("alice@example.com", "192.0.2.1"));
        clock.Advance(TimeSpan.FromSeconds(1)); // 09:19:00, 15 minutes after
        Assert.False(throttle.IsHeldBack("alice@example.com", "192.0.2.1"));

        // A failure after the period starts a new count at 1.
        throttle.RecordFailure("alice@example.com", "192.0.2.1");
        Assert.False(throttle.IsHeldBack("alice@example.com", "192.0.2.1"));
    }

}
