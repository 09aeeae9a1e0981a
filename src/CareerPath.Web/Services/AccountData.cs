using System.Text.Json;
using System.Text.Json.Serialization;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Domain.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>Everything a user stored, as one versioned JSON document ("Download my data").</summary>
public sealed record AccountExport(
    string Format,
    int Version,
    DateTime ExportedAtUtc,
    AccountExport.ProfileData Profile,
    IReadOnlyList<AccountExport.AuditData> Audits,
    IReadOnlyList<AccountExport.FeedbackData> FeedbackRequests,
    AccountExport.AspirationData? Aspiration,
    IReadOnlyList<AccountExport.RoadmapData> Roadmaps,
    IReadOnlyList<AccountExport.GoalData> Goals)
{
    public const string FormatName = "careerpath-export";
    public const int CurrentVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new NoNullEntriesConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public sealed record ProfileData(string? Email, string? DisplayName, string? CurrentRoleSlug);

    public sealed record RatingData(string Skill, int Level, string? Evidence);

    public sealed record AuditData(AuditStatus Status, string CurrentRoleSlug, DateTime StartedAtUtc, DateTime? CompletedAtUtc, IReadOnlyList<RatingData> Ratings);

    public sealed record AnswerData(string Skill, int? Level);

    public sealed record FeedbackData(string RespondentName, Relationship Relationship, DateTime CreatedAtUtc, DateTime ExpiresAtUtc,
        DateTime? RevokedAtUtc, DateTime? SubmittedAtUtc, string? Comment, IReadOnlyList<AnswerData> Answers);

    public sealed record AspirationData(string? NextRoleSlug, string? FiveYearRoleSlug, string? TrackSlug, int? TimeframeMonths,
        string? Motivation, string? WantMore, string? WantLess, IReadOnlyDictionary<string, int> Weights, DateTime? UpdatedAtUtc = null);

    /// <param name="Id">Only for goals to refer to; a restored milestone gets a new id.</param>
    public sealed record MilestoneData(string Title, DateOnly TargetDate, string? ResourceSlug, string? StepRoleSlug, IReadOnlyList<string> Skills,
        int EstimatedCostUsd, int EstimatedWeeks, DateOnly? CompletedOn, Guid? Id = null);

    /// <param name="Id">Only for goals to refer to; a restored roadmap gets a new id.</param>
    public sealed record RoadmapData(string Name, string StartRoleSlug, string TargetRoleSlug, string? TrackSlug, DateTime CreatedAtUtc, IReadOnlyList<MilestoneData> Milestones,
        Guid? Id = null);

    public sealed record StepData(string Title, DateOnly DueDate, StepStatus Status);

    public sealed record CheckInData(DateOnly Date, decimal? Value, string? Note);

    /// <param name="RoadmapId">The <see cref="RoadmapData.Id"/> of the roadmap the goal is linked to, if any.</param>
    /// <param name="MilestoneId">The <see cref="MilestoneData.Id"/> of that roadmap's milestone, if any.</param>
    public sealed record GoalData(string Outcome, GoalHorizon Horizon, ProgressMode Mode, string? MeasureName, decimal? StartValue, decimal? TargetValue,
        string? Achievable, IReadOnlyList<string> Skills, string? TargetRoleSlug, DateOnly? Deadline, DateOnly CreatedOn, GoalStatus Status,
        DateOnly? CompletedOn, IReadOnlyList<StepData> Steps, IReadOnlyList<CheckInData> CheckIns, Guid? RoadmapId = null, Guid? MilestoneId = null);
}

