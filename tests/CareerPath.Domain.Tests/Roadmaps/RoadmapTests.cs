using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;

namespace CareerPath.Domain.Tests.Roadmaps;

public sealed class RoadmapTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static (Roadmap Roadmap, CareerPath.Domain.Catalog.CareerCatalog Catalog) NewRoadmap()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis");
        var junior = builder.AddRole("junior", 1);
        var senior = builder.AddRole("senior", 2);
        junior.SetNextRoles([senior]);
        var catalog = builder.Build();
        return (Roadmap.Create("owner", "To senior", "junior", "senior", null, catalog, DateTime.UtcNow), catalog);
    }

    [Fact]
    public void Creating_a_roadmap_to_a_more_junior_role_is_refused()
    {
        var (_, catalog) = NewRoadmap();

        var ex = Assert.Throws<DomainException>(() => Roadmap.Create("owner", "Down", "senior", "junior", null, catalog, DateTime.UtcNow));

        Assert.Contains("less senior", ex.Message);
    }

    [Fact]
    public void Milestones_in_the_past_with_empty_or_over_long_titles_are_refused()
    {
        var (roadmap, catalog) = NewRoadmap();

        Assert.Contains("in the past", Assert.Throws<DomainException>(() => roadmap.AddMilestone("Plan", Today.AddDays(-1), Today, null, catalog)).Message);
        Assert.Contains("required", Assert.Throws<DomainException>(() => roadmap.AddMilestone("  ", Today, Today, null, catalog)).Message);
        Assert.Contains("at most", Assert.Throws<DomainException>(() => roadmap.AddMilestone(new string('x', Milestone.TitleMaxLength + 1), Today, Today, null, catalog)).Message);
        Assert.Throws<DomainException>(() => roadmap.AddMilestone("Plan", Today, Today, "juggling", catalog));
        Assert.Empty(roadmap.Milestones);
    }

    [Fact]
    public void Milestones_keep_the_users_order_and_can_be_moved()
    {
        var (roadmap, catalog) = NewRoadmap();
        var a = roadmap.AddMilestone("A", Today.AddDays(30), Today, null, catalog);
        var b = roadmap.AddMilestone("B", Today.AddDays(10), Today, null, catalog);
        var c = roadmap.AddMilestone("C", Today.AddDays(20), Today, null, catalog);

        roadmap.MoveMilestone(c.Id, -2);
        roadmap.MoveMilestone(a.Id, 5);

        Assert.Equal(["C", "B", "A"], roadmap.Milestones.Select(m => m.Title));
        Assert.Equal(b.Id, roadmap.Milestones[1].Id);
    }

    [Fact]
    public void Editing_removing_and_completing_milestones_changes_the_version()
    {
        var (roadmap, catalog) = NewRoadmap();
        var milestone = roadmap.AddMilestone("Course", Today.AddDays(30), Today, "data-analysis", catalog);
        var before = roadmap.Version;

        roadmap.EditMilestone(milestone.Id, "SQL course", Today.AddDays(40), Today);
        var skills = roadmap.CompleteMilestone(milestone.Id, Today);

        Assert.NotEqual(before, roadmap.Version);
        Assert.Equal(["data-analysis"], skills);
        Assert.True(roadmap.Milestones.Single().IsDone);
        Assert.Throws<DomainException>(() => roadmap.CompleteMilestone(milestone.Id, Today));
        roadmap.RemoveMilestone(milestone.Id);
        Assert.Empty(roadmap.Milestones);
    }

    [Fact]
    public void The_same_suggestion_cannot_be_accepted_twice_for_a_step()
    {
        var (roadmap, _) = NewRoadmap();
        var course = new GrowthResource("sql", GrowthResourceKind.Course, "SQL", null, "Queries.", ["data-analysis"], 4, 100);

        var milestone = roadmap.AcceptSuggestion(course, ["data-analysis"], "senior", inParallel: false, Today);

        Assert.Equal((100, 4), (milestone.EstimatedCostUsd, milestone.EstimatedWeeks));
        Assert.Throws<DomainException>(() => roadmap.AcceptSuggestion(course, ["data-analysis"], "senior", inParallel: false, Today));
    }
}
