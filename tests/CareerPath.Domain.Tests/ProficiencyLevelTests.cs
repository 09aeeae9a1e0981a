using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

public sealed class ProficiencyLevelTests
{
    [Theory]
    [InlineData(1, "Aware")]
    [InlineData(3, "Proficient")]
    [InlineData(5, "Expert")]
    public void From_accepts_levels_one_to_five(int value, string label)
    {
        var level = ProficiencyLevel.From(value);

        Assert.Equal(value, level.Value);
        Assert.Equal(label, level.Label);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void From_refuses_levels_outside_the_rubric(int value)
    {
        var ex = Assert.Throws<DomainException>(() => ProficiencyLevel.From(value));

        Assert.Contains("between 1 and 5", ex.Message);
    }

    [Fact]
    public void Levels_compare_by_value()
    {
        Assert.True(ProficiencyLevel.From(2) < ProficiencyLevel.From(4));
        Assert.Equal(ProficiencyLevel.From(3), ProficiencyLevel.From(3));
        Assert.Equal(5, ProficiencyLevel.All.Count);
    }
}
