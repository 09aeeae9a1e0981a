using CareerPath.Domain.Common;

namespace CareerPath.Domain.Tests.Common;

public sealed class UserTimeZoneTests
{
    [Theory]
    [InlineData("2026-03-09T23:30:00Z", "Asia/Tokyo", "2026-03-10")]          // UTC+9: already 08:30 on Tuesday
    [InlineData("2026-03-10T03:00:00Z", "America/Los_Angeles", "2026-03-09")] // PDT (UTC−7) since 8 March: still 20:00 on Monday
    [InlineData("2026-01-10T03:00:00Z", "America/Los_Angeles", "2026-01-09")] // PST (UTC−8): 19:00 the day before
    [InlineData("2026-03-09T23:30:00Z", "Mars/Olympus_Mons", "2026-03-09")]   // unknown: UTC
    [InlineData("2026-03-09T23:30:00Z", null, "2026-03-09")]
    public void Today_is_the_users_own_day(string utc, string? zone, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), UserTimeZone.Today(DateTimeOffset.Parse(utc), zone));
}