/// <summary>Exports all of a user's data and restores such an export into an empty account.</summary>
public sealed class AccountDataService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public const int MaxImportBytes = 5 * 1024 * 1024;

    public async Task<AccountExport> ExportAsync()
    {
        await using var db = await userData.OpenAsync();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == db.CurrentOwnerId);
        var audits = await db.SkillAudits.AsNoTracking().OrderBy(a => a.StartedAtUtc).ToListAsync();
        var requests = await db.FeedbackRequests.AsNoTracking().OrderBy(r => r.CreatedAtUtc).ToListAsync();
        var aspiration = await db.CareerAspirations.AsNoTracking().FirstOrDefaultAsync();
        var roadmaps = await db.Roadmaps.AsNoTracking().OrderBy(r => r.CreatedAtUtc).ToListAsync();
        // Goals set on the same day keep one order, so two exports of the same data read the same.
        var goals = await db.Goals.AsNoTracking().OrderBy(g => g.CreatedOn).ThenBy(g => g.Outcome).ToListAsync();
        // A goal's link is written only when it leads somewhere in the file (a removed milestone leaves a stale id behind).
        var milestoneIds = roadmaps.SelectMany(r => r.Milestones.Select(m => (r.Id, m.Id))).ToHashSet();
        var roadmapIds = roadmaps.Select(r => r.Id).ToHashSet();
        return new AccountExport(
            AccountExport.FormatName,
            AccountExport.CurrentVersion,
            clock.GetUtcNow().UtcDateTime,
            new(user.Email, user.DisplayName, user.CurrentRoleSlug),
            audits.Select(a => new AccountExport.AuditData(a.Status, a.CurrentRoleSlug, a.StartedAtUtc, a.CompletedAtUtc,
                a.Ratings.Select(r => new AccountExport.RatingData(r.SkillSlug, r.Level.Value, r.Evidence)).ToList())).ToList(),
            requests.Select(r => new AccountExport.FeedbackData(r.RespondentName, r.Relationship, r.CreatedAtUtc, r.ExpiresAtUtc, r.RevokedAtUtc, r.SubmittedAtUtc, r.Comment,
                r.Ratings.Select(x => new AccountExport.AnswerData(x.SkillSlug, x.Level?.Value)).ToList())).ToList(),
            aspiration is null ? null : new(aspiration.NextRoleSlug, aspiration.FiveYearRoleSlug, aspiration.TrackSlug, aspiration.TimeframeMonths,
                aspiration.Motivation, aspiration.WantMore, aspiration.WantLess, aspiration.Weights.ToDictionary(w => w.FactorSlug, w => w.Weight), aspiration.UpdatedAtUtc),
            roadmaps.Select(r => new AccountExport.RoadmapData(r.Name, r.StartRoleSlug, r.TargetRoleSlug, r.TrackSlug, r.CreatedAtUtc,
                r.Milestones.Select(m => new AccountExport.MilestoneData(m.Title, m.TargetDate, m.ResourceSlug, m.StepRoleSlug, m.SkillSlugs.ToList(),
                    m.EstimatedCostUsd, m.EstimatedWeeks, m.CompletedOn, m.Id)).ToList(), r.Id)).ToList(),
            goals.Select(g => new AccountExport.GoalData(g.Outcome, g.Horizon, g.Mode, g.MeasureName, g.StartValue, g.TargetValue, g.Achievable,
                g.SkillSlugs.ToList(), g.TargetRoleSlug, g.Deadline, g.CreatedOn, g.Status, g.CompletedOn,
                g.Steps.Select(s => new AccountExport.StepData(s.Title, s.DueDate, s.Status)).ToList(),
                g.CheckIns.Select(c => new AccountExport.CheckInData(c.Date, c.Value, c.Note)).ToList(),
                g.RoadmapId is { } r && roadmapIds.Contains(r) ? r : null,
                g.RoadmapId is { } rm && g.MilestoneId is { } m && milestoneIds.Contains((rm, m)) ? m : null)).ToList());
    }

    /// <summary>
    /// Restores an export into the signed-in account, which must hold no data yet. Every record is checked by the
    /// domain; one bad record refuses the whole file and nothing is saved. Goals keep their links to the restored
    /// roadmaps and milestones. The account's display name stays as it is unless <paramref name="useFileDisplayName"/>
    /// asks for the file's; its current role is taken from the file only when it has none.
    /// </summary>
    public async Task<string> ImportAsync(Stream json, bool useFileDisplayName = false)
    {
        AccountExport export;
        try
        {
            export = await JsonSerializer.DeserializeAsync<AccountExport>(json, AccountExport.Json)
                ?? throw new DomainException("The file is empty.");
        }
        catch (NoNullEntriesConverter.NullEntryException ex)
        {
            throw new DomainException($"The file could not be imported: a list in it has an empty entry (null) at {ex.Location}. Nothing was imported.");
        }
        catch (JsonException ex)
        {
            throw new DomainException($"This is not a CareerPath export file ({ex.Message.Split('.')[0]}). Nothing was imported.");
        }

        if (export.Format != AccountExport.FormatName || export.Version is < 1 or > AccountExport.CurrentVersion)
        {
            throw new DomainException($"This is not a CareerPath export file this version can read (format '{export.Format}', version {export.Version}). Nothing was imported.");
        }

        await using var db = await userData.OpenAsync();

        // The emptiness check and the writes are one write transaction (Microsoft.Data.Sqlite begins it IMMEDIATE,
        // taking SQLite's write lock at once), so of several imports at once only the first finds the account empty.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.SkillAudits.AnyAsync() || await db.FeedbackRequests.AnyAsync() || await db.CareerAspirations.AnyAsync()
            || await db.Roadmaps.AnyAsync() || await db.Goals.AnyAsync())
        {
            throw new DomainException("This account already holds data. Import into a new, empty account so nothing is overwritten.");
        }

        var catalog = await catalogProvider.GetAsync();
        var owner = db.CurrentOwnerId!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        try
        {
            var user = await db.Users.FirstAsync(u => u.Id == owner);
            if (useFileDisplayName)
            {
                user.DisplayName = Guard.OptionalText(export.Profile?.DisplayName, "Your name", CareerPath.Data.Identity.ApplicationUser.DisplayNameMaxLength);
            }

            if (string.IsNullOrEmpty(user.CurrentRoleSlug) && export.Profile?.CurrentRoleSlug is { } role && catalog.FindRole(role) is not null)
            {
                user.CurrentRoleSlug = role;
            }

            foreach (var a in export.Audits ?? [])
            {
                db.SkillAudits.Add(SkillAudit.Restore(owner, a.Status, a.CurrentRoleSlug, a.StartedAtUtc, a.CompletedAtUtc,
                    (a.Ratings ?? []).Select(r => (r.Skill, r.Level, r.Evidence)), catalog));
            }

            foreach (var f in export.FeedbackRequests ?? [])
            {
                db.FeedbackRequests.Add(FeedbackRequest.Restore(owner, f.RespondentName, f.Relationship, f.CreatedAtUtc, f.ExpiresAtUtc, f.RevokedAtUtc,
                    f.SubmittedAtUtc, f.Comment, (f.Answers ?? []).Select(x => (x.Skill, x.Level)), catalog, now));
            }

            if (export.Aspiration is { } asp)
            {
                var aspiration = new CareerAspiration(owner);
                aspiration.Update(catalog, asp.NextRoleSlug, asp.FiveYearRoleSlug, asp.TrackSlug, asp.TimeframeMonths, asp.Motivation, asp.WantMore, asp.WantLess,
                    asp.Weights ?? new Dictionary<string, int>(), asp.UpdatedAtUtc is { } updated && updated <= now ? updated : now);
                db.CareerAspirations.Add(aspiration);
            }

            // The file's roadmap and milestone ids, to the restored ones (new ids), so goals keep their links.
            var roadmapIds = new Dictionary<Guid, Guid>();
            var milestoneIds = new Dictionary<(Guid Roadmap, Guid Milestone), Guid>();
            foreach (var r in export.Roadmaps ?? [])
            {
                var roadmap = Roadmap.Restore(owner, r.Name, r.StartRoleSlug, r.TargetRoleSlug, r.TrackSlug, r.CreatedAtUtc, catalog);
                if (r.Id is { } fileId && !roadmapIds.TryAdd(fileId, roadmap.Id))
                {
                    throw new DomainException($"Two roadmaps have the same id ({fileId}).");
                }

                foreach (var m in r.Milestones ?? [])
                {
                    var milestone = roadmap.RestoreMilestone(m.Title, m.TargetDate, m.ResourceSlug, m.StepRoleSlug, m.Skills ?? [], m.EstimatedCostUsd, m.EstimatedWeeks,
                        m.CompletedOn, catalog, today);
                    if (r.Id is { } roadmapId && m.Id is { } milestoneId && !milestoneIds.TryAdd((roadmapId, milestoneId), milestone.Id))
                    {
                        throw new DomainException($"Two milestones of “{roadmap.Name}” have the same id ({milestoneId}).");
                    }
                }

                db.Roadmaps.Add(roadmap);
            }

            foreach (var g in export.Goals ?? [])
            {
                // A link to nothing in the file is dropped, as the app drops a link to a roadmap or milestone since removed.
                Guid? linkedRoadmap = g.RoadmapId is { } r && roadmapIds.TryGetValue(r, out var newRoadmap) ? newRoadmap : null;
                Guid? linkedMilestone = linkedRoadmap is not null && g.MilestoneId is { } m && milestoneIds.TryGetValue((g.RoadmapId!.Value, m), out var newMilestone)
                    ? newMilestone
                    : null;
                var fields = new GoalFields(g.Outcome, g.Horizon, g.Mode, g.MeasureName, g.StartValue, g.TargetValue, g.Achievable, g.Skills ?? [],
                    linkedRoadmap, linkedMilestone, g.TargetRoleSlug, g.Deadline);
                db.Goals.Add(Goal.Restore(owner, fields, g.CreatedOn, g.Status, g.CompletedOn,
                    (g.Steps ?? []).Select(s => (s.Title, s.DueDate, s.Status)), (g.CheckIns ?? []).Select(c => (c.Date, c.Value, c.Note)), catalog, today));
            }
        }
        catch (DomainException ex)
        {
            throw new DomainException($"The file could not be imported: {ex.Message} Nothing was imported.");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // A value the domain did not anticipate (a missing field, a date at the edge of the calendar): still the file's fault.
            throw new DomainException("The file could not be imported: a value is missing, repeated or out of range. Nothing was imported.");
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return $"Imported {Format.Plural(export.Audits?.Count ?? 0, "audit")}, {Format.Plural(export.FeedbackRequests?.Count ?? 0, "feedback request")}, " +
            $"{Format.Plural(export.Roadmaps?.Count ?? 0, "roadmap")} and {Format.Plural(export.Goals?.Count ?? 0, "goal")}.";
    }
}
