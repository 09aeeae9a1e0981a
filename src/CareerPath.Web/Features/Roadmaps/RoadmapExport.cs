using System.Globalization;
using System.Text;
using System.Text.Json;
using CareerPath.Domain.Catalog;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Services;

namespace CareerPath.Web.Features.Roadmaps;

/// <summary>A roadmap as Markdown, CSV (milestones) or JSON (the whole plan).</summary>
public static class RoadmapExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new UtcDateTimeConverter() } };

    /// <summary>
    /// What the roadmap page shows, as a document: the forecast, the plan, and per step the salary, the gaps and the
    /// suggested actions. Every text that is not the export's own (names, titles, catalog text) is made inert by
    /// <see cref="MarkdownText"/>.
    /// </summary>
    public static string Markdown(RoadmapView view, CareerCatalog catalog)
    {
        var roadmap = view.Roadmap;
        var md = new StringBuilder();
        md.AppendLine($"# {MarkdownText.Inline(roadmap.Name)}").AppendLine();
        md.AppendLine($"From **{MarkdownText.Inline(RoleName(catalog, roadmap.StartRoleSlug))}** to **{MarkdownText.Inline(RoleName(catalog, roadmap.TargetRoleSlug))}**, as of {view.Today:d MMMM yyyy}.").AppendLine();
        md.AppendLine($"Path: {string.Join(" → ", view.Path.Roles.Select(r => MarkdownText.Inline(r.Name)))}").AppendLine();

        md.AppendLine("## Forecast").AppendLine();
        foreach (var fact in Facts(view))
        {
            md.AppendLine($"- **{fact.Label}:** {MarkdownText.Inline(fact.Value)} ({MarkdownText.Inline(fact.Note)})");
        }

        md.AppendLine().AppendLine("## Your plan").AppendLine();
        if (roadmap.Milestones.Count == 0)
        {
            md.AppendLine("No milestones yet.").AppendLine();
        }
        else
        {
            md.AppendLine("| # | Milestone | Target date | Status | Est. cost | Est. time |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var (m, i) in roadmap.Milestones.Select((m, i) => (m, i + 1)))
            {
                md.AppendLine($"| {i} | {MarkdownText.Inline(m.Title)} | {m.TargetDate:yyyy-MM-dd} | {Status(m)} | {Format.Money(m.EstimatedCostUsd)} | {Format.Weeks(m.EstimatedWeeks)} |");
            }

            md.AppendLine();
        }

        if (view.Plan is { } plan)
        {
            md.AppendLine("## Step by step").AppendLine();
            foreach (var (step, index) in plan.Steps.Select((s, i) => (s, i + 1)))
            {
                md.AppendLine($"### {index}. {MarkdownText.Inline(step.From.Name)} → {MarkdownText.Inline(step.Role.Name)}").AppendLine();
                md.AppendLine($"Salary: {MarkdownText.Inline(Format.Salary(step.Role.Salary))}. Typically {Format.Months(step.EstimatedMonthsBefore)} as {MarkdownText.Inline(step.From.Name)} first.").AppendLine();
                if (step.Gaps.Count == 0)
                {
                    md.AppendLine($"No gaps: your skills already meet what {MarkdownText.Inline(step.Role.Name)} expects.").AppendLine();
                    continue;
                }

                md.AppendLine("Gaps to close:").AppendLine();
                foreach (var gap in step.Gaps)
                {
                    md.AppendLine($"- {MarkdownText.Inline(gap.Skill.Name)}: level {gap.FromLevel} → {gap.RequiredLevel}");
                }

                md.AppendLine().AppendLine("Suggested actions:").AppendLine();
                if (step.Suggestions.Count == 0)
                {
                    md.AppendLine("- The catalog has no growth resource for these gaps.");
                }

                foreach (var suggestion in step.Suggestions)
                {
                    var inPlan = roadmap.HasInPlan(suggestion.Resource.Slug, step.Role.Slug);
                    md.AppendLine($"- {MarkdownText.Inline(suggestion.Resource.Name)} ({Format.Kind(suggestion.Resource.Kind)}, {Format.Weeks(suggestion.Resource.TypicalWeeks)}, {Format.Cost(suggestion.Resource.ApproxCostUsd)}){(inPlan ? ", in your plan" : "")}: {MarkdownText.Inline(suggestion.Reason)}");
                }

                md.AppendLine();
            }
        }
        else
        {
            md.AppendLine("Gaps and suggested actions appear once you have finished a skill audit.").AppendLine();
        }

        md.AppendLine("Costs, durations, salaries and times in role are estimates.");
        return md.ToString();
    }

    /// <summary>A label, a value and what it rests on: the roadmap page's figures, for documents.</summary>
    public sealed record Fact(string Label, string Value, string Note);

    /// <summary>The forecast figures the roadmap page shows, worded for a document (no instructions to click anything).</summary>
    public static IReadOnlyList<Fact> Facts(RoadmapView view)
    {
        var forecast = view.Forecast;
        var startRole = view.Path.Roles.FirstOrDefault()?.Name;
        return
        [
            new("Ready by (your plan)", forecast?.FromMilestones?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "–",
                forecast?.FromMilestones is null ? "no unfinished milestones with dates" : "the latest target date of your unfinished milestones"),
            new("Ready by (your pace)", forecast?.FromProgress?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "–",
                forecast?.PaceNote ?? "needs a finished skill audit"),
            new("Typical time to target", Format.Months(view.TypicalMonthsToTarget),
                view.MonthsInStartRole is { } held ? $"catalog estimate, after {Format.Months(held)} already as {startRole}" : "catalog estimate"),
            new("Plan cost and time", Format.Money(view.PlannedCostUsd), $"{view.PlannedTime}, estimates"),
        ];
    }

    private static string Status(Domain.Roadmaps.Milestone m) =>
        m.IsDone ? $"done {m.CompletedOn:yyyy-MM-dd}" : m.InParallel ? "open, alongside" : "open";

    public static string Csv(RoadmapView view)
    {
        var csv = new StringBuilder();
        csv.Append("Position,Title,TargetDate,Status,Alongside,CompletedOn,Skills,EstimatedCostUsd,EstimatedWeeks\r\n");
        foreach (var (m, i) in view.Roadmap.Milestones.Select((m, i) => (m, i + 1)))
        {
            csv.Append(string.Join(",",
                i.ToString(CultureInfo.InvariantCulture),
                GoalExport.Csv(m.Title),
                m.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.IsDone ? "done" : "open",
                m.InParallel ? "yes" : "no",
                m.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                GoalExport.Csv(string.Join(" ", m.SkillSlugs)),
                m.EstimatedCostUsd.ToString(CultureInfo.InvariantCulture),
                m.EstimatedWeeks.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string JsonDocument(RoadmapView view)
    {
        var roadmap = view.Roadmap;
        return JsonSerializer.Serialize(new
        {
            roadmap.Id,
            roadmap.Name,
            roadmap.StartRoleSlug,
            roadmap.TargetRoleSlug,
            roadmap.TrackSlug,
            roadmap.CreatedAtUtc,
            path = view.Path.Roles.Select(r => r.Slug),
            steps = view.Plan?.Steps.Select(s => new
            {
                role = s.Role.Slug,
                estimatedMonthsBefore = s.EstimatedMonthsBefore,
                salary = s.Role.Salary is null ? null : new { s.Role.Salary.Min, s.Role.Salary.Max, s.Role.Salary.Currency },
                gaps = s.Gaps.Select(g => new { skill = g.Skill.Slug, from = g.FromLevel, required = g.RequiredLevel }),
                suggestions = s.Suggestions.Select(x => new { resource = x.Resource.Slug, kind = x.Resource.Kind.ToString(), closes = x.Closes.Select(g => g.Skill.Slug), x.Reason }),
            }),
            milestones = roadmap.Milestones.Select(m => new
            {
                m.Id,
                m.Title,
                m.TargetDate,
                m.CompletedOn,
                m.ResourceSlug,
                m.StepRoleSlug,
                skills = m.SkillSlugs,
                m.EstimatedCostUsd,
                m.EstimatedWeeks,
                m.InParallel,
            }),
            typicalMonthsToTarget = view.TypicalMonthsToTarget,
            monthsInStartRole = view.MonthsInStartRole,
            forecast = view.Forecast,
        }, Json);
    }

    private static string RoleName(CareerCatalog catalog, string slug) => catalog.FindRole(slug)?.Name ?? slug;
}
