using System.Collections.Concurrent;
using CareerPath.Data;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>
/// The framework the signed-in user plans against: the version their profile names, or the server's default
/// (newest version) when it names none or nobody is signed in. Pages and services in a user's context take their
/// catalog from here, so everything a user sees and makes is on one framework version.
/// </summary>
public sealed class PlanCatalog(CatalogProvider provider, UserData userData, PlanVersions versions)
{
    public async Task<CareerCatalog> CurrentAsync()
    {
        var userId = await userData.TryUserIdAsync();
        return userId is null ? await provider.GetAsync() : await ForVersionAsync(await versions.GetAsync(userId));
    }

    /// <summary>A version's catalog; null (or a version no longer stored) means the server's default.</summary>
    public Task<CareerCatalog> ForVersionAsync(Guid? versionId) => provider.ForVersionAsync(versionId);

    /// <summary>
    /// Whether a record made on <paramref name="versionId"/> was rated on a scale of the same size as
    /// <paramref name="catalog"/>'s: only then are its levels carried over or set beside the catalog's (level 3 of 5
    /// is not level 3 of 6).
    /// </summary>
    public async Task<bool> SameScaleAsync(Guid? versionId, CareerCatalog catalog) =>
        versionId == catalog.VersionId || FrameworkChanges.CanCarryRatings(await ForVersionAsync(versionId), catalog);

    /// <summary>
    /// The catalogs of several records' versions: a page listing records made before and after the plan moved
    /// frameworks names each on the framework it was made against.
    /// </summary>
    public async Task<VersionCatalogs> ForVersionsAsync(IEnumerable<Guid?> versionIds)
    {
        var catalogs = new Dictionary<Guid, CareerCatalog>();
        foreach (var versionId in versionIds.Distinct())
        {
            catalogs[versionId ?? Guid.Empty] = await ForVersionAsync(versionId);
        }

        return new VersionCatalogs(catalogs, await CurrentAsync());
    }
}

/// <summary>Catalogs by framework version (see <see cref="PlanCatalog.ForVersionsAsync"/>); a version not asked for reads as the plan's.</summary>
public sealed class VersionCatalogs(IReadOnlyDictionary<Guid, CareerCatalog> catalogs, CareerCatalog plan)
{
    public CareerCatalog this[Guid? versionId] => catalogs.GetValueOrDefault(versionId ?? Guid.Empty) ?? plan;
}

/// <summary>
/// Each user's plan version, read from the database once per process and kept: only this app changes it
/// (<see cref="Set"/>), so the cache cannot go stale.
/// </summary>
public sealed class PlanVersions(IDbContextFactory<CareerPathDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<string, Guid?> _versions = new(StringComparer.Ordinal);

    public async Task<Guid?> GetAsync(string userId)
    {
        if (_versions.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var version = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FrameworkVersionId).FirstOrDefaultAsync();
        return _versions.GetOrAdd(userId, version);
    }

    /// <summary>Called after the user's plan version was saved.</summary>
    public void Set(string userId, Guid? versionId) => _versions[userId] = versionId;
}
