using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Roles;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class CareerAspirationTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyDictionary<string, int> NoWeights = new Dictionary<string, int>();

    private static CareerCatalog NewCatalog()
    {
        var builder = new CatalogBuilder().WithSkill("planning").WithSkill("data-analysis");
        builder.AddRole("analyst", 1);
        builder.AddRole("tpm", 2);
        builder.AddRole("director", 3);
        builder.Tracks.Add(new Track("operational", "Operational", "Runs the machine.", "Keeps delivery flowing.", ["planning"], 0));
        CareerFactor[] factors =
        [
            new("salary", "Salary", 8, "What it pays.", 0),
            new("autonomy", "Autonomy", 6, "Room to decide.", 1),
            new("balance", "Work-life balance", 4, "Time for the rest of life.", 2),
        ];
        return new CareerCatalog(builder.Ladders, builder.Roles, builder.Categories, builder.Skills, builder.Tracks, builder.Resources, factors, []);
    }

    private static void Update(
        CareerAspiration aspiration,
        CareerCatalog catalog,
        string? nextRole = "tpm",
        string? fiveYearRole = "director",
        string? track = "operational",
        int? timeframeMonths = 18,
        string? motivation = "Shipping things people use.",
        string? wantMore = "Strategy.",
        string? wantLess = "Status meetings.",
        IReadOnlyDictionary<string, int>? weights = null,
        DateTime? nowUtc = null) =>
        aspiration.Update(catalog, nextRole, fiveYearRole, track, timeframeMonths, motivation, wantMore, wantLess, weights ?? NoWeights, nowUtc ?? Now);

    [Fact]
    public void A_new_aspiration_belongs_to_its_owner_and_is_empty()
    {
        var aspiration = new CareerAspiration("owner");

        Assert.Equal("owner", aspiration.OwnerId);
        Assert.NotEqual(Guid.Empty, aspiration.Id);
        Assert.NotEqual(Guid.Empty, aspiration.Version);
        Assert.Null(aspiration.NextRoleSlug);
        Assert.Null(aspiration.TimeframeMonths);
        Assert.Null(aspiration.UpdatedAtUtc);
        Assert.Empty(aspiration.Weights);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_new_aspiration_needs_an_owner(string owner)
    {
        var ex = Assert.Throws<DomainException>(() => new CareerAspiration(owner));

        Assert.Equal("An owner is required.", ex.Message);
    }

    [Fact]
    public void Update_records_roles_track_timeframe_text_and_weights()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        var version = aspiration.Version;

        Update(aspiration, catalog, motivation: "  Shipping things people use.  ", weights: new Dictionary<string, int> { ["salary"] = 5, ["balance"] = 0 }, nowUtc: Now.AddHours(1));

        Assert.Equal(("tpm", "director", "operational", (int?)18), (aspiration.NextRoleSlug, aspiration.FiveYearRoleSlug, aspiration.TrackSlug, aspiration.TimeframeMonths));
        Assert.Equal(("Shipping things people use.", "Strategy.", "Status meetings."), (aspiration.Motivation, aspiration.WantMore, aspiration.WantLess));
        Assert.Equal([("salary", 5), ("balance", 0)], aspiration.Weights.Select(w => (w.FactorSlug, w.Weight)));
        Assert.Equal(Now.AddHours(1), aspiration.UpdatedAtUtc);
        Assert.NotEqual(version, aspiration.Version);
    }

    [Fact]
    public void Update_stores_empty_choices_and_blank_text_as_none()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        Update(aspiration, catalog);

        Update(aspiration, catalog, nextRole: "", fiveYearRole: null, track: "", timeframeMonths: null, motivation: "   ", wantMore: "", wantLess: null);

        Assert.Null(aspiration.NextRoleSlug);
        Assert.Null(aspiration.FiveYearRoleSlug);
        Assert.Null(aspiration.TrackSlug);
        Assert.Null(aspiration.TimeframeMonths);
        Assert.Null(aspiration.Motivation);
        Assert.Null(aspiration.WantMore);
        Assert.Null(aspiration.WantLess);
    }

    [Fact]
    public void Every_update_gives_a_new_version()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        var first = aspiration.Version;

        Update(aspiration, catalog);
        var second = aspiration.Version;
        Update(aspiration, catalog);

        Assert.Equal(3, new[] { first, second, aspiration.Version }.Distinct().Count());
    }

    [Theory]
    [InlineData("ceo", null, "The next role 'ceo' is not a role in the catalog.")]
    [InlineData("TPM", null, "The next role 'TPM' is not a role in the catalog.")]
    [InlineData(null, "ceo", "The five-year role 'ceo' is not a role in the catalog.")]
    public void Update_refuses_a_role_not_in_the_catalog(string? nextRole, string? fiveYearRole, string message)
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");

        var ex = Assert.Throws<DomainException>(() => Update(aspiration, catalog, nextRole: nextRole, fiveYearRole: fiveYearRole));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Update_refuses_a_track_not_in_the_catalog()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");

        var ex = Assert.Throws<DomainException>(() => Update(aspiration, catalog, track: "compliance"));

        Assert.Equal("'compliance' is not a track in the catalog.", ex.Message);
    }

    [Fact]
    public void Update_refuses_a_weight_for_a_factor_not_in_the_catalog()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");

        var ex = Assert.Throws<DomainException>(() => Update(aspiration, catalog, weights: new Dictionary<string, int> { ["prestige"] = 3 }));

        Assert.Equal("'prestige' is not a career factor in the catalog.", ex.Message);
        Assert.Empty(aspiration.Weights);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(100)]
    public void Update_refuses_a_weight_outside_zero_to_five(int weight)
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        Update(aspiration, catalog, weights: new Dictionary<string, int> { ["salary"] = 2 });

        var ex = Assert.Throws<DomainException>(() => Update(aspiration, catalog, weights: new Dictionary<string, int> { ["autonomy"] = 4, ["salary"] = weight }));

        Assert.Equal($"A factor's weight must be between 0 and 5 (it is {weight:N0}).", ex.Message);
        Assert.Equal([("salary", 2)], aspiration.Weights.Select(w => (w.FactorSlug, w.Weight)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-6)]
    [InlineData(121)]
    public void Update_refuses_a_timeframe_outside_one_to_120_months(int months)
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");

        var ex = Assert.Throws<DomainException>(() => Update(aspiration, catalog, timeframeMonths: months));

        Assert.Equal($"The timeframe in months must be between 1 and 120 (it is {months:N0}).", ex.Message);
    }

    [Theory]
    [InlineData("motivation", "What motivates you")]
    [InlineData("more", "What you want more of")]
    [InlineData("less", "What you want less of")]
    public void Update_refuses_text_longer_than_the_limit(string field, string what)
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        var tooLong = new string('t', CareerAspiration.TextMaxLength + 1);

        var ex = Assert.Throws<DomainException>(() => Update(
            aspiration,
            catalog,
            motivation: field == "motivation" ? tooLong : null,
            wantMore: field == "more" ? tooLong : null,
            wantLess: field == "less" ? tooLong : null));

        Assert.Equal($"{what} must be at most 1000 characters (it is 1001).", ex.Message);
    }

    [Theory]
    [InlineData(CareerAspiration.MinTimeframeMonths)]
    [InlineData(CareerAspiration.MaxTimeframeMonths)]
    public void Update_accepts_a_timeframe_at_either_limit(int months)
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");

        Update(aspiration, catalog, timeframeMonths: months);

        Assert.Equal(months, aspiration.TimeframeMonths);
    }

    [Fact]
    public void Update_accepts_weights_of_zero_and_five_and_text_of_the_maximum_length()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        var longest = new string('t', CareerAspiration.TextMaxLength);

        Update(aspiration, catalog, motivation: longest, weights: new Dictionary<string, int> { ["salary"] = 0, ["autonomy"] = CareerAspiration.MaxWeight });

        Assert.Equal(0, aspiration.WeightOf("salary"));
        Assert.Equal(5, aspiration.WeightOf("autonomy"));
        Assert.Equal(longest, aspiration.Motivation);
    }

    [Fact]
    public void WeightOf_defaults_to_the_path_fit_default_for_a_factor_without_a_weight()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        Update(aspiration, catalog, weights: new Dictionary<string, int> { ["salary"] = 5 });

        var unset = aspiration.WeightOf("autonomy");

        Assert.Equal(PathFit.DefaultWeight, unset);
        Assert.Equal(3, unset);
        Assert.Equal(5, aspiration.WeightOf("salary"));
        Assert.Equal(PathFit.DefaultWeight, new CareerAspiration("owner").WeightOf("salary"));
    }

    [Fact]
    public void Update_replaces_the_weights_and_forgets_factors_left_out()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        Update(aspiration, catalog, weights: new Dictionary<string, int> { ["salary"] = 5, ["autonomy"] = 1 });

        Update(aspiration, catalog, weights: new Dictionary<string, int> { ["autonomy"] = 4, ["balance"] = 0 });

        Assert.Equal([("autonomy", 4), ("balance", 0)], aspiration.Weights.Select(w => (w.FactorSlug, w.Weight)));
        Assert.Equal(PathFit.DefaultWeight, aspiration.WeightOf("salary"));
        Assert.Equal(0, aspiration.WeightOf("balance"));
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var catalog = NewCatalog();
        var aspiration = new CareerAspiration("owner");
        Update(aspiration, catalog, nextRole: "tpm", track: "operational", timeframeMonths: 18, motivation: "Before.");
        var version = aspiration.Version;

        Assert.Throws<DomainException>(() => Update(aspiration, catalog, nextRole: "director", track: "operational", timeframeMonths: 36, motivation: "After.", weights: new Dictionary<string, int> { ["salary"] = 9 }));

        Assert.Equal(("tpm", (int?)18, "Before."), (aspiration.NextRoleSlug, aspiration.TimeframeMonths, aspiration.Motivation));
        Assert.Equal(version, aspiration.Version);
    }
}
