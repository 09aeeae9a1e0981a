using System.Security.Claims;
using CareerPath.Web.Capacity;

namespace CareerPath.Web.Tests.Capacity;

public sealed class CircuitAdmissionTests
{
    private static readonly ClaimsPrincipal Visitor = new(new ClaimsIdentity());

    private static ClaimsPrincipal User(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    private static FakeClock Clock() => new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    private static void Connect(CircuitAdmission admission, string user)
    {
        admission.Opened(user);
        admission.Up();
    }

    [Fact]
    public void At_the_cap_only_those_already_here_get_a_page_and_a_freed_place_goes_to_one_newcomer()
    {
        var clock = Clock();
        var admission = new CircuitAdmission(new CircuitCapacity(2, 100, "test"), clock);
        Connect(admission, "ana");
        Connect(admission, "ben");

        Assert.False(admission.AdmitPage(Visitor));
        Assert.False(admission.AdmitPage(User("cleo")));
        Assert.True(admission.AdmitPage(User("ana")));

        // Ben's page closes: his place is promised to the next newcomer, Cleo, until her circuit arrives.
        admission.Down();
        admission.Closed("ben");
        Assert.True(admission.AdmitPage(User("cleo")));
        Assert.False(admission.AdmitPage(User("dan")));
        // Cleo's page never connected: after 30 seconds the promise lapses and Dan gets the place.
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(admission.AdmitPage(User("dan")));
    }

    [Fact]
    public void A_visitor_asking_again_and_again_holds_one_promised_place_not_many()
    {
        var clock = Clock();
        var admission = new CircuitAdmission(new CircuitCapacity(3, 100, "test"), clock);

        // Cap 3, nobody connected: one address asks 50 times, and still two places are left for others.
        for (var i = 0; i < 50; i++)
        {
            Assert.True(admission.AdmitPage(Visitor, "203.0.113.7"));
        }

        Assert.True(admission.AdmitPage(Visitor, "198.51.100.1"));
        Assert.True(admission.AdmitPage(User("ana")));
        Assert.False(admission.AdmitPage(User("ben")));

        // Ana's circuit arrives: her promise becomes her place; the count is unchanged, so Ben still waits.
        Connect(admission, "ana");
        Assert.False(admission.AdmitPage(User("ben")));
    }

    [Fact]
    public void Someone_who_just_left_may_come_back_for_two_minutes()
    {
        var clock = Clock();
        var admission = new CircuitAdmission(new CircuitCapacity(1, 100, "test"), clock);
        Connect(admission, "ana");
        admission.Down();
        admission.Closed("ana");
        Connect(admission, "ben");

        // Ana reloads within the grace period: she is still "here" though the one place is Ben's.
        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.True(admission.AdmitPage(User("ana")));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(admission.AdmitPage(User("ana")));
    }

    [Fact]
    public void Sockets_are_bounded_in_total_per_account_and_for_visitors_without_one()
    {
        // Cap 20: hard limit 20 + 2 = 22; visitors without an account max(10, 2) = 10; an account 10.
        var admission = new CircuitAdmission(new CircuitCapacity(20, 100, "test"), TimeProvider.System);
        Assert.Equal(22, admission.Capacity.HardLimit);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(admission.TryOpenSocket(Visitor));
            Assert.True(admission.TryOpenSocket(User("ana")));
        }

        Assert.False(admission.TryOpenSocket(Visitor));
        Assert.False(admission.TryOpenSocket(User("ana")));
        Assert.True(admission.TryOpenSocket(User("ben")));
        Assert.True(admission.TryOpenSocket(User("ben")));
        // 22 open: the hard limit refuses even an account with sockets to spare.
        Assert.False(admission.TryOpenSocket(User("ben")));
        Assert.Equal(22, admission.Sockets);

        admission.CloseSocket(Visitor);
        Assert.True(admission.TryOpenSocket(User("ben")));
    }
}
