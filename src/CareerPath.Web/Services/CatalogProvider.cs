using CareerPath.Data;
using CareerPath.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>
/// The catalog changes only when the app starts (the seeder runs then), so one checked snapshot is loaded
/// from the database on first use and shared by every request and circuit.
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
        return await CatalogReader.LoadAsync(db);
    }
}
