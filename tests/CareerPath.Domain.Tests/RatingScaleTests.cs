using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

public sealed class RatingScaleTests
{
    [Theory]
    [InlineData(1, "1 · Aware")]
    [InlineData(3, "3 · Proficient")]
    [InlineData(5, "5 · Expert")]
    public void The_default_scale_names_the_seeded_frameworks_five_steps(int value, string described) =>
        Assert.Equal(described, RatingScale.Default.Describe(ProficiencyLevel.From(value)));

    [Fact]
    public void A_numbered_scale_lists_every_step_lowest_first()
    {
        var scale = RatingScale.Numbered(6);

        Assert.Equal(6, scale.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], scale.All.Select(l => l.Value));
        Assert.Equal("Level 6", scale.NameOf(scale.Highest));
        Assert.True(scale.Contains(6));
        Assert.False(scale.Contains(7));
        Assert.False(scale.Contains(0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(11)]
    public void A_scale_has_three_to_ten_steps(int count)
    {
        var ex = Assert.Throws<DomainException>(() => new RatingScale(Enumerable.Range(1, count).Select(i => new ScaleLevel($"L{i}", null))));

        Assert.Contains($"3 to 10 levels (it has {count})", ex.Message);
    }

    [Fact]
    public void Step_names_are_required_and_distinct_in_any_script()
    {
        var scale = new RatingScale([new("Estagiário", null), new("Júnior", null), new("Pleno", null), new("Sênior", null)]);
        Assert.Equal("Sênior", scale.NameOf(ProficiencyLevel.From(4)));

        Assert.Contains("both called", Assert.Throws<DomainException>(() =>
            new RatingScale([new("Júnior", null), new("JÚNIOR", null), new("Pleno", null)])).Message);
        Assert.Throws<DomainException>(() => new RatingScale([new("One", null), new(" ", null), new("Three", null)]));
    }

    [Fact]
    public void A_level_off_the_scale_has_no_name()
    {
        var ex = Assert.Throws<DomainException>(() => RatingScale.Default.NameOf(ProficiencyLevel.From(6)));

        Assert.Contains("not on this 5-level scale", ex.Message);
    }
}
