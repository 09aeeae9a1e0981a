using CareerPath.Data;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Goals;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>The signed-in user's goals: create, edit, plan steps, check in, complete.</summary>
public sealed class GoalService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Goal>> ListAsync()
    {
        await using var db = await userData.OpenAsync();
        return await db.Goals.AsNoTracking().OrderBy(g => g.Deadline).ThenBy(g => g.Outcome).ToListAsync();
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
    public async Task<Goal> CreateAsync(GoalFields fields, IReadOnlyList<string>? steps = null, Guid? creationKey = null)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await catalogProvider.GetAsync();
        fields = await OwnLinksOnlyAsync(db, fields);
        var goal = Goal.Create(db.CurrentOwnerId!, fields, catalog, Today);
        var due = fields.Deadline ?? Today.AddMonths(3);
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            // Spread template steps evenly up to the deadline.
            var days = Math.Max(0, due.DayNumber - Today.DayNumber) * (i + 1) / steps!.Count;
            goal.AddStep(steps[i], Today.AddDays(days), Today);
        }

        return await db.AddOnceAsync(goal, creationKey);
    }

    public Task<Goal> UpdateAsync(Guid id, Guid version, GoalFields fields) =>
        ChangeAsync(id, version, async (db, goal, catalog) => goal.Update(await OwnLinksOnlyAsync(db, fields), catalog, Today));

    public Task<Goal> AddStepAsync(Guid id, Guid version, string title, DateOnly dueDate) =>
        ChangeAsync(id, version, (_, goal, _) => Run(() => goal.AddStep(title, dueDate, Today)));

    public Task<Goal> SetStepStatusAsync(Guid id, Guid version, Guid stepId, StepStatus status) =>
        ChangeAsync(id, version, (_, goal, _) => Run(() => goal.SetStepStatus(stepId, status, Today)));

    public Task<Goal> RemoveStepAsync(Guid id, Guid version, Guid stepId) =>
        ChangeAsync(id, version, (_, goal, _) => Run(() => goal.RemoveStep(stepId, Today)));

    public Task<Goal> CheckInAsync(Guid id, Guid version, DateOnly date, decimal? value, string? note) =>
        ChangeAsync(id, version, (_, goal, _) => Run(() => goal.CheckIn(date, value, note, Today)));

    public async Task<(Goal Goal, IReadOnlyList<string> SkillsToReRate)> CompleteAsync(Guid id, Guid version)
    {
        IReadOnlyList<string> skills = [];
        var goal = await ChangeAsync(id, version, (_, g, _) => Run(() => skills = g.Complete(Today)));
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

    public async Task<IReadOnlyList<GoalTemplate>> TemplatesAsync() =>
        GoalTemplates.For(await catalogProvider.GetAsync(), Today);

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

    private async Task<Goal> ChangeAsync(Guid id, Guid version, Func<Data.CareerPathDbContext, Goal, CareerCatalog, Task> change)
    {
        await using var db = await userData.OpenAsync();
        var catalog = await catalogProvider.GetAsync();
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id)
            ?? throw new NotFoundException("That goal does not exist or is not yours.");
        db.Entry(goal).Property(g => g.Version).OriginalValue = version;
        await change(db, goal, catalog);
        await db.SaveOrConflictAsync("goal");
        return goal;
    }
}
