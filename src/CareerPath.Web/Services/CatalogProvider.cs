using CareerPath.Data;
using CareerPath.Data.Frameworks;
using CareerPath.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>
/// The default framework changes only when the app starts (the seeder runs then), so its newest version is loaded
/// from the database on first use and shared, as one checked snapshot, by every request and circuit.
/// </summary>
public sealed class CatalogProvider(IDbContextFactory<CareerPathDbContext> dbFactory)
{
    private readonly Lock _gate = new();
    private Task<CareerCatalog>? _catalog;

    public const int MaxVersionsKept = 64;
    private readonly Dictionary<Guid, Task<LoadedFramework?>> _versions = [];
    private readonly Queue<Guid> _versionOrder = new();

    public Task<CareerCatalog> GetAsync()
    {
        lock (_gate)
        {
            if (_catalog is null || _catalog.IsFaulted || _catalog.IsCanceled)
            {
                _catalog = LoadAsync();
            }

            return _catalog;
        }
    }

    /// <summary>
    /// One framework version, checked; versions never change, so each is read once and kept (up to
    /// <see cref="MaxVersionsKept"/>, beyond which the oldest-read is dropped and read again when next asked for).
    /// Null when there is no such version.
    /// </summary>
    public async Task<LoadedFramework?> GetVersionAsync(Guid versionId)
    {
        Task<LoadedFramework?> load;
        lock (_gate)
        {
            if (!_versions.TryGetValue(versionId, out load!))
            {
                if (_versions.Count >= MaxVersionsKept)
                {
                    _versions.Remove(_versionOrder.Dequeue());
                }

                load = LoadVersionAsync(versionId);
                _versions[versionId] = load;
                _versionOrder.Enqueue(versionId);
            }
            else if (load.IsFaulted || load.IsCanceled)
            {
                // A failed read (a busy database, say) is not kept: the next request tries again.
                load = LoadVersionAsync(versionId);
                _versions[versionId] = load;
            }
        }

        return await load;
    }

    /// <summary>A version's catalog; null (records made before versions) or a version no longer stored means the default.</summary>
    public async Task<CareerCatalog> ForVersionAsync(Guid? versionId) =>
        versionId is { } id && await GetVersionAsync(id) is { } loaded ? loaded.Catalog : await GetAsync();

    public void Invalidate()
    {
        lock (_gate)
        {
            _catalog = null;
        }
    }

    private async Task<LoadedFramework?> LoadVersionAsync(Guid versionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await FrameworkStore.LoadVersionAsync(db, versionId);
    }

    private async Task<CareerCatalog> LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var framework = await FrameworkStore.LoadNewestAsync(db, StoredFramework.DefaultKey)
            ?? throw new InvalidOperationException("The default framework has not been stored: the database was not set up at start-up.");
        return framework.Catalog;
    }
}
