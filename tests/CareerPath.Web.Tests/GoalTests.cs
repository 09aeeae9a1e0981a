using System.Net;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Personal;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class GoalTests(CareerPathAppFactory app)
{
    private static GoalFields Fields(DateOnly today, string outcome = "Run twelve customer discovery interviews") => new(
        outcome, GoalHorizon.ShortTerm, ProgressMode.Measure, "interviews", 0, 12, "Two a week", ["customer-focus"], null, null, null, today.AddDays(20));

    [Fact]
    public async Task Another_users_goal_steps_and_check_ins_cannot_be_read_edited_or_deleted()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        var goal = await CreateAsync(owner);
        var step = goal.Steps.Single();

        await using var scope = app.ScopeFor(intruder);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        await Assert.ThrowsAsync<NotFoundException>(() => goals.GetAsync(goal.Id));
        await Assert.ThrowsAsync<NotFoundException>(async () => await goals.UpdateAsync(goal.Id, goal.Version, Fields((await goals.TodayAsync()), "Hijacked")));
        await Assert.ThrowsAsync<NotFoundException>(() => goals.SetStepStatusAsync(goal.Id, goal.Version, step.Id, StepStatus.Done));
        await Assert.ThrowsAsync<NotFoundException>(() => goals.RemoveStepAsync(goal.Id, goal.Version, step.Id));
        await Assert.ThrowsAsync<NotFoundException>(async () => await goals.CheckInAsync(goal.Id, goal.Version, (await goals.TodayAsync()), 5, "mine"));
        await Assert.ThrowsAsync<NotFoundException>(() => goals.CompleteAsync(goal.Id, goal.Version));
        await Assert.ThrowsAsync<NotFoundException>(() => goals.DeleteAsync(goal.Id));
        Assert.Empty(await goals.ListAsync());
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();
        Assert.Empty(dashboard.NextDeadlines);

        await using var ownerScope = app.ScopeFor(owner);
        var kept = await ownerScope.ServiceProvider.GetRequiredService<GoalService>().GetAsync(goal.Id);
        Assert.Equal(goal.Outcome, kept.Outcome);
        Assert.Equal(StepStatus.ToDo, kept.Steps.Single().Status);
        Assert.Single(kept.CheckIns);
    }

    [Fact]
    public async Task A_goal_cannot_keep_a_link_to_another_users_roadmap()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        Guid roadmapId;
        await using (var scope = app.ScopeFor(owner))
        {
            roadmapId = (await scope.ServiceProvider.GetRequiredService<RoadmapService>().CreateAsync("Mine", "product-manager", "technical-product-manager", null)).Id;
        }

        await using var intruderScope = app.ScopeFor(intruder);
        var goals = intruderScope.ServiceProvider.GetRequiredService<GoalService>();
        var goal = await goals.CreateAsync(Fields((await goals.TodayAsync())) with { RoadmapId = roadmapId });

        Assert.Null(goal.RoadmapId);
        Assert.Null((await goals.GetAsync(goal.Id)).RoadmapId);
    }

    [Fact]
    public async Task A_save_from_a_stale_tab_is_refused_and_the_first_save_is_kept()
    {
        var owner = await app.CreateAsync();
        var goal = await CreateAsync(owner);
        await using var scope = app.ScopeFor(owner);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();

        await goals.UpdateAsync(goal.Id, goal.Version, Fields((await goals.TodayAsync()), "First tab's outcome wins here"));
        var ex = await Assert.ThrowsAsync<ConflictException>(async () => await goals.UpdateAsync(goal.Id, goal.Version, Fields((await goals.TodayAsync()), "Second tab's stale outcome")));

        Assert.Contains("changed somewhere else", ex.Message);
        Assert.Equal("First tab's outcome wins here", (await goals.GetAsync(goal.Id)).Outcome);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_nothing_is_saved()
    {
        var owner = await app.CreateAsync();
        var goal = await CreateAsync(owner);
        await using var scope = app.ScopeFor(owner);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();

        await Assert.ThrowsAsync<DomainException>(async () => await goals.CreateAsync(Fields((await goals.TodayAsync())) with { TargetValue = -3 }));
        await Assert.ThrowsAsync<DomainException>(async () => await goals.CreateAsync(Fields((await goals.TodayAsync())) with { Outcome = "" }));
        await Assert.ThrowsAsync<DomainException>(async () => await goals.CreateAsync(Fields((await goals.TodayAsync())) with { Outcome = new string('x', 201) }));
        await Assert.ThrowsAsync<DomainException>(async () => await goals.AddStepAsync(goal.Id, goal.Version, "Late", (await goals.TodayAsync()).AddDays(-1)));
        await Assert.ThrowsAsync<DomainException>(async () => await goals.CheckInAsync(goal.Id, goal.Version, (await goals.TodayAsync()).AddDays(3), 5, null));
        await Assert.ThrowsAsync<DomainException>(async () => await goals.CheckInAsync(goal.Id, goal.Version, (await goals.TodayAsync()), 5, new string('x', 1001)));

        var stored = Assert.Single(await goals.ListAsync());
        Assert.Equal(goal.Version, stored.Version);
        Assert.Single(stored.Steps);
        Assert.Single(stored.CheckIns);
    }

    [Fact]
    public async Task Exports_contain_only_the_users_own_goals()
    {
        var (owner, other) = (await app.CreateAsync(), await app.CreateAsync());
        await CreateAsync(owner, "Owner's goal: ship the billing beta");
        await CreateAsync(other, "Other's goal: never to be seen");

        var client = await app.SignedInClientAsync(owner);
        var ics = await client.GetStringAsync("/goals/export/calendar.ics");
        var csv = await client.GetStringAsync("/goals/export/goals.csv");
        var anonymous = await app.CreateBrowserlessClient().GetAsync("/goals/export/goals.csv");

        Assert.Contains("ship the billing beta", ics.Replace("\r\n ", ""));
        Assert.DoesNotContain("never to be seen", ics.Replace("\r\n ", ""));
        Assert.Contains("Owner's goal: ship the billing beta", csv);
        Assert.DoesNotContain("never to be seen", csv);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Csv_exports_start_with_the_utf8_byte_order_mark_so_spreadsheets_keep_accents_and_emoji()
    {
        var owner = await app.CreateAsync();
        await CreateAsync(owner, "Écrire le mémo de stratégie produit ✨");
        Guid roadmapId;
        await using (var scope = app.ScopeFor(owner))
        {
            roadmapId = (await scope.ServiceProvider.GetRequiredService<RoadmapService>()
                .CreateAsync("Vers le rôle de TPM ✨", "product-manager", "technical-product-manager", null)).Id;
        }

        var client = await app.SignedInClientAsync(owner);
        foreach (var (path, text) in new[] { ("/goals/export/goals.csv", "Écrire le mémo de stratégie produit ✨"), ($"/roadmap/{roadmapId}/export/csv", "Position,Title,TargetDate") })
        {
            var bytes = await client.GetByteArrayAsync(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.Contains(text, System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        }
    }

    [Fact]
    public async Task Templates_are_filled_from_the_catalog()
    {
        var owner = await app.CreateAsync();
        await using var scope = app.ScopeFor(owner);
        var templates = await scope.ServiceProvider.GetRequiredService<GoalService>().TemplatesAsync();

        Assert.Equal(["cspo", "project", "mentor", "meetup"], templates.Select(t => t.Key));
        var cspo = templates[0];
        Assert.Contains("Certified Scrum Product Owner", cspo.Fields.Outcome);
        Assert.NotEmpty(cspo.Fields.SkillSlugs);
        Assert.All(templates, t => Assert.NotEmpty(t.Steps));
    }

    [Fact]
    public async Task Each_change_saves_exactly_what_it_changed_and_check_ins_read_with_the_goal_stay_as_they_were()
    {
        var owner = await app.CreateAsync();
        await using var scope = app.ScopeFor(owner);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var today = await goals.TodayAsync();
        var goal = await goals.CreateAsync(Fields(today),
            [new("Book the first interviews", today.AddDays(5)), new("Write the script", today.AddDays(10)), new("Share what was learned", today.AddDays(15))]);

        // Three check-ins: 3, then 5, then one dated before the goal was set is refused, then 4 (the latest made, so
        // the current value). Every change is read back from the database, not from what the service returned.
        goal = await goals.CheckInAsync(goal.Id, goal.Version, today, 3, "three");
        goal = await goals.CheckInAsync(goal.Id, goal.Version, today, 5, "five");
        await Assert.ThrowsAsync<DomainException>(() => goals.CheckInAsync(goal.Id, goal.Version, today.AddDays(-1), 9, "before the goal"));
        goal = await goals.CheckInAsync(goal.Id, goal.Version, today, 4, "four, counted again");
        var read = await goals.GetAsync(goal.Id);
        Assert.Equal([(1, 3m, "three"), (2, 5m, "five"), (3, 4m, "four, counted again")], read.CheckIns.Select(c => (c.Sequence, c.Value!.Value, c.Note!)));
        Assert.Equal(4m, read.CurrentValue);
        Assert.Equal(goal.Version, read.Version);

        // A step ticked, one removed, one added: the check-ins read with the goal each time are still the same three.
        var script = read.Steps.Single(s => s.Title == "Write the script");
        goal = await goals.SetStepStatusAsync(goal.Id, goal.Version, script.Id, StepStatus.Done);
        goal = await goals.RemoveStepAsync(goal.Id, goal.Version, read.Steps.Single(s => s.Title == "Share what was learned").Id);
        goal = await goals.AddStepAsync(goal.Id, goal.Version, "Summarise the interviews", today.AddDays(18));
        read = await goals.GetAsync(goal.Id);
        Assert.Equal(
            [("Book the first interviews", StepStatus.ToDo), ("Write the script", StepStatus.Done), ("Summarise the interviews", StepStatus.ToDo)],
            read.Steps.Select(s => (s.Title, s.Status)));
        Assert.Equal([3m, 5m, 4m], read.CheckIns.Select(c => c.Value!.Value));

        // A change from a page showing an older version is refused and changes nothing.
        var stale = await goals.CheckInAsync(goal.Id, goal.Version, today, 6, "six");
        await Assert.ThrowsAsync<ConflictException>(() => goals.CheckInAsync(goal.Id, goal.Version, today, 7, "from an old tab"));
        await Assert.ThrowsAsync<ConflictException>(() => goals.SetStepStatusAsync(goal.Id, goal.Version, script.Id, StepStatus.ToDo));
        read = await goals.GetAsync(goal.Id);
        Assert.Equal([3m, 5m, 4m, 6m], read.CheckIns.Select(c => c.Value!.Value));
        Assert.Equal(6m, read.CurrentValue);
        Assert.Equal(StepStatus.Done, read.Steps.Single(s => s.Id == script.Id).Status);
        Assert.Equal(stale.Version, read.Version);
    }

    [Fact]
    public async Task A_change_writes_only_the_rows_it_changed()
    {
        // An app of its own: triggers on its database record every row written to a goal, its steps and its check-ins.
        await using var own = new CareerPathAppFactory();
        var owner = await own.CreateAsync();
        await own.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE Written (What TEXT NOT NULL);
            CREATE TRIGGER goal_updated AFTER UPDATE ON Goals BEGIN INSERT INTO Written VALUES ('goal updated'); END;
            CREATE TRIGGER step_added AFTER INSERT ON GoalSteps BEGIN INSERT INTO Written VALUES ('step added: ' || NEW.Title); END;
            CREATE TRIGGER step_updated AFTER UPDATE ON GoalSteps BEGIN INSERT INTO Written VALUES ('step updated: ' || NEW.Title); END;
            CREATE TRIGGER step_removed AFTER DELETE ON GoalSteps BEGIN INSERT INTO Written VALUES ('step removed: ' || OLD.Title); END;
            CREATE TRIGGER check_in_added AFTER INSERT ON GoalCheckIns BEGIN INSERT INTO Written VALUES ('check-in added: ' || NEW.Note); END;
            CREATE TRIGGER check_in_updated AFTER UPDATE ON GoalCheckIns BEGIN INSERT INTO Written VALUES ('check-in updated: ' || NEW.Note); END;
            CREATE TRIGGER check_in_removed AFTER DELETE ON GoalCheckIns BEGIN INSERT INTO Written VALUES ('check-in removed: ' || OLD.Note); END;
            """));
        await using var scope = own.ScopeFor(owner);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var today = await goals.TodayAsync();
        var goal = await goals.CreateAsync(Fields(today), [new("Book the first interviews", today.AddDays(5)), new("Write the script", today.AddDays(10))]);
        goal = await goals.CheckInAsync(goal.Id, goal.Version, today, 1, "one");

        async Task<string[]> WrittenByAsync(Func<Task<Goal>> change)
        {
            string[] written = [];
            await own.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM Written"));
            goal = await change();
            await own.WithDbAsync(async db => written = [.. (await db.Database.SqlQueryRaw<string>("SELECT What AS Value FROM Written").ToListAsync()).Order(StringComparer.Ordinal)]);
            return written;
        }

        var script = goal.Steps.Single(s => s.Title == "Write the script").Id;
        Assert.Equal(["check-in added: two", "goal updated"], await WrittenByAsync(() => goals.CheckInAsync(goal.Id, goal.Version, today, 2, "two")));
        Assert.Equal(["goal updated", "step updated: Write the script"], await WrittenByAsync(() => goals.SetStepStatusAsync(goal.Id, goal.Version, script, StepStatus.Done)));
        Assert.Equal(["goal updated", "step added: Summarise"], await WrittenByAsync(() => goals.AddStepAsync(goal.Id, goal.Version, "Summarise", today.AddDays(12))));
        Assert.Equal(["goal updated", "step removed: Write the script"], await WrittenByAsync(() => goals.RemoveStepAsync(goal.Id, goal.Version, script)));
        Assert.Equal(["goal updated"], await WrittenByAsync(() => goals.UpdateAsync(goal.Id, goal.Version, Fields(today, "Run ten customer interviews"))));
        Assert.Equal(["goal updated"], await WrittenByAsync(async () => (await goals.CompleteAsync(goal.Id, goal.Version)).Goal));
    }

    private async Task<Goal> CreateAsync(CareerPath.Data.Identity.ApplicationUser owner, string? outcome = null)
    {
        await using var scope = app.ScopeFor(owner);
        var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
        var goal = await goals.CreateAsync(Fields((await goals.TodayAsync()), outcome ?? "Run twelve customer discovery interviews"),
            [new("Book the first interviews", (await goals.TodayAsync()).AddDays(10))]);
        return await goals.CheckInAsync(goal.Id, goal.Version, (await goals.TodayAsync()), 2, "two so far");
    }
}
