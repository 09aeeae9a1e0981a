using System.Text.Json;
using System.Text.Json.Serialization;
using CareerPath.Data;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Domain.Roadmaps;
using CareerPath.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Services;

/// <summary>Everything a user stored, as one versioned JSON document ("Download my data").</summary>
public sealed record AccountExport(
    string Format,
    int Version,
    DateTime ExportedAtUtc,
    AccountExport.ProfileData Profile,
    IReadOnlyList<AccountExport.AuditData> Audits,
    IReadOnlyList<AccountExport.FeedbackRoundData>? FeedbackRounds,
    AccountExport.AspirationData? Aspiration,
    IReadOnlyList<AccountExport.RoadmapData> Roadmaps,
    IReadOnlyList<AccountExport.GoalData> Goals)
{
    public const string FormatName = "careerpath-export";

    /// <summary>Version 2 holds feedback as rounds with their aggregated results only; version 1 files still import.</summary>
    public const int CurrentVersion = 2;

    /// <summary>Version 1 only: one entry per respondent. Imported as one closed round, aggregated; never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FeedbackData>? FeedbackRequests { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new NoNullEntriesConverter(), new UtcDateTimeConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public sealed record ProfileData(string? Email, string? DisplayName, string? CurrentRoleSlug, DateOnly? CurrentRoleSince = null, string? TimeZone = null);

    public sealed record RatingData(string Skill, int Level, string? Evidence);

    /// <param name="FrameworkVersionId">The framework version the record was made against (each record below names its own).</param>
    /// <param name="ScaleLevels">The size of that version's rating scale: a file is not read on a scale of another size.</param>
    public sealed record AuditData(AuditStatus Status, string CurrentRoleSlug, DateTime StartedAtUtc, DateTime? CompletedAtUtc, IReadOnlyList<RatingData> Ratings,
        Guid? FrameworkVersionId = null, int? ScaleLevels = null);

    public sealed record AnswerData(string Skill, int? Level);

    /// <summary>A link that was sent: to whom, and what became of it. Never the answers.</summary>
    public sealed record FeedbackLinkData(string RespondentName, Relationship Relationship, DateTime CreatedAtUtc, FeedbackStatus Status,
        DateTime? AnsweredAtUtc, DateTime? RevokedAtUtc);

    /// <summary>One column of results as the page shows it; no relationship means "all others".</summary>
    public sealed record FeedbackGroupData(Relationship? Relationship, int Responses, IReadOnlyDictionary<string, double> Averages);

    public sealed record FeedbackResultsData(int Answers, IReadOnlyList<FeedbackGroupData> Groups, IReadOnlyList<string> Comments);

    public sealed record FeedbackRoundData(string Name, DateTime CreatedAtUtc, DateTime ClosesAtUtc, DateTime? ClosedAtUtc,
        IReadOnlyList<FeedbackLinkData> Links, FeedbackResultsData? Results, Guid? FrameworkVersionId = null, int? ScaleLevels = null);

    public sealed record FeedbackData(string RespondentName, Relationship Relationship, DateTime CreatedAtUtc, DateTime ExpiresAtUtc,
        DateTime? RevokedAtUtc, DateTime? SubmittedAtUtc, string? Comment, IReadOnlyList<AnswerData> Answers);

    public sealed record AspirationData(string? NextRoleSlug, string? FiveYearRoleSlug, string? TrackSlug, int? TimeframeMonths,
        string? Motivation, string? WantMore, string? WantLess, IReadOnlyDictionary<string, int> Weights, DateTime? UpdatedAtUtc = null);

    /// <param name="Id">Only for goals to refer to; a restored milestone gets a new id.</param>
    public sealed record MilestoneData(string Title, DateOnly TargetDate, string? ResourceSlug, string? StepRoleSlug, IReadOnlyList<string> Skills,
        int EstimatedCostUsd, int EstimatedWeeks, DateOnly? CompletedOn, Guid? Id = null, bool InParallel = false);

    /// <param name="Id">Only for goals to refer to; a restored roadmap gets a new id.</param>
    public sealed record RoadmapData(string Name, string StartRoleSlug, string TargetRoleSlug, string? TrackSlug, DateTime CreatedAtUtc, IReadOnlyList<MilestoneData> Milestones,
        Guid? Id = null, Guid? FrameworkVersionId = null, int? ScaleLevels = null);

    public sealed record StepData(string Title, DateOnly DueDate, StepStatus Status);

    public sealed record CheckInData(DateOnly Date, decimal? Value, string? Note);

    /// <param name="RoadmapId">The <see cref="RoadmapData.Id"/> of the roadmap the goal is linked to, if any.</param>
    /// <param name="MilestoneId">The <see cref="MilestoneData.Id"/> of that roadmap's milestone, if any.</param>
    public sealed record GoalData(string Outcome, GoalHorizon Horizon, ProgressMode Mode, string? MeasureName, decimal? StartValue, decimal? TargetValue,
        string? Achievable, IReadOnlyList<string> Skills, string? TargetRoleSlug, DateOnly? Deadline, DateOnly CreatedOn, GoalStatus Status,
        DateOnly? CompletedOn, IReadOnlyList<StepData> Steps, IReadOnlyList<CheckInData> CheckIns, Guid? RoadmapId = null, Guid? MilestoneId = null,
        Guid? FrameworkVersionId = null, int? ScaleLevels = null);
}

