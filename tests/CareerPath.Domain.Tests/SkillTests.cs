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

    [Theory]
    [InlineData(2)]
    [InlineData(11)]
    public void A_rubric_describes_three_to_ten_levels(int count)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new Skill("data-analysis", "Data analysis", "technical", "Reading data.", Enumerable.Range(1, count).Select(i => $"level {i}"), 0));

        Assert.Contains($"3 to 10 levels (it describes {count})", ex.Message);
    }

    [Fact]
    public void A_rubric_level_may_list_criteria_which_are_trimmed_and_never_blank()
    {
        var skill = new Skill("comunicacao", "Comunicação", "topicos", "Como você interage.",
            [new RubricLevel("Atualiza seu mentor", [" Pontua melhorias ", "Descreve as mudanças"]), new RubricLevel("b", []), new RubricLevel("c", [])], 0);

        Assert.Equal(["Pontua melhorias", "Descreve as mudanças"], skill.Rubric[0].Criteria);
        var ex = Assert.Throws<DomainException>(() => skill.Update("Comunicação", "topicos", "x",
            [new RubricLevel("a", ["ok", "  "]), new RubricLevel("b", []), new RubricLevel("c", [])], 0));
        Assert.Contains("Criterion 2 of level 1", ex.Message);
    }

    [Fact]
    public void A_rubric_level_cannot_be_blank()
    {
        Assert.Throws<DomainException>(() =>
            new Skill("data-analysis", "Data analysis", "technical", "Reading data.", ["one", "two", " ", "four", "five"], 0));
    }
}
