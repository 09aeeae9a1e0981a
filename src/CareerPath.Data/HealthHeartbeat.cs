namespace CareerPath.Data;

/// <summary>
/// The one row the health check rewrites on every <c>/healthz</c>: a committed write is the only proof that the
/// database can be written (not read-only, not on a full disk).
/// </summary>
public sealed class HealthHeartbeat
{
    public const string TableName = "HealthHeartbeats";
    public const int SingleId = 1;

    public int Id { get; set; }

    public DateTime BeatAtUtc { get; set; }
}
