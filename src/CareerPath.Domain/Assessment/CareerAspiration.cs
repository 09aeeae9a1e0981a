using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Roles;

namespace CareerPath.Domain.Assessment;

/// <summary>The user's reflection on where they want to go and what matters to them. One per user.</summary>
public sealed class CareerAspiration : IOwned, IVersioned
{
    public const int TextMaxLength = 1000;
    public const int MaxWeight = 5;
    public const int MinTimeframeMonths = 1;
    public const int MaxTimeframeMonths = 120;

    private readonly List<FactorWeight> _weights = [];

    private CareerAspiration()
    {
    }

    public CareerAspiration(string ownerId)
    {
        Id = Guid.NewGuid();
        OwnerId = Guard.Text(ownerId, "An owner", 450);
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string? NextRoleSlug { get; private set; }
    public string? FiveYearRoleSlug { get; private set; }
    public string? TrackSlug { get; private set; }
    public int? TimeframeMonths { get; private set; }
    public string? Motivation { get; private set; }
    public string? WantMore { get; private set; }
    public string? WantLess { get; private set; }
    public DateTime? UpdatedAtUtc { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<FactorWeight> Weights => _weights;

    public void Update(
        CareerCatalog catalog,
        string? nextRoleSlug,
        string? fiveYearRoleSlug,
        string? trackSlug,
        int? timeframeMonths,
        string? motivation,
        string? wantMore,
        string? wantLess,
        IReadOnlyDictionary<string, int> weights,
        DateTime nowUtc)
    {
        // Check everything before changing anything, so a refused update leaves the reflection as it was.
        var next = RoleOrNull(catalog, nextRoleSlug, "next role");
        var fiveYear = RoleOrNull(catalog, fiveYearRoleSlug, "five-year role");
        if (!string.IsNullOrEmpty(trackSlug) && catalog.Tracks.All(t => t.Slug != trackSlug))
        {
            throw new DomainException($"'{trackSlug}' is not a track in the catalog.");
        }

        var timeframe = timeframeMonths is null ? (int?)null : Guard.Range(timeframeMonths.Value, "The timeframe in months", MinTimeframeMonths, MaxTimeframeMonths);
        var cleanMotivation = Guard.OptionalText(motivation, "What motivates you", TextMaxLength);
        var cleanMore = Guard.OptionalText(wantMore, "What you want more of", TextMaxLength);
        var cleanLess = Guard.OptionalText(wantLess, "What you want less of", TextMaxLength);
        foreach (var (factor, weight) in weights)
        {
            if (catalog.Factors.All(f => f.Slug != factor))
            {
                throw new DomainException($"'{factor}' is not a career factor in the catalog.");
            }

            Guard.Range(weight, "A factor's weight", 0, MaxWeight);
        }

        NextRoleSlug = next;
        FiveYearRoleSlug = fiveYear;
        TrackSlug = string.IsNullOrEmpty(trackSlug) ? null : trackSlug;
        TimeframeMonths = timeframe;
        Motivation = cleanMotivation;
        WantMore = cleanMore;
        WantLess = cleanLess;

        _weights.RemoveAll(w => !weights.ContainsKey(w.FactorSlug));
        foreach (var (factor, weight) in weights)
        {
            var existing = _weights.Find(w => w.FactorSlug == factor);
            if (existing is null)
            {
                _weights.Add(new FactorWeight(factor, weight));
            }
            else
            {
                existing.Change(weight);
            }
        }

        UpdatedAtUtc = nowUtc;
        Touch();
    }

    public int WeightOf(string factorSlug) => _weights.Find(w => w.FactorSlug == factorSlug)?.Weight ?? PathFit.DefaultWeight;

    private void Touch() => Version = Guid.NewGuid();

    private static string? RoleOrNull(CareerCatalog catalog, string? slug, string what)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return null;
        }

        return catalog.FindRole(slug) is null ? throw new DomainException($"The {what} '{slug}' is not a role in the catalog.") : slug;
    }
}

/// <summary>How much one career factor matters to the user, 0 (not at all) to 5 (a lot).</summary>
public sealed class FactorWeight
{
    private FactorWeight()
    {
    }

    internal FactorWeight(string factorSlug, int weight)
    {
        FactorSlug = factorSlug;
        Weight = weight;
    }

    public string FactorSlug { get; private set; } = "";
    public int Weight { get; private set; }

    internal void Change(int weight) => Weight = weight;
}

public sealed record FactorContribution(CareerFactor Factor, int Weight, double Points, double MaxPoints);

public sealed record PathFitResult(double Percent, IReadOnlyList<FactorContribution> Contributions);

public static class PathFit
{
    public const int DefaultWeight = 3;

    /// <summary>
    /// How well the path fits the user's priorities: each factor's score out of 10, weighted by how much the
    /// factor matters to them, as a share of the best possible score for those weights.
    /// </summary>
    public static PathFitResult Compute(IReadOnlyList<CareerFactor> factors, Func<string, int> weightOf)
    {
        var contributions = factors
            .Select(f => (Factor: f, Weight: weightOf(f.Slug)))
            .Select(x => new FactorContribution(x.Factor, x.Weight, x.Weight * x.Factor.Score, x.Weight * CareerFactor.MaxScore))
            .ToList();
        var max = contributions.Sum(c => c.MaxPoints);
        var percent = max == 0 ? 0 : Math.Round(100 * contributions.Sum(c => c.Points) / max, 1);
        return new PathFitResult(percent, contributions);
    }
}
