using CareerPath.Domain.Common;

namespace CareerPath.Domain.Roadmaps;

/// <summary>How long a path typically takes, counting the time already spent in the role it starts from.</summary>
public static class TypicalTime
{
    /// <summary>
    /// Each role before the target held for its typical time, less the months already spent in the first one.
    /// Time in the start role beyond its typical span counts as that span: the rest of the path still takes its time.
    /// </summary>
    public static int MonthsToTarget(RolePath path, int monthsInStartRole = 0)
    {
        if (!path.Found)
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < path.Roles.Count - 1; i++)
        {
            total += path.Roles[i].TypicalMonthsInRole;
        }

        return total - Math.Clamp(monthsInStartRole, 0, path.Roles[0].TypicalMonthsInRole);
    }

    /// <summary>Whole months from <paramref name="since"/> to <paramref name="today"/>: 15 March to 14 April is 0, to 15 April is 1.</summary>
    public static int WholeMonthsBetween(DateOnly since, DateOnly today)
    {
        if (today <= since)
        {
            return 0;
        }

        var months = ((today.Year - since.Year) * 12) + today.Month - since.Month;
        // Not a full month yet when today's day comes before the start's (the 31st counts as done on a shorter month's last day).
        if (today.Day < since.Day && today.Day < DateTime.DaysInMonth(today.Year, today.Month))
        {
            months--;
        }

        return months;
    }

    /// <summary>The longest time in one role the profile accepts; anything earlier is a typing mistake.</summary>
    public const int MaxYearsInRole = 60;

    /// <summary>Checks the day a user says they started their role: not after today, not before living memory.</summary>
    public static DateOnly CheckRoleStart(DateOnly since, DateOnly today)
    {
        if (since > today)
        {
            throw new DomainException($"The day you started your role, {since:d MMMM yyyy}, is after today. Choose today or an earlier date.");
        }

        if (since < today.AddYears(-MaxYearsInRole))
        {
            throw new DomainException($"The day you started your role is more than {MaxYearsInRole} years ago. Check the year.");
        }

        return since;
    }
}
