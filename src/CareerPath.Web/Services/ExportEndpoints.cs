using System.Text;
using CareerPath.Web.Features.Frameworks;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;

namespace CareerPath.Web.Services;

public static class ExportEndpoints
{
    /// <summary>Downloads of one roadmap, for its owner only (anyone else gets 404).</summary>
    public static void MapRoadmapExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/roadmap/{id:guid}/export/{format}", async (Guid id, string format, RoadmapService roadmaps, PlanCatalog plan) =>
        {
            RoadmapView view;
            try
            {
                view = await roadmaps.GetViewAsync(id);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }

            var catalog = await plan.ForVersionAsync(view.Roadmap.FrameworkVersionId);
            var name = Format.FileName(view.Roadmap.Name, "roadmap");
            return format switch
            {
                "md" => Results.File(Encoding.UTF8.GetBytes(RoadmapExport.Markdown(view, catalog)), "text/markdown; charset=utf-8", $"{name}.md"),
                "csv" => Results.File(Utf8WithBom(RoadmapExport.Csv(view)), "text/csv; charset=utf-8", $"{name}.csv"),
                "json" => Results.File(Encoding.UTF8.GetBytes(RoadmapExport.JsonDocument(view)), "application/json; charset=utf-8", $"{name}.json"),
                _ => Results.BadRequest("Choose md, csv or json."),
            };
        }).RequireAuthorization();

    /// <summary>The user's goals as an iCalendar file of deadlines and step due dates, or as CSV.</summary>
    public static void MapGoalExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/goals/export/calendar.ics", async (GoalService goals, TimeProvider clock) =>
            Results.File(Encoding.UTF8.GetBytes(GoalExport.Calendar(await goals.ListAsync(), clock.GetUtcNow().UtcDateTime)), "text/calendar; charset=utf-8", "careerpath-goals.ics"))
            .RequireAuthorization();
        endpoints.MapGet("/goals/export/goals.csv", async (GoalService goals) =>
            Results.File(Utf8WithBom(GoalExport.Csv(await goals.ListAsync(), await goals.TodayAsync())), "text/csv; charset=utf-8", "careerpath-goals.csv"))
            .RequireAuthorization();
        endpoints.MapGet("/goals/export/activity.csv", async (GoalService goals) =>
            Results.File(Utf8WithBom(GoalExport.ActivityCsv(await goals.ListAsync())), "text/csv; charset=utf-8", "careerpath-goal-steps-and-check-ins.csv"))
            .RequireAuthorization();
    }

    /// <summary>The newest version of a framework the user may see, as the app's JSON or as CSV; anyone else's personal framework is 404.</summary>
    public static void MapFrameworkExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/frameworks/{id:guid}/export/{format}", async (Guid id, string format, FrameworkService frameworks) =>
        {
            try
            {
                return await frameworks.ExportAsync(id, format) is { } file
                    // The CSV writer starts its text with the byte-order mark Excel needs.
                    ? Results.File(Encoding.UTF8.GetBytes(file.Content), file.MediaType + "; charset=utf-8", file.FileName)
                    : Results.BadRequest("Choose json or csv.");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();

    /// <summary>CSV with the UTF-8 byte-order mark, without which Excel reads accents and emoji as Windows-1252 gibberish.</summary>
    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
}
