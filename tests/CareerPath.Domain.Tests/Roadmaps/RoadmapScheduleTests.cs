using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;

namespace CareerPath.Domain.Tests.Roadmaps;

/// <summary>Dates worked out by hand on a calendar: 4 January 2027 is a Monday, four weeks is 28 days.</summary>
public sealed class RoadmapScheduleTests
{
    private static readonly DateOnly Today = new(2027, 1, 4);

    private static Roadmap NewRoadmap()
    {
        var builder = new CatalogBuilder().WithSkill("data-analysis").WithSkill("communication");
        var junior = builder.AddRole("junior", 1);
        var senior = builder.AddRole("senior", 2);
        junior.SetNextRoles([senior]);
        return Roadmap.Create("owner", "To senior", "junior", "senior", null, builder.Build(), new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc));
    }

    private static GrowthResource Course(string slug, int weeks) =>
        new(slug, GrowthResourceKind.Course, slug, null, "A course.", ["data-analysis"], weeks, 100);

    [Fact]
    public void Accepting_only_a_four_week_course_dates_it_four_weeks_out_whatever_else_is_suggested()
    {
        var roadmap = NewRoadmap();

        var milestone = roadmap.AcceptSuggestion(Course("sql", 4), ["data-analysis"], "senior", inParallel: false, Today);

        // 4 January + 28 days = 1 February; suggestions not accepted never push it out.
        Assert.Equal(new DateOnly(2027, 2, 1), milestone.TargetDate);
        Assert.Equal(new DateOnly(2027, 2, 1), RoadmapSchedule.ReadyBy(roadmap.Milestones));
    }

    [Fact]
    public void A_second_item_in_sequence_starts_when_the_unfinished_ones_end_and_one_alongside_starts_today()
    {
        var roadmap = NewRoadmap();
        var first = roadmap.AcceptSuggestion(Course("long", 10), ["data-analysis"], "senior", inParallel: false, Today);

        var next = roadmap.AcceptSuggestion(Course("sql", 4), ["data-analysis"], "senior", inParallel: false, Today);
        var alongside = roadmap.AcceptSuggestion(Course("talk", 2), ["communication"], "senior", inParallel: true, Today);

        // 10 weeks = 70 days: 4 January + 70 = 15 March; then 15 March + 28 = 12 April; alongside, 4 January + 14 = 18 January.
        Assert.Equal(new DateOnly(2027, 3, 15), first.TargetDate);
        Assert.Equal(new DateOnly(2027, 4, 12), next.TargetDate);
        Assert.Equal(new DateOnly(2027, 1, 18), alongside.TargetDate);
        Assert.True(alongside.InParallel);
        Assert.Equal(new DateOnly(2027, 4, 12), RoadmapSchedule.ReadyBy(roadmap.Milestones));
    }

    [Fact]
    public void Items_that_run_alongside_do_not_delay_the_sequence_but_do_set_the_ready_date_when_they_end_last()
    {
        var roadmap = NewRoadmap();
        roadmap.AcceptSuggestion(Course("long", 10), ["data-analysis"], "senior", inParallel: false, Today); // ends 15 March
        var parallel = roadmap.AcceptSuggestion(Course("degree", 30), ["communication"], "senior", inParallel: true, Today); // 210 days: 2 August

        Assert.Equal(new DateOnly(2027, 8, 2), parallel.TargetDate);
        // The sequence still ends 15 March, so a 1-week item in sequence ends 22 March; the plan is ready on 2 August.
        Assert.Equal(new DateOnly(2027, 3, 22), RoadmapSchedule.SuggestedDate(roadmap.Milestones, 1, inParallel: false, Today));
        Assert.Equal(new DateOnly(2027, 8, 2), RoadmapSchedule.ReadyBy(roadmap.Milestones));
    }

    [Fact]
    public void Finished_items_and_dates_already_passed_do_not_hold_up_a_new_item()
    {
        var roadmap = NewRoadmap();
        var done = roadmap.AcceptSuggestion(Course("long", 20), ["data-analysis"], "senior", inParallel: false, Today.AddDays(-200));
        roadmap.CompleteMilestone(done.Id, Today);
        roadmap.AcceptSuggestion(Course("late", 1), ["communication"], "senior", inParallel: false, Today.AddDays(-30)); // target 30 days before today + 7

        // Neither the done item nor the one whose date has passed pushes the start beyond today: 4 January + 14 = 18 January.
        Assert.Equal(new DateOnly(2027, 1, 18), RoadmapSchedule.SuggestedDate(roadmap.Milestones, 2, inParallel: false, Today));
    }

    [Fact]
    public void An_item_of_no_stated_length_takes_a_week()
    {
        Assert.Equal(new DateOnly(2027, 1, 11), RoadmapSchedule.SuggestedDate([], 0, inParallel: false, Today));
        Assert.Null(RoadmapSchedule.ReadyBy([]));
    }

    [Fact]
    public void Marking_an_item_alongside_later_is_kept_and_changes_where_the_sequence_ends()
    {
        var roadmap = NewRoadmap();
        var item = roadmap.AcceptSuggestion(Course("long", 10), ["data-analysis"], "senior", inParallel: false, Today);

        roadmap.EditMilestone(item.Id, item.Title, item.TargetDate, Today, inParallel: true);

        Assert.True(roadmap.Milestones.Single().InParallel);
        Assert.Equal(new DateOnly(2027, 2, 1), RoadmapSchedule.SuggestedDate(roadmap.Milestones, 4, inParallel: false, Today));
    }

    [Fact]
    public void A_late_item_can_be_marked_alongside_without_moving_its_date_but_not_moved_to_another_past_date()
    {
        var roadmap = NewRoadmap();
        var item = roadmap.AcceptSuggestion(Course("sql", 4), ["data-analysis"], "senior", inParallel: false, Today); // 1 February
        var later = new DateOnly(2027, 3, 1);

        roadmap.EditMilestone(item.Id, item.Title, item.TargetDate, later, inParallel: true);

        Assert.True(roadmap.Milestones.Single().InParallel);
        Assert.Throws<CareerPath.Domain.Common.DomainException>(() => roadmap.EditMilestone(item.Id, item.Title, new DateOnly(2027, 2, 15), later));
        Assert.Equal(new DateOnly(2027, 2, 1), roadmap.Milestones.Single().TargetDate);
    }
}