/// <summary>Exports all of a user's data and restores such an export into an empty account.</summary>
public sealed class AccountDataService(UserData userData, PlanCatalog plan, TimeProvider clock)
{
    public const int MaxImportBytes = 5 * 1024 * 1024;

    public async Task<AccountExport> ExportAsync()
    {
        await using var db = await userData.OpenAsync();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == db.CurrentOwnerId);
        var audits = await db.SkillAudits.AsNoTracking().OrderBy(a => a.StartedAtUtc).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await FeedbackRounds.CloseDueAsync(db, plan.ForVersionAsync, now);
        var rounds = await db.FeedbackRounds.AsNoTracking().AsSplitQuery().Include(r => r.Requests).OrderBy(r => r.CreatedAtUtc).ToListAsync();
        var aspiration = await db.CareerAspirations.AsNoTracking().FirstOrDefaultAsync();
        var roadmaps = await db.Roadmaps.AsNoTracking().OrderBy(r => r.CreatedAtUtc).ToListAsync();
        // Goals set on the same day keep one order, so two exports of the same data read the same.
        var goals = await db.Goals.AsNoTracking().OrderBy(g => g.CreatedOn).ThenBy(g => g.Outcome).ToListAsync();
        // A goal's link is written only when it leads somewhere in the file (a removed milestone leaves a stale id behind).
        var milestoneIds = roadmaps.SelectMany(r => r.Milestones.Select(m => (r.Id, m.Id))).ToHashSet();
        var roadmapIds = roadmaps.Select(r => r.Id).ToHashSet();
        // Each record names the framework version it was made against and its scale's size, so a plan that moved
        // between frameworks is restored record by record, never all on one framework.
        var catalogs = await plan.ForVersionsAsync(audits.Select(a => a.FrameworkVersionId).Concat(rounds.Select(r => r.FrameworkVersionId))
            .Concat(roadmaps.Select(r => r.FrameworkVersionId)).Concat(goals.Select(g => g.FrameworkVersionId)));
        int Scale(Guid? versionId) => catalogs[versionId].Scale.Count;
        return new AccountExport(
            AccountExport.FormatName,
            AccountExport.CurrentVersion,
            now,
            new(user.Email, user.DisplayName, user.CurrentRoleSlug, user.CurrentRoleSince, user.TimeZone),
            audits.Select(a => new AccountExport.AuditData(a.Status, a.CurrentRoleSlug, a.StartedAtUtc, a.CompletedAtUtc,
                a.Ratings.Select(r => new AccountExport.RatingData(r.SkillSlug, r.Level.Value, r.Evidence)).ToList(), a.FrameworkVersionId, Scale(a.FrameworkVersionId))).ToList(),
            rounds.Select(r => ExportRound(r, now) with { FrameworkVersionId = r.FrameworkVersionId, ScaleLevels = Scale(r.FrameworkVersionId) }).ToList(),
            aspiration is null ? null : new(aspiration.NextRoleSlug, aspiration.FiveYearRoleSlug, aspiration.TrackSlug, aspiration.TimeframeMonths,
                aspiration.Motivation, aspiration.WantMore, aspiration.WantLess, aspiration.Weights.ToDictionary(w => w.FactorSlug, w => w.Weight), aspiration.UpdatedAtUtc),
            roadmaps.Select(r => new AccountExport.RoadmapData(r.Name, r.StartRoleSlug, r.TargetRoleSlug, r.TrackSlug, r.CreatedAtUtc,
                r.Milestones.Select(m => new AccountExport.MilestoneData(m.Title, m.TargetDate, m.ResourceSlug, m.StepRoleSlug, m.SkillSlugs.ToList(),
                    m.EstimatedCostUsd, m.EstimatedWeeks, m.CompletedOn, m.Id, m.InParallel)).ToList(), r.Id, r.FrameworkVersionId, Scale(r.FrameworkVersionId))).ToList(),
            goals.Select(g => new AccountExport.GoalData(g.Outcome, g.Horizon, g.Mode, g.MeasureName, g.StartValue, g.TargetValue, g.Achievable,
                g.SkillSlugs.ToList(), g.TargetRoleSlug, g.Deadline, g.CreatedOn, g.Status, g.CompletedOn,
                g.Steps.Select(s => new AccountExport.StepData(s.Title, s.DueDate, s.Status)).ToList(),
                g.CheckIns.Select(c => new AccountExport.CheckInData(c.Date, c.Value, c.Note)).ToList(),
                g.RoadmapId is { } r && roadmapIds.Contains(r) ? r : null,
                g.RoadmapId is { } rm && g.MilestoneId is { } m && milestoneIds.Contains((rm, m)) ? m : null,
                g.FrameworkVersionId, Scale(g.FrameworkVersionId))).ToList());
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
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        if (await db.SkillAudits.AnyAsync() || await db.FeedbackRounds.AnyAsync() || await db.CareerAspirations.AnyAsync()
            || await db.Roadmaps.AnyAsync() || await db.Goals.AnyAsync())
        {
            throw new DomainException("This account already holds data. Import into a new, empty account so nothing is overwritten.");
        }

