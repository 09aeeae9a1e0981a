using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;

namespace CareerPath.Domain.Tests;

public sealed class GrowthResourceTests
{
    [Fact]
    public void A_resource_keeps_its_cost_duration_and_distinct_skills()
    {
        var resource = new GrowthResource("cspo", GrowthResourceKind.Certification, "Certified Scrum Product Owner", "CSPO",
            "A course.", ["agile-methods", "agile-methods", "product-strategy"], 2, 1_200);

        Assert.Equal(["agile-methods", "product-strategy"], resource.SkillSlugs);
        Assert.Equal(1_200, resource.ApproxCostUsd);
        Assert.Equal("CSPO", resource.Abbreviation);
    }

    [Fact]
    public void A_resource_must_build_a_skill() =>
        Assert.Throws<DomainException>(() =>
            new GrowthResource("x", GrowthResourceKind.Course, "X", null, "About.", [], 1, 0));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(1, -10)]
    [InlineData(GrowthResource.MaxWeeks + 1, 0)]
    public void A_resource_refuses_negative_or_implausible_figures(int weeks, int cost) =>
        Assert.Throws<DomainException>(() =>
            new GrowthResource("x", GrowthResourceKind.Course, "X", null, "About.", ["a"], weeks, cost));

    [Fact]
    public void A_resource_refuses_an_undefined_kind() =>
        Assert.Throws<DomainException>(() =>
            new GrowthResource("x", (GrowthResourceKind)99, "X", null, "About.", ["a"], 1, 0));
}
