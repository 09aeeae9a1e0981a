using CareerPath.Domain.Goals;

namespace CareerPath.Domain.Tests.Goals;

public sealed class StepWindowTests
{
    private static List<GoalStep> Plan(int count, int done)
    {
        var start = new DateOnly(2027, 1, 4);
        return Enumerable.Range(0, count).Select(i =>
            new GoalStep(Guid.NewGuid(), $"Step {i + 1}", start.AddDays(7 * i)) { Status = i < done ? StepStatus.Done : StepStatus.ToDo }).ToList();
    }

    [Fact]
    public void A_page_opens_on_the_next_step_to_do_with_a_full_page_where_the_plan_has_one()
    {
        // 50 steps, none done: steps 1 to 10, 40 after them.
        var fresh = StepWindow.Start(Plan(50, 0));
        Assert.Equal(new StepWindow(0, 10), fresh);
        Assert.Equal((0, 10, 40), (fresh.Earlier, fresh.Shown(50), fresh.Later(50)));

        // 50 steps, the first 23 done: from step 24 (index 23) to step 33; 23 before, 17 after.
        var midway = StepWindow.Start(Plan(50, 23));
        Assert.Equal(new StepWindow(23, 10), midway);
        Assert.Equal((23, 10, 17), (midway.Earlier, midway.Shown(50), midway.Later(50)));

        // 50 steps, 45 done: the next is index 45, but only 5 follow it, so the page starts at index 40 (steps 41 to 50).
        Assert.Equal(new StepWindow(40, 10), StepWindow.Start(Plan(50, 45)));
        // Every step done: the last page. A short plan: all of it from the start, whatever is done.
        Assert.Equal(new StepWindow(40, 10), StepWindow.Start(Plan(50, 50)));
        var shortPlan = StepWindow.Start(Plan(4, 3));
        Assert.Equal(new StepWindow(0, 10), shortPlan);
        Assert.Equal((0, 4, 0), (shortPlan.Earlier, shortPlan.Shown(4), shortPlan.Later(4)));
        Assert.Equal(new StepWindow(0, 10), StepWindow.Start([]));
    }

    [Fact]
    public void Showing_earlier_or_later_steps_adds_up_to_a_page_and_keeps_what_was_listed()
    {
        var window = new StepWindow(23, 10);

        // Earlier: 10 of the 23 before (indices 13 to 32 now), then 10 more (3 to 32), then the last 3 (0 to 32).
        Assert.Equal(new StepWindow(13, 20), window.ShowEarlier());
        Assert.Equal(new StepWindow(3, 30), window.ShowEarlier().ShowEarlier());
        var all = window.ShowEarlier().ShowEarlier().ShowEarlier();
        Assert.Equal(new StepWindow(0, 33), all);
        Assert.Equal(0, all.Earlier);

        // Later, in a plan of 50: 17 after the window, then 7, then none; the count may run past the plan's end.
        Assert.Equal(17, window.Later(50));
        Assert.Equal(7, window.ShowLater().Later(50));
        Assert.Equal(0, window.ShowLater().ShowLater().Later(50));
        Assert.Equal(27, window.ShowLater().ShowLater().Shown(50));
    }

    [Fact]
    public void An_added_step_is_listed_without_listing_steps_nobody_asked_for()
    {
        // Listed: indices 20 to 29 of 50 (full). Indices below are in the plan of 51 after the step was added.
        var window = new StepWindow(20, 10);

        // Added at 20 or 29 (among the listed) or 30 (just after them): it joins them, and as the window was full it
        // grows by one, so the ten listed before stay listed.
        Assert.Equal(new StepWindow(20, 11), window.Including(20, 51));
        Assert.Equal(new StepWindow(20, 11), window.Including(29, 51));
        Assert.Equal(new StepWindow(20, 11), window.Including(30, 51));
        // Added at 5, before the window: a page from the new step (5 to 14), not 5 to 30.
        Assert.Equal(new StepWindow(5, 10), window.Including(5, 51));
        // Added at 50, the end: a page ending with it (41 to 50), not 20 to 50.
        Assert.Equal(new StepWindow(41, 10), window.Including(50, 51));
        // Added at 3 of a plan of 5 listed from the start: among the listed, nothing moves.
        Assert.Equal(new StepWindow(0, 10), new StepWindow(0, 10).Including(3, 5));

        // A window that was not full (4 listed of room for 10): the step added after them fits, nothing grows.
        var roomy = new StepWindow(0, 10);
        Assert.Equal(new StepWindow(0, 10), roomy.Including(4, 5));
        // From an empty plan, ten steps added one by one at the end fit; the eleventh grows the window to 11.
        Assert.Equal(new StepWindow(0, 10), roomy.Including(0, 1));
        Assert.Equal(new StepWindow(0, 10), roomy.Including(9, 10));
        Assert.Equal(new StepWindow(0, 11), roomy.Including(10, 11));
    }

    [Fact]
    public void Removals_keep_the_window_inside_the_plan_with_a_page_listed()
    {
        Assert.Equal(new StepWindow(10, 10), new StepWindow(10, 10).Within(25));
        // 20 steps, listed from index 10; nine removed elsewhere leave 11: indices 1 to 10 are listed, not just index 10.
        Assert.Equal(new StepWindow(1, 10), new StepWindow(10, 10).Within(11));
        // A window grown past a page (25 steps from index 20) in a plan cut to 25: it backs up to list the last page,
        // from index 15 (it keeps its size, so nothing listed is hidden).
        Assert.Equal(new StepWindow(15, 25), new StepWindow(20, 25).Within(25));
        Assert.Equal(new StepWindow(0, 10), new StepWindow(20, 10).Within(0));
        Assert.Equal(new StepWindow(0, 10), new StepWindow(20, 10).Within(4));
    }
}
