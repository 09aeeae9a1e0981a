using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

public sealed class ProficiencyLevelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void From_accepts_any_step_a_scale_can_have(int value) =>
        Assert.Equal(value, ProficiencyLevel.From(value).Value);

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void From_refuses_levels_no_scale_has(int value)
    {
        var ex = Assert.Throws<DomainException>(() => ProficiencyLevel.From(value));

        Assert.Contains("between 1 and 10", ex.Message);
    }

    [Fact]
    public void Levels_compare_by_value()
    {
        Assert.True(ProficiencyLevel.From(2) < ProficiencyLevel.From(4));
        Assert.Equal(ProficiencyLevel.From(3), ProficiencyLevel.From(3));
    }
}
