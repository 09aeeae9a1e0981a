using CareerPath.Domain.Common;
using CareerPath.Domain.Roles;

namespace CareerPath.Domain.Tests;

public sealed class SalaryBandTests
{
    [Fact]
    public void Create_keeps_the_published_range_and_normalises_the_currency()
    {
        var band = SalaryBand.Create(120_011, 180_000, " usd ");

        Assert.Equal(120_011, band.Min);
        Assert.Equal(180_000, band.Max);
        Assert.Equal("USD", band.Currency);
        Assert.Equal(150_005, band.Midpoint);
    }

    [Fact]
    public void Create_refuses_a_maximum_below_the_minimum()
    {
        var ex = Assert.Throws<DomainException>(() => SalaryBand.Create(200_000, 100_000));

        Assert.Contains("cannot be below its minimum", ex.Message);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-5, 10)]
    public void Create_refuses_a_band_that_does_not_start_above_zero(int min, int max) =>
        Assert.Throws<DomainException>(() => SalaryBand.Create(min, max));

    [Theory]
    [InlineData("")]
    [InlineData("DOLLARS")]
    public void Create_refuses_a_currency_that_is_not_an_iso_code(string currency) =>
        Assert.Throws<DomainException>(() => SalaryBand.Create(1, 2, currency));

    [Fact]
    public void Bands_with_the_same_figures_are_equal() =>
        Assert.Equal(SalaryBand.Create(1, 2), SalaryBand.Create(1, 2));
}