        var catalog = await plan.CurrentAsync();
        var owner = db.CurrentOwnerId!;
        // A record is restored on the framework version it names when this server has it and the user may plan
        // against it (a server framework, or their own); otherwise on the plan's framework, if its scale has the size
        // the record was rated on. Files from before versions name none and are read on the plan's framework.
        var named = (export.Audits ?? []).Select(a => a?.FrameworkVersionId).Concat((export.FeedbackRounds ?? []).Select(r => r?.FrameworkVersionId))
            .Concat((export.Roadmaps ?? []).Select(r => r?.FrameworkVersionId)).Concat((export.Goals ?? []).Select(g => g?.FrameworkVersionId))
            .OfType<Guid>().Distinct().ToList();
        var usable = await db.FrameworkVersions.Where(v => named.Contains(v.Id))
            .Where(v => db.Frameworks.Any(f => f.Id == v.FrameworkId && (f.OwnerId == null || f.OwnerId == owner)))
            .Select(v => v.Id).ToListAsync();
        var catalogs = new Dictionary<Guid, Domain.Catalog.CareerCatalog>();
        foreach (var id in usable)
        {
            catalogs[id] = await plan.ForVersionAsync(id);
        }

        Domain.Catalog.CareerCatalog On(Guid? versionId, int? scaleLevels, string what) =>
            versionId is { } id && catalogs.TryGetValue(id, out var own) ? own
            : scaleLevels is { } levels && levels != catalog.Scale.Count
                ? throw new DomainException($"{what} was rated on a scale of {levels} levels, on a framework this account cannot use, and the framework your plan uses has {catalog.Scale.Count}. Plan against a framework with {levels} levels, then import again.")
                : catalog;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var user = await db.Users.FirstAsync(u => u.Id == owner);
            // The user's own day, as their forms used it: east of UTC a goal set this morning is not "after today".
            var today = UserTimeZone.Today(clock.GetUtcNow(), user.TimeZone ?? export.Profile?.TimeZone);
            if (useFileDisplayName)
            {
                user.DisplayName = Guard.OptionalText(export.Profile?.DisplayName, "Your name", CareerPath.Data.Identity.ApplicationUser.DisplayNameMaxLength);
            }

