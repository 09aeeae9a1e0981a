using CareerPath.Data;
using CareerPath.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>
/// The signed-in user's "today": the calendar day in the time zone of their profile (UTC until they have one), so
/// a check-in made on a Tokyo morning is not "in the future" and a step due today in Los Angeles is not overdue.
/// The zone is read once per scope (a request, or a circuit).
/// </summary>
public sealed class UserClock(UserData userData, TimeProvider clock)
{
    private string? _zone;
    private bool _loaded;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>Today in the user's zone; <paramref name="db"/>, when given, is a context already open for the user.</summary>
    public async Task<DateOnly> TodayAsync(CareerPathDbContext? db = null)
    {
        if (!_loaded)
        {
            if (db is null)
            {
                await using var own = await userData.OpenAsync();
                _zone = await ZoneAsync(own);
            }
            else
            {
                _zone = await ZoneAsync(db);
            }

            _loaded = true;
        }

        return UserTimeZone.Today(clock.GetUtcNow(), _zone);
    }

    private static Task<string?> ZoneAsync(CareerPathDbContext db) =>
        db.Users.AsNoTracking().Where(u => u.Id == db.CurrentOwnerId).Select(u => u.TimeZone).FirstOrDefaultAsync();
}
