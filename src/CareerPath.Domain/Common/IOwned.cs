namespace CareerPath.Domain.Common;

/// <summary>A record that belongs to one user and must only ever be read or changed by them.</summary>
public interface IOwned
{
    string OwnerId { get; }
}

/// <summary>
/// A record a user edits. Every change gives it a new version; the database refuses a save whose original
/// version is no longer current, so an edit made on stale data is detected instead of silently winning.
/// </summary>
public interface IVersioned
{
    Guid Version { get; }
}
