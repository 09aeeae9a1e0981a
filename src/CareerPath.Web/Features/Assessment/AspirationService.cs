using CareerPath.Domain.Assessment;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Assessment;

public sealed record AspirationInput(
    string? NextRoleSlug,
    string? FiveYearRoleSlug,
    string? TrackSlug,
    int? TimeframeMonths,
    string? Motivation,
    string? WantMore,
    string? WantLess,
    IReadOnlyDictionary<string, int> Weights);

/// <summary>The signed-in user's career aspirations (one record each).</summary>
public sealed class AspirationService(UserData userData, PlanCatalog plan, TimeProvider clock)
{
    private const string ConflictMessage = "Your reflection was saved somewhere else (another tab or device) since you opened it. Reload to see it; your last change was not saved.";

    public async Task<CareerAspiration?> GetAsync()
    {
        await using var db = await userData.OpenAsync();
        return await db.CareerAspirations.AsNoTracking().FirstOrDefaultAsync();
    }

    /// <summary>Saves the reflection; <paramref name="version"/> is the version the form was loaded from.</summary>
    public async Task<CareerAspiration> SaveAsync(AspirationInput input, Guid? version)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await plan.CurrentAsync();
        var aspiration = await db.CareerAspirations.FirstOrDefaultAsync();
        if (aspiration is null)
        {
            aspiration = new CareerAspiration(db.CurrentOwnerId!);
            db.CareerAspirations.Add(aspiration);
        }
        else if (version is null)
        {
            // The form was opened before the first save, and another tab has saved since.
            throw new ConflictException(ConflictMessage);
        }
        else
        {
            db.Entry(aspiration).Property(a => a.Version).OriginalValue = version.Value;
        }

        aspiration.Update(catalog, input.NextRoleSlug, input.FiveYearRoleSlug, input.TrackSlug, input.TimeframeMonths,
            input.Motivation, input.WantMore, input.WantLess, input.Weights, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveOrConflictAsync("reflection");
        }
        catch (DbUpdateException) when (db.Entry(aspiration).State == EntityState.Added)
        {
            // Two first saves at once: the unique index on the owner keeps only one.
            throw new ConflictException(ConflictMessage);
        }

        return aspiration;
    }
}
