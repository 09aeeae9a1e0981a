using CareerPath.Domain.Common;
using CareerPath.Domain.Roadmaps;

namespace CareerPath.Domain.Tests.Roadmaps;

/// <summary>Every builder role is typically held for 24 months.</summary>
public sealed class TypicalTimeTests
{
    private static RolePath Path(int roles)
    {
        var builder = new CatalogBuilder().WithSkill("communication");
        var all = Enumerable.Range(1, roles).Select(i => builder.AddRole($"r{i}", i)).ToList();
        for (var i = 0; i < roles - 1; i++)
        {
            all[i].SetNextRoles([all[i + 1]]);
        }

        return PathFinder.Find(builder.Build(), "r1", $"r{roles}");
    }

    [Theory]
    [InlineData(2, 0, 24)]   // one role before the target: 24 months
    [InlineData(2, 10, 14)]  // 24 − 10 already served
    [InlineData(2, 30, 0)]   // served longer than typical: nothing left of that role, never negative
    [InlineData(3, 30, 24)]  // 24 + 24 − min(30, 24)
    public void Time_already_in_the_start_role_shortens_the_typical_time(int roles, int monthsHeld, int expected) =>
        Assert.Equal(expected, TypicalTime.MonthsToTarget(Path(roles), monthsHeld));

    [Theory]
    [InlineData("2025-03-15", "2026-12-03", 20)] // 21 calendar months, but 3 December comes before the 15th
    [InlineData("2026-03-15", "2026-04-14", 0)]
    [InlineData("2026-03-15", "2026-04-15", 1)]
    [InlineData("2026-01-31", "2026-02-28", 1)]  // February has no 31st: its last day completes the month
    [InlineData("2026-05-01", "2026-04-01", 0)]  // not started yet
    public void Whole_months_are_counted_like_a_calendar(string since, string today, int expected) =>
        Assert.Equal(expected, TypicalTime.WholeMonthsBetween(DateOnly.Parse(since), DateOnly.Parse(today)));

    [Fact]
    public void A_start_date_after_today_or_a_lifetime_ago_is_refused()
    {
        var today = new DateOnly(2026, 12, 3);

        Assert.Contains("after today", Assert.Throws<DomainException>(() => TypicalTime.CheckRoleStart(today.AddDays(1), today)).Message);
        Assert.Contains("more than 60 years", Assert.Throws<DomainException>(() => TypicalTime.CheckRoleStart(new DateOnly(1900, 1, 1), today)).Message);
        Assert.Equal(today, TypicalTime.CheckRoleStart(today, today));
    }
}
