namespace CareerPath.Data.Seeding;

/// <summary>A record of a catalog file applied to this database, so an unchanged file is not re-applied.</summary>
public sealed class CatalogRevision
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime AppliedAtUtc { get; set; }
}
