namespace CareerPath.Domain.Goals;

/// <summary>
/// Which of a goal's steps (in plan order) its page lists: <see cref="Count"/> steps from index <see cref="From"/>.
/// A plan can hold up to <see cref="Goal.MaxSteps"/> steps; the page lists a window of them, placed at first on the
/// next step to do, and shows earlier or later steps on request. A page holds what it lists for as long as it is open,
/// so a long plan costs it one window, not every step's controls.
/// </summary>
public readonly record struct StepWindow(int From, int Count)
{
    /// <summary>How many steps a page lists at first, and how many more each "show earlier" or "show later" adds.</summary>
    public const int Page = 10;

    /// <summary>
    /// The window a page opens with: a page of steps starting at the first one not done (what comes next), moved back
    /// where fewer than a page follow it, so a plan near its end still shows a full page.
    /// </summary>
    public static StepWindow Start(IReadOnlyList<GoalStep> steps)
    {
        var next = 0;
        while (next < steps.Count && steps[next].Status == StepStatus.Done)
        {
            next++;
        }

        return new StepWindow(Math.Max(0, Math.Min(next, steps.Count - Page)), Page);
    }

    /// <summary>How many steps come before the window.</summary>
    public int Earlier => From;

    /// <summary>How many steps of a plan of <paramref name="total"/> come after the window.</summary>
    public int Later(int total) => Math.Max(0, total - From - Count);

    /// <summary>How many steps of a plan of <paramref name="total"/> the window lists.</summary>
    public int Shown(int total) => Math.Max(0, Math.Min(Count, total - From));

    /// <summary>The window grown by up to a page of the steps before it.</summary>
    public StepWindow ShowEarlier()
    {
        var from = Math.Max(0, From - Page);
        return new StepWindow(from, Count + From - from);
    }

    /// <summary>The window grown by a page of the steps after it.</summary>
    public StepWindow ShowLater() => this with { Count = Count + Page };

    /// <summary>
    /// The window after one step was added at <paramref name="index"/> of a plan now <paramref name="total"/> steps long.
    /// A step added among the listed ones, or just after them, joins them (the window grows by one where it was full, so
    /// no listed step leaves it). A step added elsewhere is listed by moving the window to a page around it: the new
    /// step first when it comes before the listed ones, last when it comes after. The window never stretches over
    /// steps nobody asked to see.
    /// </summary>
    public StepWindow Including(int index, int total)
    {
        var listedBefore = Math.Max(0, Math.Min(Count, total - 1 - From));
        if (index >= From && index <= From + listedBefore)
        {
            return listedBefore == Count ? this with { Count = Count + 1 } : this;
        }

        return index < From
            ? new StepWindow(index, Page)
            : new StepWindow(Math.Max(0, index - Page + 1), Page);
    }

    /// <summary>
    /// The window kept within a plan of <paramref name="total"/> steps after steps were removed: moved back where the
    /// plan now ends inside it, so it still lists a page of steps (as a plan near its end opens).
    /// </summary>
    public StepWindow Within(int total) => this with { From = Math.Max(0, Math.Min(From, total - Math.Min(Count, Page))) };
}
