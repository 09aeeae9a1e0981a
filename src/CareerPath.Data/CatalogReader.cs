using CareerPath.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Data;

/// <summary>Reads the whole catalog from the database into a checked, read-only snapshot.</summary>
public static class CatalogReader
{
    public static async Task<CareerCatalog> LoadAsync(CareerPathDbContext db, CancellationToken cancellationToken = default)
    {
        var ladders = await db.Ladders.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await db.CareerRoles.AsNoTracking().ToListAsync(cancellationToken);
        var categories = await db.SkillCategories.AsNoTracking().ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().ToListAsync(cancellationToken);
        var tracks = await db.Tracks.AsNoTracking().ToListAsync(cancellationToken);
        var resources = await db.GrowthResources.AsNoTracking().ToListAsync(cancellationToken);
        var factors = await db.CareerFactors.AsNoTracking().ToListAsync(cancellationToken);
        var steps = await db.CareerSteps.AsNoTracking().ToListAsync(cancellationToken);
        return new CareerCatalog(ladders, roles, categories, skills, tracks, resources, factors, steps);
    }
}
