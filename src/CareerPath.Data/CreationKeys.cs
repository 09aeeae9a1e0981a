using CareerPath.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Data;

/// <summary>
/// Makes a create action idempotent: the form carries a key made when it was opened, stored with the record it
/// creates. A second request with the same key (a double click, a resent form) gets the record the first one
/// made instead of a copy.
/// </summary>
public static class CreationKeys
{
    public const string PropertyName = "CreationKey";

    /// <summary>
    /// Adds and saves <paramref name="entity"/>, unless <paramref name="creationKey"/> already made a record of
    /// the current owner: then that record is returned and nothing is saved.
    /// </summary>
    public static async Task<T> AddOnceAsync<T>(this CareerPathDbContext db, T entity, Guid? creationKey)
        where T : class, IOwned
    {
        if (creationKey is { } key && await FindAsync<T>(db, key) is { } earlier)
        {
            return earlier;
        }

        db.Add(entity);
        db.Entry(entity).Property(PropertyName).CurrentValue = creationKey;
        try
        {
            await db.SaveChangesAsync();
            return entity;
        }
        catch (DbUpdateException) when (creationKey is not null)
        {
            // Two requests with the same key at once: the unique index let only the other one in.
            if (await FindAsync<T>(db, creationKey.Value) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private static Task<T?> FindAsync<T>(CareerPathDbContext db, Guid key)
        where T : class, IOwned =>
        db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => EF.Property<Guid?>(e, PropertyName) == key);
}
