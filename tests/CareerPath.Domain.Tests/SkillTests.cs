using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

public sealed class SkillTests
{
    [Fact]
    public void A_skill_describes_each_level_of_its_rubric()
    {
        var skill = new Skill("data-analysis", "Data analysis", "technical", "Reading data.", CatalogBuilder.ValidRubric, 0);

        Assert.Equal("knows of it", skill.DescribeLevel(ProficiencyLevel.From(1)));
        Assert.Equal("shapes the practice", skill.DescribeLevel(ProficiencyLevel.From(5)));
    }

    [Fact]
    public void A_rubric_must_have_exactly_five_levels()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Skill("data-analysis", "Data analysis", "technical", "Reading data.", ["one", "two", "three", "four"], 0));

        Assert.Contains("exactly 5 levels", ex.Message);
    }

    [Fact]
    public void A_rubric_level_cannot_be_blank()
    {
        Assert.Throws<DomainException>(() =>
            new Skill("data-analysis", "Data analysis", "technical", "Reading data.", ["one", "two", " ", "four", "five"], 0));
    }
}
