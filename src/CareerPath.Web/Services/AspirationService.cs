using CareerPath.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

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
public sealed class AspirationService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public async Task<CareerAspiration?> GetAsync()
    {
        await using var db = await userData.OpenAsync();
        return await db.CareerAspirations.AsNoTracking().FirstOrDefaultAsync();
    }

    /// <summary>Saves the reflection; <paramref name="version"/> is the version the form was loaded from.</summary>
    public async Task<CareerAspiration> SaveAsync(AspirationInput input, Guid? version)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await catalogProvider.GetAsync();
        var aspiration = await db.CareerAspirations.FirstOrDefaultAsync();
        if (aspiration is null)
        {
            aspiration = new CareerAspiration(db.CurrentOwnerId!);
            db.CareerAspirations.Add(aspiration);
        }
        else if (version is not null)
        {
            db.Entry(aspiration).Property(a => a.Version).OriginalValue = version.Value;
        }

        aspiration.Update(catalog, input.NextRoleSlug, input.FiveYearRoleSlug, input.TrackSlug, input.TimeframeMonths,
            input.Motivation, input.WantMore, input.WantLess, input.Weights, clock.GetUtcNow().UtcDateTime);
        await db.SaveOrConflictAsync("reflection");
        return aspiration;
    }
}
