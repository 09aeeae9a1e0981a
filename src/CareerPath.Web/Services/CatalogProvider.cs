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

    public void Invalidate()
    {
        lock (_gate)
        {
            _catalog = null;
        }
    }

    private async Task<CareerCatalog> LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var framework = await FrameworkStore.LoadNewestAsync(db, StoredFramework.DefaultKey)
            ?? throw new InvalidOperationException("The default framework has not been stored: the database was not set up at start-up.");
        return framework.Catalog;
    }
}