            if (string.IsNullOrEmpty(user.CurrentRoleSlug) && export.Profile?.CurrentRoleSlug is { } role && catalog.FindRole(role) is not null)
            {
                user.CurrentRoleSlug = role;
                user.CurrentRoleSince = export.Profile.CurrentRoleSince is { } since ? TypicalTime.CheckRoleStart(since, today) : null;
            }

            // The zone this account already has wins; a file's zone fills a gap, if this machine knows it.
            user.TimeZone ??= UserTimeZone.Find(export.Profile?.TimeZone)?.Id;

            foreach (var a in export.Audits ?? [])
            {
                db.SkillAudits.Add(SkillAudit.Restore(owner, a.Status, a.CurrentRoleSlug, a.StartedAtUtc, a.CompletedAtUtc,
                    (a.Ratings ?? []).Select(r => (r.Skill, r.Level, r.Evidence)), On(a.FrameworkVersionId, a.ScaleLevels, $"The audit started {a.StartedAtUtc:d MMM yyyy}")));
            }

            foreach (var round in ImportRounds(export, owner, catalog, On, now))
            {
                db.FeedbackRounds.Add(round);
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
                var roadmapCatalog = On(r.FrameworkVersionId, r.ScaleLevels, $"The roadmap '{r.Name}'");
                var roadmap = Roadmap.Restore(owner, r.Name, r.StartRoleSlug, r.TargetRoleSlug, r.TrackSlug, r.CreatedAtUtc, roadmapCatalog);
                if (r.Id is { } fileId && !roadmapIds.TryAdd(fileId, roadmap.Id))
                {
                    throw new DomainException($"Two roadmaps have the same id ({fileId}).");
                }

                foreach (var m in r.Milestones ?? [])
                {
                    var milestone = roadmap.RestoreMilestone(m.Title, m.TargetDate, m.ResourceSlug, m.StepRoleSlug, m.Skills ?? [], m.EstimatedCostUsd, m.EstimatedWeeks,
                        m.CompletedOn, roadmapCatalog, today, m.InParallel);
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
                    (g.Steps ?? []).Select(s => (s.Title, s.DueDate, s.Status)), (g.CheckIns ?? []).Select(c => (c.Date, c.Value, c.Note)),
                    On(g.FrameworkVersionId, g.ScaleLevels, $"The goal '{g.Outcome}'"), today));
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
        return $"Imported {Format.Plural(export.Audits?.Count ?? 0, "audit")}, {Format.Plural(export.FeedbackRounds?.Count ?? (export.FeedbackRequests is { Count: > 0 } ? 1 : 0), "feedback round")}, " +
            $"{Format.Plural(export.Roadmaps?.Count ?? 0, "roadmap")} and {Format.Plural(export.Goals?.Count ?? 0, "goal")}.";
    }

    private static AccountExport.FeedbackRoundData ExportRound(FeedbackRound round, DateTime now)
    {
        var results = round.Results();
        return new AccountExport.FeedbackRoundData(round.Name, round.CreatedAtUtc, round.ClosesAtUtc, round.ClosedAtUtc,
            round.Requests.OrderBy(r => r.CreatedAtUtc)
                .Select(r => new AccountExport.FeedbackLinkData(r.RespondentName, r.Relationship, r.CreatedAtUtc, r.StatusAt(now), r.SubmittedAtUtc, r.RevokedAtUtc))
                .ToList(),
            results is null ? null : new AccountExport.FeedbackResultsData(results.AnswerCount,
                results.Groups.Prepend(results.Overall).Select(g => new AccountExport.FeedbackGroupData(g.Relationship, g.Responses, g.Averages)).ToList(),
                results.Comments));
    }

    private static IEnumerable<FeedbackRound> ImportRounds(AccountExport export, string owner, Domain.Catalog.CareerCatalog catalog,
        Func<Guid?, int?, string, Domain.Catalog.CareerCatalog> catalogFor, DateTime now)
    {
        foreach (var r in export.FeedbackRounds ?? [])
        {
            var groups = r.Results?.Groups ?? [];
            if (r.Results is not null && (groups.Any(g => g is null) || groups.Count(g => g.Relationship is null) != 1))
            {
                throw new DomainException($"The results of the feedback round '{r.Name}' need exactly one \"all others\" group.");
            }

            var results = r.Results is null ? null : new FeedbackResults(r.Results.Answers,
                ToGroup(groups.Single(g => g.Relationship is null)),
                groups.Where(g => g.Relationship is not null).Select(ToGroup).ToList(),
                r.Results.Comments ?? []);
            yield return FeedbackRound.Restore(owner, r.Name, r.CreatedAtUtc, r.ClosesAtUtc, r.ClosedAtUtc,
                (r.Links ?? []).Select(l => l is null
                    ? throw new DomainException($"The feedback round '{r.Name}' has an empty link entry.")
                    : (l.RespondentName, l.Relationship, l.CreatedAtUtc, l.RevokedAtUtc, l.AnsweredAtUtc)),
                results, catalogFor(r.FrameworkVersionId, r.ScaleLevels, $"The feedback round '{r.Name}'"), now);
        }

        // A version 1 file holds each respondent's answers: they are folded into one closed round, by the same rule
        // as any round, and go no further.
        if (export.FeedbackRequests is { Count: > 0 } requests)
        {
            if (requests.Any(f => f is null))
            {
                throw new DomainException("The feedback list has an empty entry.");
            }

            var answered = requests.Where(f => f.SubmittedAtUtc is not null).ToList();
            var answers = answered.Select(f => new FeedbackAnswer(f.Relationship, CheckedAnswers(f, catalog),
                Guard.OptionalText(f.Comment, "A comment", FeedbackRequest.CommentMaxLength))).ToList();
            var created = requests.Min(f => f.CreatedAtUtc);
            var closes = requests.Max(f => f.ExpiresAtUtc);
            var closed = closes < now ? closes : now;
            var results = answers.Count >= FeedbackAggregation.MinimumGroupSize ? FeedbackAggregation.Aggregate(catalog, answers) : null;
            yield return FeedbackRound.Restore(owner, "Earlier feedback", created, closes, closed < created ? created : closed,
                requests.Select(f => (f.RespondentName, f.Relationship, f.CreatedAtUtc, f.RevokedAtUtc, f.SubmittedAtUtc)), results, catalog, now);
        }
    }

    private static Dictionary<string, int?> CheckedAnswers(AccountExport.FeedbackData request, Domain.Catalog.CareerCatalog catalog)
    {
        var levels = new Dictionary<string, int?>();
        foreach (var answer in request.Answers ?? [])
        {
            if (answer is null || catalog.FindSkill(answer.Skill) is null)
            {
                throw new DomainException($"Feedback from {request.RespondentName} rates '{answer?.Skill}', which is not a skill in the catalog.");
            }

            if (answer.Level is < 1 or > 5)
            {
                throw new DomainException($"Feedback from {request.RespondentName} rates '{answer.Skill}' {answer.Level}; levels are 1 to 5.");
            }

            if (!levels.TryAdd(answer.Skill, answer.Level))
            {
                throw new DomainException($"Feedback from {request.RespondentName} answers '{answer.Skill}' twice.");
            }
        }

        return levels;
    }

    private static FeedbackGroup ToGroup(AccountExport.FeedbackGroupData g) =>
        new(g.Relationship, g.Responses, g.Averages ?? new Dictionary<string, double>());
}
