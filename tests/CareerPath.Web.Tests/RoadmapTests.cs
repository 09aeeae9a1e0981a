using System.Net;
using CareerPath.Domain.Common;
using CareerPath.Domain.Roadmaps;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class RoadmapTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task The_roadmaps_page_reads_only_what_it_shows_and_hands_it_to_the_live_page()
    {
        var (owner, other) = (await app.CreateAsync(), await app.CreateAsync());
        await using (var scope = app.ScopeFor(owner))
        {
            var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
            var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
            roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Stretch project", (await roadmaps.TodayAsync()).AddDays(30), null)).Roadmap;
            await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Shadow a TPM", (await roadmaps.TodayAsync()).AddDays(60), null);
            await roadmaps.CreateAsync("Leadership", "product-manager", "group-product-manager", null);
        }

        await using (var scope = app.ScopeFor(other))
        {
            await scope.ServiceProvider.GetRequiredService<RoadmapService>().CreateAsync("Not the owner's", "product-manager", "technical-product-manager", null);
        }

        await using (var scope = app.ScopeFor(owner))
        {
            var page = await scope.ServiceProvider.GetRequiredService<RoadmapService>().ListPageAsync();
            Assert.Equal([("To TPM", 2), ("Leadership", 0)], page.Roadmaps.Select(r => (r.Name, r.Milestones)));
        }

        var html = await (await app.SignedInClientAsync(owner)).GetStringAsync("/roadmap");
        Assert.Contains("2 milestones", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not the owner", html, StringComparison.Ordinal);
        // The prerendered page carries its data to the circuit, protected: the owner's id is in it, but not readable.
        Assert.Contains("<!--Blazor-Server-Component-State:", html, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.Id, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_roadmap_and_milestones_cannot_be_read_edited_or_deleted()
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        var roadmap = await CreateWithMilestoneAsync(owner);
        var milestone = roadmap.Milestones.Single();

        await using var scope = app.ScopeFor(intruder);
        var service = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetViewAsync(roadmap.Id));
        await Assert.ThrowsAsync<NotFoundException>(async () => await service.EditMilestoneAsync(roadmap.Id, roadmap.Version, milestone.Id, "Mine", (await service.TodayAsync()), false));
        await Assert.ThrowsAsync<NotFoundException>(() => service.CompleteMilestoneAsync(roadmap.Id, roadmap.Version, milestone.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.RemoveMilestoneAsync(roadmap.Id, roadmap.Version, milestone.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.DeleteAsync(roadmap.Id));
        Assert.Empty(await service.ListAsync());

        await using var ownerScope = app.ScopeFor(owner);
        var kept = await ownerScope.ServiceProvider.GetRequiredService<RoadmapService>().GetViewAsync(roadmap.Id);
        Assert.Equal("Ask for a stretch project", kept.Roadmap.Milestones.Single().Title);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Exports_belong_to_the_owner_and_answer_404_to_anyone_else(string format)
    {
        var (owner, intruder) = (await app.CreateAsync(), await app.CreateAsync());
        var roadmap = await CreateWithMilestoneAsync(owner);

        var mine = await (await app.SignedInClientAsync(owner)).GetAsync($"/roadmap/{roadmap.Id}/export/{format}");
        var theirs = await (await app.SignedInClientAsync(intruder)).GetAsync($"/roadmap/{roadmap.Id}/export/{format}");
        var anonymous = await app.CreateBrowserlessClient().GetAsync($"/roadmap/{roadmap.Id}/export/{format}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("Ask for a stretch project", await mine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_quotes_fields_and_defuses_formulas()
    {
        var owner = await app.CreateAsync();
        var roadmap = await CreateWithMilestoneAsync(owner, "=HYPERLINK(\"http://evil\"), \"quoted\"");

        var csv = await (await app.SignedInClientAsync(owner)).GetStringAsync($"/roadmap/{roadmap.Id}/export/csv");

        var row = csv.Split("\r\n")[1];
        Assert.StartsWith("1,\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\",", row);
    }

    [Fact]
    public async Task Bad_milestones_get_clear_messages_and_nothing_is_saved()
    {
        var owner = await app.CreateAsync();
        await using var scope = app.ScopeFor(owner);
        var service = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        var roadmap = await service.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);

        var past = await Assert.ThrowsAsync<DomainException>(async () => await service.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Course", (await service.TodayAsync()).AddDays(-1), null));
        var empty = await Assert.ThrowsAsync<DomainException>(async () => await service.AddMilestoneAsync(roadmap.Id, roadmap.Version, " ", (await service.TodayAsync()), null));
        var longTitle = await Assert.ThrowsAsync<DomainException>(async () => await service.AddMilestoneAsync(roadmap.Id, roadmap.Version, new string('x', 151), (await service.TodayAsync()), null));

        Assert.Contains("in the past", past.Message);
        Assert.Contains("required", empty.Message);
        Assert.Contains("at most 150", longTitle.Message);
        Assert.Empty((await service.GetViewAsync(roadmap.Id)).Roadmap.Milestones);
    }

    [Theory]
    [InlineData("senior-technical-product-manager", "product-manager", "less senior")]
    [InlineData("technical-product-manager", "product-manager", "no route")]
    [InlineData("product-manager", "product-manager", "already hold")]
    [InlineData("product-manager", "astronaut", "not a role")]
    public async Task A_target_that_cannot_be_reached_is_refused_with_a_clear_message(string start, string target, string message)
    {
        var owner = await app.CreateAsync();
        await using var scope = app.ScopeFor(owner);
        var service = scope.ServiceProvider.GetRequiredService<RoadmapService>();

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync("Plan", start, target, null));

        Assert.Contains(message, ex.Message);
        Assert.Empty(await service.ListAsync());
    }

    [Fact]
    public async Task Cross_ladder_roadmaps_are_computed_from_the_catalog()
    {
        var owner = await app.CreateAsync();
        await using var scope = app.ScopeFor(owner);
        var service = scope.ServiceProvider.GetRequiredService<RoadmapService>();

        var analyst = await service.CreateAsync("BA to TPM", "business-analyst", "technical-product-manager", null);
        var sideways = await service.CreateAsync("PM to TPM", "product-manager", "technical-product-manager", null);
        var senior = await service.CreateAsync("Senior TPM to VP", "senior-technical-product-manager", "vice-president-of-product-management", null);

        Assert.Equal(["business-analyst", "associate-product-manager", "technical-product-manager"], (await service.GetViewAsync(analyst.Id)).Path.Roles.Select(r => r.Slug));
        Assert.Equal(["product-manager", "technical-product-manager"], (await service.GetViewAsync(sideways.Id)).Path.Roles.Select(r => r.Slug));
        Assert.Equal(["senior-technical-product-manager", "director-of-product-management", "vice-president-of-product-management"], (await service.GetViewAsync(senior.Id)).Path.Roles.Select(r => r.Slug));
    }

    private async Task<Roadmap> CreateWithMilestoneAsync(CareerPath.Data.Identity.ApplicationUser owner, string title = "Ask for a stretch project")
    {
        await using var scope = app.ScopeFor(owner);
        var service = scope.ServiceProvider.GetRequiredService<RoadmapService>();
        var roadmap = await service.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
        return (await service.AddMilestoneAsync(roadmap.Id, roadmap.Version, title, (await service.TodayAsync()).AddDays(30), "communication")).Roadmap;
    }
}
