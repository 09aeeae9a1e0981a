using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Roles;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class PathFitTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static CareerFactor[] Factors(params int[] scores) =>
        scores.Select((score, i) => new CareerFactor($"factor-{i}", $"Factor {i}", score, "Why it matters.", i)).ToArray();

    private static Func<string, int> Weights(params int[] weights) =>
        slug => weights[int.Parse(slug["factor-".Length..])];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void With_equal_weights_the_percent_is_the_average_score_times_ten(int weight)
    {
        var factors = Factors(8, 6, 7, 9);

        var result = PathFit.Compute(factors, _ => weight);

        Assert.Equal(75.0, result.Percent);
        Assert.Equal(factors.Average(f => f.Score) * 10, result.Percent);
    }

    [Theory]
    [InlineData(new[] { 10, 10, 10 }, 100.0)]
    [InlineData(new[] { 0, 0, 0 }, 0.0)]
    [InlineData(new[] { 8, 5, 6 }, 63.3)]
    [InlineData(new[] { 7 }, 70.0)]
    [InlineData(new[] { 10, 9, 9 }, 93.3)]
    public void The_percent_is_rounded_to_one_decimal(int[] scores, double percent)
    {
        var factors = Factors(scores);

        var result = PathFit.Compute(factors, _ => PathFit.DefaultWeight);

        Assert.Equal(percent, result.Percent);
    }

    [Fact]
    public void Weights_shift_the_percent_towards_the_factors_that_matter_most()
    {
        var factors = Factors(10, 0);

        var result = PathFit.Compute(factors, Weights(5, 1));

        Assert.Equal(83.3, result.Percent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(10)]
    public void A_factor_with_weight_zero_contributes_nothing(int ignoredScore)
    {
        var factors = Factors(8, ignoredScore, 6);

        var result = PathFit.Compute(factors, Weights(2, 0, 2));

        Assert.Equal(70.0, result.Percent);
        Assert.Equal((0, 0.0, 0.0), (result.Contributions[1].Weight, result.Contributions[1].Points, result.Contributions[1].MaxPoints));
    }

    [Fact]
    public void All_weights_zero_gives_zero_not_nan()
    {
        var factors = Factors(8, 6, 7);

        var result = PathFit.Compute(factors, _ => 0);

        Assert.Equal(0.0, result.Percent);
        Assert.False(double.IsNaN(result.Percent));
        Assert.All(result.Contributions, c => Assert.Equal(0.0, c.Points));
    }

    [Fact]
    public void No_factors_gives_zero_and_no_contributions()
    {
        var result = PathFit.Compute([], _ => PathFit.DefaultWeight);

        Assert.Equal(0.0, result.Percent);
        Assert.Empty(result.Contributions);
    }

    [Fact]
    public void Contributions_list_every_factor_with_points_of_weight_times_score()
    {
        var factors = Factors(8, 6, 4);

        var result = PathFit.Compute(factors, Weights(5, 2, 0));

        Assert.Equal(
            [("factor-0", 5, 40.0, 50.0), ("factor-1", 2, 12.0, 20.0), ("factor-2", 0, 0.0, 0.0)],
            result.Contributions.Select(c => (c.Factor.Slug, c.Weight, c.Points, c.MaxPoints)));
        Assert.All(result.Contributions, c => Assert.Equal(c.Weight * c.Factor.Score, c.Points));
        Assert.Equal(74.3, result.Percent);
    }

    [Fact]
    public void An_aspiration_without_weights_uses_the_default_weight_for_every_factor()
    {
        var catalog = new CareerCatalog(
            new CatalogBuilder().Ladders, [], [], [], [], [], [new CareerFactor("salary", "Salary", 9, "Pay.", 0), new CareerFactor("balance", "Balance", 4, "Time.", 1)], []);
        var aspiration = new CareerAspiration("owner");

        var result = PathFit.Compute(catalog.Factors, aspiration.WeightOf);

        Assert.Equal(65.0, result.Percent);
        Assert.All(result.Contributions, c => Assert.Equal(PathFit.DefaultWeight, c.Weight));
    }

    [Fact]
    public void An_aspirations_weights_drive_the_fit()
    {
        var catalog = new CareerCatalog(
            new CatalogBuilder().Ladders, [], [], [], [], [], [new CareerFactor("salary", "Salary", 9, "Pay.", 0), new CareerFactor("balance", "Balance", 4, "Time.", 1)], []);
        var aspiration = new CareerAspiration("owner");
        aspiration.Update(catalog, null, null, null, null, null, null, null, new Dictionary<string, int> { ["salary"] = 0 }, Now);

        var result = PathFit.Compute(catalog.Factors, aspiration.WeightOf);

        Assert.Equal(40.0, result.Percent);
        Assert.Equal([("salary", 0, 0.0), ("balance", 3, 12.0)], result.Contributions.Select(c => (c.Factor.Slug, c.Weight, c.Points)));
    }
}
