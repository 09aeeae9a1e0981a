using CareerPath.Domain.Roles;

namespace CareerPath.Domain.Tests;

public sealed class RoleTargetTests
{
    private static CareerPath.Domain.Catalog.CareerCatalog Catalog()
    {
        var builder = new CatalogBuilder().WithSkill("communication");
        var junior = builder.AddRole("junior", 1);
        var mid = builder.AddRole("mid", 2);
        var lead = builder.AddRole("lead", 3);
        var principal = builder.AddRole("principal", 4);
        junior.SetNextRoles([lead, mid]);
        mid.SetNextRoles([lead]);
        lead.SetNextRoles([principal]);
        return builder.Build();
    }

    [Theory]
    [InlineData("junior", "lead", "principal", "lead")]    // the next role from the aspirations
    [InlineData("junior", "junior", "principal", "principal")] // next role is the current one: the five-year role
    [InlineData("junior", "gone", null, "mid")]            // unknown role skipped; the least senior role junior leads to
    [InlineData("junior", null, null, "mid")]
    [InlineData("principal", null, null, null)]            // top of the ladder, nothing chosen
    [InlineData(null, null, null, null)]
    public void One_rule_picks_the_default_target(string? current, string? next, string? fiveYear, string? expected) =>
        Assert.Equal(expected, TargetRoles.Default(Catalog(), current, next, fiveYear)?.Slug);
}
