namespace CareerPath.Web.Tests;

/// <summary>A clock a test moves by hand, so time limits (session lifetimes, round closing) are tested without waiting.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
