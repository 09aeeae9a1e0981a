using CareerPath.Data.Frameworks;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;
using CareerPath.Web.Components.Shared;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Services;
using CareerPath.Web.Tests.Frameworks;

namespace CareerPath.Web.Tests;

/// <summary>
/// The audit page's shared markup is HTML written in C#: framework text (which anyone may import) must arrive as text,
/// and a radio's value is browser input, read only as a skill and a level of the framework.
/// </summary>
public sealed class AuditMarkupTests
{
    private const string Hostile = "\"><img src=x onerror=alert(1)></legend><script>alert(2)</script>";
    private const string HostileName = "\"><img src=x onerror=alert(1)>";

    [Fact]
    public void Framework_text_is_encoded_in_every_piece_of_the_audit_markup()
    {
        var seeded = FrameworkJson.Read(File.ReadAllText(CatalogFile.Resolve(null))).Document!;
        var skill = seeded.Skills[0];
        var document = seeded with
        {
            Scale = seeded.Scale.Select(l => l with { Name = HostileName + l.Name }).ToList(),
            Ladders = seeded.Ladders.Select(l => l with { Name = HostileName + l.Name }).ToList(),
            SkillCategories = seeded.SkillCategories.Select(c => c with { Name = HostileName + c.Name }).ToList(),
            Skills = [skill with
            {
                Name = HostileName,
                Description = Hostile,
                Rubric = skill.Rubric!.Select(r => new RubricLevel(Hostile + r.Description, r.Criteria)).ToList(),
            }, .. seeded.Skills.Skip(1)],
            Roles = seeded.Roles.Select(r => r with { Name = HostileName + r.Name }).ToList(),
        };
        var catalog = TestFrameworks.Built(new FrameworkRead(document, []));
        var markup = AuditMarkup.For(catalog);
        var first = markup[skill.Slug!];

        string[] pieces =
        [
            markup.RoleOptions.Value, CatalogOptions.For(catalog).Skills.Value, first.Head(null).Value, first.Head(2).Value, first.EvidenceLabel.Value,
            first.Options(1, 2, false).Value, first.Options(3, 0, true).Value, first.UnratedEvidence.Value, .. markup.CategoryHeadings.Values.Select(h => h.Value),
        ];
        foreach (var piece in pieces)
        {
            Assert.DoesNotContain("<img", piece, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", piece, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", first.Head(null).Value, StringComparison.Ordinal);
        // The legend holds the anchor "Re-rate now" links to; a category's heading holds the id its section is named by.
        Assert.StartsWith($"<legend class=\"rate__legend\" id=\"rate-{skill.Slug}\">", first.Head(2).Value, StringComparison.Ordinal);
        // A skill not rated yet: its evidence box is disabled, in markup, with no handler.
        Assert.Equal(
            $"<label for=\"evidence-{skill.Slug}\">Evidence <span class=\"muted\">(optional)</span></label><textarea id=\"evidence-{skill.Slug}\" maxlength=\"1000\" disabled></textarea>"
            + "<span class=\"field__hint\">Pick a level first, then add evidence.</span>",
            first.UnratedEvidence.Value);
        var category = seeded.SkillCategories[0];
        Assert.StartsWith($"<h2 id=\"cat-{category.Slug}\">&quot;&gt;&lt;img", markup.CategoryHeadings[category.Slug!].Value, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img", markup.RoleOptions.Value, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", CatalogOptions.For(catalog).Skills.Value, StringComparison.Ordinal);
        Assert.Same(markup.RoleOptions.Value, CatalogOptions.For(catalog).Roles.Value);
    }

    [Theory]
    [InlineData("communication|3", true, "communication", 3)]
    [InlineData("communication|1", true, "communication", 1)]
    [InlineData("communication|3|2", false, "", 0)]
    [InlineData("communication|02", true, "communication", 2)]
    [InlineData("communication|+2", false, "", 0)]
    [InlineData("communication| 2", false, "", 0)]
    [InlineData("communication|0", false, "", 0)]
    [InlineData("communication|6", false, "", 0)]
    [InlineData("no-such-skill|2", false, "", 0)]
    [InlineData("|2", false, "", 0)]
    [InlineData("communication", false, "", 0)]
    [InlineData(null, false, "", 0)]
    public void A_radio_value_is_read_only_as_a_skill_and_a_level_of_the_framework(string? value, bool read, string skill, int level)
    {
        var catalog = TestFrameworks.Built(FrameworkJson.Read(File.ReadAllText(CatalogFile.Resolve(null))));
        var markup = AuditMarkup.For(catalog);

        Assert.Equal(read, markup.TryReadRating(value, out var readSkill, out var readLevel));
        Assert.Equal(skill, readSkill);
        Assert.Equal(level, readLevel);
    }

    [Fact]
    public void Level_blocks_are_kept_to_share_only_while_the_framework_versions_budget_lasts()
    {
        var catalog = TestFrameworks.Built(FrameworkJson.Read(File.ReadAllText(CatalogFile.Resolve(null))));
        var skill = catalog.Skills[0];
        var oneBlock = new AuditMarkup.SkillMarkup(skill, catalog.Scale, 0, new AuditMarkup.SharedBudget(long.MaxValue)).Options(1, 0, false).Value.Length;

        // Room for one block and a half: the first block asked for is kept and shared, the next is built each time.
        var markup = new AuditMarkup.SkillMarkup(skill, catalog.Scale, 0, new AuditMarkup.SharedBudget(oneBlock * 3 / 2));
        Assert.Same(markup.Options(1, 0, false).Value, markup.Options(1, 0, false).Value);
        var second = markup.Options(2, 0, false).Value;
        Assert.NotSame(second, markup.Options(2, 0, false).Value);
        Assert.Equal(second, markup.Options(2, 0, false).Value);
        Assert.Same(markup.Options(1, 0, false).Value, markup.Options(1, 0, false).Value);
    }
}
