namespace CareerPath.Domain.Common;

/// <summary>
/// "Today" is the user's own day: a check-in made on Tuesday morning in Tokyo is dated Tuesday, though it is still
/// Monday in UTC. Time zones are IANA ids ("Europe/Berlin"); an unknown or missing one falls back to UTC.
/// </summary>
public static class UserTimeZone
{
    public const int MaxIdLength = 64;

    /// <summary>The zone for an id, or null when the id is missing or not a zone this machine knows.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    /// <summary>The calendar day at <paramref name="utcNow"/> in the zone <paramref name="id"/> (UTC when it is unknown).</summary>
    public static DateOnly Today(DateTimeOffset utcNow, string? id) =>
        DateOnly.FromDateTime(Find(id) is { } zone ? TimeZoneInfo.ConvertTime(utcNow, zone).DateTime : utcNow.UtcDateTime);
}
