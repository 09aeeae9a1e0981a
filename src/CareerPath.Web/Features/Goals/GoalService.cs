using CareerPath.Data;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Goals;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Goals;

/// <summary>The goals page: each goal summarised for the user's today (not its steps and check-ins), and that day.</summary>
public sealed record GoalsPageModel(IReadOnlyList<GoalSummary> Goals, DateOnly Today, string OwnerId) : CareerPath.Web.Components.Shared.IOwnedView;

/// <summary>The signed-in user's goals: create, edit, plan steps, check in, complete.</summary>
public sealed class GoalService(UserData userData, PlanCatalog plan, UserClock clock)
{
    /// <summary>Today in the user's time zone.</summary>
    public Task<DateOnly> TodayAsync() => clock.TodayAsync();

    /// <summary>
    /// The goals page. Progress, standing and the SMART check are the domain's rules over a goal's steps and
    /// check-ins, so the goals are read whole, summarised here, and only the summaries leave.
    /// </summary>
    public async Task<GoalsPageModel> ListPageAsync()
    {
        await using var db = await userData.OpenAsync();
        var today = await clock.TodayAsync(db);
        var goals = await db.Goals.AsNoTracking().ToListAsync();
        return new GoalsPageModel(goals.Select(g => GoalSummary.Of(g, today)).ToList(), today, db.CurrentOwnerId!);
    }

    public async Task<IReadOnlyList<Goal>> ListAsync()
    {
        await using var db = await userData.OpenAsync();
        return await db.Goals.AsNoTracking().OrderBy(g => g.Deadline).ThenBy(g => g.Outcome).ToListAsync();
    }

    /// <summary>A goal's outcome, or null when there is no such goal of the user's: one column, for a page's title.</summary>
    public async Task<string?> OutcomeAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        return await db.Goals.AsNoTracking().Where(g => g.Id == id).Select(g => g.Outcome).FirstOrDefaultAsync();
    }

    public async Task<Goal> GetAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        return await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id)
            ?? throw new NotFoundException("That goal does not exist or is not yours.");
    }

    /// <summary>
    /// Creates a goal, with template steps spread up to its deadline. A repeated request with the same
    /// <paramref name="creationKey"/> (the form's, made when it opened) returns the goal the first one made.
    /// </summary>
    public async Task<Goal> CreateAsync(GoalFields fields, IReadOnlyList<NewStep>? steps = null, Guid? creationKey = null)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await plan.CurrentAsync();
        var today = await clock.TodayAsync(db);
        fields = await OwnLinksOnlyAsync(db, fields);
        var goal = Goal.Create(db.CurrentOwnerId!, fields, catalog, today);
        foreach (var step in steps ?? [])
        {
            goal.AddStep(step.Title, step.DueDate, today);
        }

        return await db.AddOnceAsync(goal, creationKey);
    }

    public Task<Goal> UpdateAsync(Guid id, Guid version, GoalFields fields) =>
        ChangeAsync(id, version, async (db, goal, catalog, today) => goal.Update(await OwnLinksOnlyAsync(db, fields), catalog, today));

    public Task<Goal> AddStepAsync(Guid id, Guid version, string title, DateOnly dueDate) =>
        ChangeAsync(id, version, (_, goal, _, today) => Run(() => goal.AddStep(title, dueDate, today)));

    public Task<Goal> SetStepStatusAsync(Guid id, Guid version, Guid stepId, StepStatus status) =>
        ChangeAsync(id, version, (_, goal, _, today) => Run(() => goal.SetStepStatus(stepId, status, today)));

    public Task<Goal> RemoveStepAsync(Guid id, Guid version, Guid stepId) =>
        ChangeAsync(id, version, (_, goal, _, today) => Run(() => goal.RemoveStep(stepId, today)));

    public Task<Goal> CheckInAsync(Guid id, Guid version, DateOnly date, decimal? value, string? note) =>
        ChangeAsync(id, version, (_, goal, _, today) => Run(() => goal.CheckIn(date, value, note, today)));

    public async Task<(Goal Goal, IReadOnlyList<string> SkillsToReRate)> CompleteAsync(Guid id, Guid version)
    {
        IReadOnlyList<string> skills = [];
        var goal = await ChangeAsync(id, version, (_, g, _, today) => Run(() => skills = g.Complete(today)));
        return (goal, skills);
    }

    public async Task DeleteAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id)
            ?? throw new NotFoundException("That goal does not exist or is not yours.");
        db.Goals.Remove(goal);
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<GoalTemplate>> TemplatesAsync() => await TemplatesAsync(await clock.TodayAsync());

    /// <summary>The templates dated from a today the caller already knows (a page's view model), without reading it again.</summary>
    public async Task<IReadOnlyList<GoalTemplate>> TemplatesAsync(DateOnly today) => GoalTemplates.For(await plan.CurrentAsync(), today);

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A goal may only link to the user's own roadmap and one of its milestones. A link to anything else (a
    /// milestone since removed, a roadmap since deleted, or someone else's) is dropped rather than kept.
    /// </summary>
    private static async Task<GoalFields> OwnLinksOnlyAsync(Data.CareerPathDbContext db, GoalFields fields)
    {
        if (fields.RoadmapId is not { } roadmapId)
        {
            return fields;
        }

        var roadmap = await db.Roadmaps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roadmapId);
        if (roadmap is null)
        {
            return fields with { RoadmapId = null, MilestoneId = null };
        }

        return fields.MilestoneId is { } milestoneId && roadmap.Milestones.All(m => m.Id != milestoneId)
            ? fields with { MilestoneId = null }
            : fields;
    }

    private async Task<Goal> ChangeAsync(Guid id, Guid version, Func<Data.CareerPathDbContext, Goal, CareerCatalog, DateOnly, Task> change)
    {
        await using var db = await userData.OpenAsync();
        var today = await clock.TodayAsync(db);
        var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id)
            ?? throw new NotFoundException("That goal does not exist or is not yours.");
        TrackAllButCheckIns(db, goal);
        var catalog = await plan.ForVersionAsync(goal.FrameworkVersionId);
        db.Entry(goal).Property(g => g.Version).OriginalValue = version;
        await change(db, goal, catalog, today);
        await db.SaveOrConflictAsync("goal");
        return goal;
    }

    /// <summary>
    /// Tracks the goal and its steps, not the check-ins it was read with: a goal's change only ever adds a check-in
    /// (none is edited or removed but with the goal), so tracking and scanning hundreds of them at every step ticked
    /// or check-in made took about a fifth of the action's server time (docs/benchmarks.md, "CPU per action"). A check-in the
    /// change adds is in the goal's collection and not in the snapshot taken here, so the save inserts it.
    /// </summary>
    private static void TrackAllButCheckIns(Data.CareerPathDbContext db, Goal goal) =>
        db.ChangeTracker.TrackGraph(goal, node =>
        {
            if (node.Entry.Entity is not CheckIn)
            {
                node.Entry.State = EntityState.Unchanged;
            }
        });
}
