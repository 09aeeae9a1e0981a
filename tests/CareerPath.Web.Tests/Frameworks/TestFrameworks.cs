using CareerPath.Data.Frameworks;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Frameworks;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>The framework files kept as test data (tests/TestData/frameworks, copied beside the tests) and helpers to read them.</summary>
internal static class TestFrameworks
{
    public static string Text(params string[] path) => File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "TestData", .. path]));

    public static string QcxBackend => Text("frameworks", "qcx-pt-br", "backend.md");
    public static string QcxFrontend => Text("frameworks", "qcx-pt-br", "frontend.md");
    public static string NovodaProductEngineer => Text("frameworks", "novoda-en", "product_engineer.md");
    public static string GitLabPm => Text("frameworks", "gitlab-pm-cdf", "gitlab-pm-cdf.csv");

    /// <summary>The catalog of a document that must read and build; a failure shows every problem.</summary>
    public static CareerCatalog Built(FrameworkRead read)
    {
        Assert.True(read.Problems.Count == 0, string.Join("\n", read.Problems));
        var build = FrameworkBuilder.Build(read.Document!);
        Assert.True(build.Succeeded, string.Join("\n", build.Problems));
        return build.Catalog!;
    }

    /// <summary>A checked framework exported again: what two imports of the same framework must agree on.</summary>
    public static FrameworkDocument Exported(CareerCatalog catalog) => FrameworkExport.ToDocument(catalog);

    /// <summary>The parts of a framework the CSV format carries; salaries, resources, tracks and transitions are JSON-only.</summary>
    public static string CsvPart(FrameworkDocument document) => FrameworkJson.Write(new FrameworkDocument
    {
        Scale = document.Scale,
        Ladders = document.Ladders.Where(l => document.Roles.Any(r => r.Ladder == l.Slug)).Select(l => l with { Description = null }).ToList(),
        SkillCategories = document.SkillCategories.Where(c => document.Skills.Any(s => s.Category == c.Slug)).Select(c => c with { Description = null }).ToList(),
        Skills = document.Skills,
        Roles = document.Roles.Select(r => new FrameworkDocument.RoleEntry
        {
            Slug = r.Slug,
            Name = r.Name,
            Ladder = r.Ladder,
            Seniority = r.Seniority,
            Description = r.Description,
            ExpectedSkills = r.ExpectedSkills,
        }).ToList(),
    });

    /// <summary>Asserts the read failed with a problem at <paramref name="where"/> whose message contains <paramref name="words"/>.</summary>
    public static void AssertProblem(FrameworkRead read, string where, string words)
    {
        Assert.Null(read.Document);
        Assert.True(read.Problems.Any(p => p.Where == where && p.Message.Contains(words, StringComparison.OrdinalIgnoreCase)),
            $"Expected a problem at '{where}' saying '{words}'; got:\n{string.Join("\n", read.Problems)}");
    }
}
