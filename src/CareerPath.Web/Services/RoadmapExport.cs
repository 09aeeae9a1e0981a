using System.Globalization;
using System.Text;
using System.Text.Json;
using CareerPath.Domain.Catalog;

namespace CareerPath.Web.Services;

/// <summary>A roadmap as Markdown, CSV (milestones) or JSON (the whole plan).</summary>
public static class RoadmapExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new UtcDateTimeConverter() } };

    /// <summary>Every text that is not the export's own (names, titles, catalog text) is made inert by <see cref="MarkdownText"/>.</summary>
    public static string Markdown(RoadmapView view, CareerCatalog catalog)
    {
        var roadmap = view.Roadmap;
        var md = new StringBuilder();
        md.AppendLine($"# {MarkdownText.Inline(roadmap.Name)}").AppendLine();
        md.AppendLine($"From **{MarkdownText.Inline(RoleName(catalog, roadmap.StartRoleSlug))}** to **{MarkdownText.Inline(RoleName(catalog, roadmap.TargetRoleSlug))}**.").AppendLine();
        md.AppendLine($"Path: {string.Join(" → ", view.Path.Roles.Select(r => MarkdownText.Inline(r.Name)))}").AppendLine();
        if (view.Forecast is { } forecast)
        {
            md.AppendLine($"Readiness: {MarkdownText.Inline(forecast.Basis)}");
            if (forecast.FromMilestones is { } planned)
            {
                md.AppendLine($"- By your milestones: {planned:d MMMM yyyy}");
            }

            if (forecast.FromProgress is { } pace)
            {
                md.AppendLine($"- At your current pace: {pace:d MMMM yyyy}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Milestones").AppendLine();
        md.AppendLine("| # | Milestone | Target date | Status | Est. cost | Est. time |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (m, i) in roadmap.Milestones.Select((m, i) => (m, i + 1)))
        {
            md.AppendLine($"| {i} | {MarkdownText.Inline(m.Title)} | {m.TargetDate:yyyy-MM-dd} | {(m.IsDone ? $"done {m.CompletedOn:yyyy-MM-dd}" : "open")} | {Format.Money(m.EstimatedCostUsd)} | {Format.Weeks(m.EstimatedWeeks)} |");
        }

        md.AppendLine().AppendLine($"Estimated total: {Format.Money(view.PlannedCostUsd)}, {Format.Weeks(view.PlannedWeeks)} of activities. Figures are rough estimates.");
        return md.ToString();
    }

    public static string Csv(RoadmapView view)
    {
        var csv = new StringBuilder();
        csv.Append("Position,Title,TargetDate,Status,CompletedOn,Skills,EstimatedCostUsd,EstimatedWeeks\r\n");
        foreach (var (m, i) in view.Roadmap.Milestones.Select((m, i) => (m, i + 1)))
        {
            csv.Append(string.Join(",",
                i.ToString(CultureInfo.InvariantCulture),
                GoalExport.Csv(m.Title),
                m.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.IsDone ? "done" : "open",
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
            }),
            forecast = view.Forecast,
        }, Json);
    }

    private static string RoleName(CareerCatalog catalog, string slug) => catalog.FindRole(slug)?.Name ?? slug;
}
