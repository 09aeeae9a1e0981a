using CareerPath.Domain.Roadmaps;

namespace CareerPath.Domain.Tests.Roadmaps;

public sealed class PathFinderTests
{
    /// <summary>analyst → apm → pm → senior-pm, and apm → tpm → senior-pm (a second, longer-in-time route).</summary>
    private static CatalogBuilder TwoRoutes(int pmMonths = 24, int tpmMonths = 24)
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        builder.Ladders.Add(new("product", "Product", "Product roles.", 1));
        var analyst = builder.AddRole("analyst", 1, ladder: "product");
        var apm = builder.AddRole("apm", 2, ladder: "product");
        var pm = new CareerPath.Domain.Roles.Role("pm", "PM", "product", 3, false, "S.", "D.", [], null, pmMonths);
        var tpm = new CareerPath.Domain.Roles.Role("tpm", "TPM", "tpm", 3, false, "S.", "D.", [], null, tpmMonths);
        pm.Expect("data-analysis", CareerPath.Domain.Skills.ProficiencyLevel.From(3));
        tpm.Expect("data-analysis", CareerPath.Domain.Skills.ProficiencyLevel.From(3));
        builder.Roles.Add(pm);
        builder.Roles.Add(tpm);
        var senior = builder.AddRole("senior", 4);
        builder.AddRole("island", 5);
        analyst.SetNextRoles([apm]);
        apm.SetNextRoles([pm, tpm]);
        pm.SetNextRoles([senior]);
        tpm.SetNextRoles([senior]);
        return builder;
    }

    [Fact]
    public void The_path_crosses_ladders_and_lists_every_role_in_order()
    {
        var catalog = TwoRoutes().Build();

        var path = PathFinder.Find(catalog, "analyst", "tpm");

        Assert.True(path.Found);
        Assert.Equal(["analyst", "apm", "tpm"], path.Roles.Select(r => r.Slug));
    }

    [Fact]
    public void Among_equally_short_routes_the_one_with_less_time_in_role_wins()
    {
        var viaPm = PathFinder.Find(TwoRoutes(pmMonths: 12, tpmMonths: 36).Build(), "analyst", "senior");
        var viaTpm = PathFinder.Find(TwoRoutes(pmMonths: 36, tpmMonths: 12).Build(), "analyst", "senior");

        Assert.Equal(["analyst", "apm", "pm", "senior"], viaPm.Roles.Select(r => r.Slug));
        Assert.Equal(["analyst", "apm", "tpm", "senior"], viaTpm.Roles.Select(r => r.Slug));
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_path()
    {
        var catalog = TwoRoutes().Build();

        var first = PathFinder.Find(catalog, "analyst", "senior").Roles.Select(r => r.Slug).ToList();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, PathFinder.Find(catalog, "analyst", "senior").Roles.Select(r => r.Slug));
        }
    }

    [Fact]
    public void A_sideways_move_the_catalog_allows_is_a_path()
    {
        var builder = TwoRoutes();
        builder.Roles.Single(r => r.Slug == "pm").SetNextRoles([builder.Roles.Single(r => r.Slug == "senior"), builder.Roles.Single(r => r.Slug == "tpm")]);

        var path = PathFinder.Find(builder.Build(), "pm", "tpm");

        Assert.Equal(["pm", "tpm"], path.Roles.Select(r => r.Slug));
    }

    [Fact]
    public void An_unreachable_target_gives_a_clear_message()
    {
        var path = PathFinder.Find(TwoRoutes().Build(), "analyst", "island");

        Assert.False(path.Found);
        Assert.Equal(PathProblem.Unreachable, path.Problem);
        Assert.Contains("no route from", path.Message);
    }

    [Theory]
    [InlineData("senior", "apm", PathProblem.TargetBelowStart)]
    [InlineData("pm", "tpm", PathProblem.Unreachable)]
    [InlineData("pm", "pm", PathProblem.SameRole)]
    [InlineData("pm", "astronaut", PathProblem.UnknownRole)]
    public void A_target_that_cannot_be_reached_is_refused_with_a_reason(string start, string target, PathProblem problem)
    {
        var path = PathFinder.Find(TwoRoutes().Build(), start, target);

        Assert.Equal(problem, path.Problem);
        Assert.False(string.IsNullOrWhiteSpace(path.Message));
        Assert.Empty(path.Roles);
    }
}
