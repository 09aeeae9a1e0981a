using System.Security.Claims;
using CareerPath.Web.Capacity;

namespace CareerPath.Web.Tests.Capacity;

public sealed class CircuitAdmissionTests
{
    private static readonly ClaimsPrincipal Visitor = new(new ClaimsIdentity());

    private static ClaimsPrincipal User(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    [Fact]
    public void At_the_cap_only_those_already_here_get_a_page_and_a_freed_place_admits_the_next()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var admission = new CircuitAdmission(new CircuitCapacity(2, 100, "test"), clock);
        admission.Opened("ana");
        admission.Up();
        admission.Opened("ben");
        admission.Up();

        Assert.False(admission.Admits(Visitor));
        Assert.False(admission.Admits(User("cleo")));
        Assert.True(admission.Admits(User("ana")));

        // Ben's page closes: his connection drops, his place is free for the next person.
        admission.Down();
        admission.Closed("ben");
        Assert.True(admission.Admits(User("cleo")));
    }

    [Fact]
    public void Someone_who_just_left_may_come_back_for_two_minutes()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var admission = new CircuitAdmission(new CircuitCapacity(1, 100, "test"), clock);
        admission.Opened("ana");
        admission.Up();
        admission.Down();
        admission.Closed("ana");
        admission.Opened("ben");
        admission.Up();

        // Ana reloads within the grace period: she is still "here" though the one place is Ben's.
        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.True(admission.Admits(User("ana")));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(admission.Admits(User("ana")));
    }

    [Fact]
    public void Connections_are_refused_only_past_the_cap_plus_a_tenth()
    {
        // Cap 20: hard limit 20 + 2 = 22. Cap 5: 5 + max(1, 0) = 6.
        var twenty = new CircuitAdmission(new CircuitCapacity(20, 100, "test"), TimeProvider.System);
        Assert.Equal(22, twenty.HardLimit);
        var five = new CircuitAdmission(new CircuitCapacity(5, 100, "test"), TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            five.Up();
        }

        Assert.True(five.AdmitsConnection);
        five.Up();
        Assert.False(five.AdmitsConnection);
    }
}
