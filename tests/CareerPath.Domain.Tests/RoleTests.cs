using CareerPath.Domain.Common;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests;

public sealed class RoleTests
{
    private static Role NewRole(string slug, int seniority) =>
        new(slug, "A role", "tpm", seniority, false, "Summary.", "Description.", ["Plans things"], null, 24);

    [Fact]
    public void Expect_sets_and_then_replaces_a_skill_level()
    {
        var role = NewRole("tpm", 3);

        role.Expect("data-analysis", ProficiencyLevel.From(2));
        role.Expect("data-analysis", ProficiencyLevel.From(4));

        Assert.Single(role.Expectations);
        Assert.Equal(4, role.ExpectedLevel("data-analysis")!.Value.Value);
        Assert.Null(role.ExpectedLevel("unknown"));
    }

    [Fact]
    public void SetNextRoles_refuses_a_role_that_is_less_senior()
    {
        var senior = NewRole("senior", 4);
        var junior = NewRole("junior", 2);

        var ex = Assert.Throws<DomainException>(() => senior.SetNextRoles([junior]));

        Assert.Contains("cannot be less senior", ex.Message);
        Assert.Empty(senior.NextRoles);
    }

    [Fact]
    public void SetNextRoles_allows_a_sideways_move_to_a_role_of_the_same_seniority()
    {
        var pm = NewRole("pm", 3);
        var tpm = NewRole("tpm", 3);

        pm.SetNextRoles([tpm]);

        Assert.Equal(["tpm"], pm.NextRoles.Select(t => t.ToRoleSlug));
    }

    [Fact]
    public void SetNextRoles_refuses_a_role_leading_into_itself()
    {
        var role = NewRole("same", 3);

        Assert.Throws<DomainException>(() => role.SetNextRoles([role]));
    }

    [Fact]
    public void SetNextRoles_replaces_the_previous_transitions()
    {
        var start = NewRole("start", 1);
        var a = NewRole("a", 2);
        var b = NewRole("b", 3);

        start.SetNextRoles([a]);
        start.SetNextRoles([b]);

        Assert.Equal(["b"], start.NextRoles.Select(t => t.ToRoleSlug));
    }

    [Theory]
    [InlineData("Has Spaces")]
    [InlineData("UPPER")]
    [InlineData("double--hyphen")]
    [InlineData("")]
    public void A_role_needs_a_well_formed_slug(string slug) =>
        Assert.Throws<DomainException>(() => NewRole(slug, 1));

    [Fact]
    public void A_role_refuses_an_empty_name_and_an_over_long_summary()
    {
        Assert.Throws<DomainException>(() => new Role("r", " ", "tpm", 1, false, "S", "D", [], null, 12));
        var ex = Assert.Throws<DomainException>(() =>
            new Role("r", "Name", "tpm", 1, false, new string('x', Role.SummaryMaxLength + 1), "D", [], null, 12));
        Assert.Contains($"at most {Role.SummaryMaxLength}", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Role.MaxMonthsInRole + 1)]
    public void A_role_refuses_an_implausible_time_in_role(int months) =>
        Assert.Throws<DomainException>(() => new Role("r", "Name", "tpm", 1, false, "S", "D", [], null, months));
}
