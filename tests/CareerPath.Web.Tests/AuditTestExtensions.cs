using CareerPath.Data.Identity;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

internal static class AuditTestExtensions
{
    /// <summary>The user audits themselves as a product manager, every skill of their plan's framework at <paramref name="level"/>, and finishes.</summary>
    public static async Task<SkillAudit> CompleteAuditAsync(this CareerPathAppFactory app, ApplicationUser user, int level = 3)
    {
        await using var scope = app.ScopeFor(user);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var catalog = await scope.ServiceProvider.GetRequiredService<PlanCatalog>().CurrentAsync();
        var audit = await service.StartOrResumeAsync("product-manager");
        foreach (var skill in catalog.Skills)
        {
            audit = await service.RateAsync(audit.Id, audit.Version, skill.Slug, level, null);
        }

        return await service.CompleteAsync(audit.Id, audit.Version);
    }
}
