using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

public sealed class CareerCatalogTests
{
    [Fact]
    public void A_catalog_links_roles_both_ways_and_orders_them_by_seniority()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        var senior = builder.AddRole("senior", 3);
        var associate = builder.AddRole("associate", 1);
        var mid = builder.AddRole("mid", 2);
        associate.SetNextRoles([mid]);
        mid.SetNextRoles([senior]);

        var catalog = builder.Build();

        Assert.Equal(["associate", "mid", "senior"], catalog.RolesOn("tpm").Select(r => r.Slug));
        Assert.Equal(["senior"], catalog.NextRoles("mid").Select(r => r.Slug));
        Assert.Equal(["associate"], catalog.PreviousRoles("mid").Select(r => r.Slug));
        Assert.Empty(catalog.PreviousRoles("associate"));
        Assert.Empty(catalog.NextRoles("unknown"));
    }

    [Fact]
    public void A_role_that_does_not_list_a_skill_does_not_expect_it()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        builder.AddRole("tpm", 2);
        builder.WithSkill("communication");

        var catalog = builder.Build();

        Assert.Equal(3, catalog.FindRole("tpm")!.ExpectedLevel("data-analysis")!.Value.Value);
        Assert.Null(catalog.FindRole("tpm")!.ExpectedLevel("communication"));
    }

    [Fact]
    public void Every_rubric_describes_each_step_of_the_frameworks_scale()
    {
        var builder = new CatalogBuilder { Scale = RatingScale.Numbered(6) }.WithSkill("data-analysis");

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("describes 5 levels; the framework's scale has 6", ex.Message);
    }

    [Fact]
    public void An_expected_level_must_be_on_the_scale()
    {
        var builder = new CatalogBuilder { Scale = RatingScale.Numbered(3) };
        builder.Skills.Add(new Skill("writing", "Writing", "technical", "Words.", ["a", "b", "c"], 0));
        builder.AddRole("writer", 1, level: 4);

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("expects level 4 of 'writing'; the framework's scale has 3", ex.Message);
    }

    [Fact]
    public void Without_any_transitions_each_role_leads_to_the_next_seniority_on_its_own_ladder()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        builder.Ladders.Add(new Ladder("design", "Design", "Design roles.", 1));
        builder.AddRole("one", 1);
        builder.AddRole("two-a", 2);
        builder.AddRole("two-b", 2);
        builder.AddRole("four", 4);
        builder.AddRole("designer", 2, ladder: "design");

        var catalog = builder.Build();

        Assert.False(catalog.HasTransitions);
        Assert.Equal(["two-a", "two-b"], catalog.NextRoles("one").Select(r => r.Slug));
        Assert.Equal(["four"], catalog.NextRoles("two-a").Select(r => r.Slug));
        Assert.Equal(["four"], catalog.NextRoles("two-b").Select(r => r.Slug));
        Assert.Empty(catalog.NextRoles("four"));
        Assert.Empty(catalog.NextRoles("designer"));
        Assert.Equal(["two-a", "two-b"], catalog.PreviousRoles("four").Select(r => r.Slug));
    }

    [Fact]
    public void A_role_cannot_name_an_unknown_ladder()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        builder.AddRole("tpm", 2, ladder: "nowhere");

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("unknown ladder 'nowhere'", ex.Message);
    }

    [Fact]
    public void A_catalog_refuses_duplicate_slugs()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis").WithSkill("data-analysis");

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("two of skill 'data-analysis'", ex.Message);
    }

    [Fact]
    public void A_transition_to_a_role_outside_the_catalog_is_refused()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        var start = builder.AddRole("start", 1);
        var orphan = new Role("orphan", "Orphan", "tpm", 2, false, "S.", "D.", [], null, 12);
        start.SetNextRoles([orphan]);

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("unknown role 'orphan'", ex.Message);
    }

    [Fact]
    public void Resources_are_found_by_the_skills_they_build()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis").WithSkill("communication");
        builder.Resources.Add(new GrowthResource("sql-course", GrowthResourceKind.Course, "SQL", null, "Queries.", ["data-analysis"], 6, 300));
        builder.Resources.Add(new GrowthResource("toastmasters", GrowthResourceKind.NetworkingCommunity, "Speaking club", null, "Talks.", ["communication"], 0, 0));

        var catalog = builder.Build();

        Assert.Equal(["sql-course"], catalog.ResourcesFor("data-analysis").Select(r => r.Slug));
        Assert.Empty(catalog.ResourcesFor("unknown"));
    }

    [Fact]
    public void A_resource_naming_an_unknown_skill_is_refused()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        builder.Resources.Add(new GrowthResource("x", GrowthResourceKind.Course, "X", null, "About.", ["astrology"], 1, 0));

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("unknown skill 'astrology'", ex.Message);
    }
}
