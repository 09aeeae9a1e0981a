using CareerPath.Data.Frameworks;
using static CareerPath.Web.Tests.Frameworks.TestFrameworks;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>The example files the app offers for download (src/CareerPath.Web/wwwroot/frameworks) import as documented.</summary>
public sealed class FrameworkExampleTests
{
    private static string Example(string file) => Text("examples", file);

    [Fact]
    public void The_JSON_example_imports()
    {
        var catalog = Built(FrameworkJson.Read(Example("example.json")));

        Assert.Equal(["Learning", "Practising", "Leading"], catalog.Scale.Levels.Select(l => l.Name));
        Assert.Null(catalog.FindRole("junior-engineer")!.ExpectedLevel("mentoring"));
        Assert.Equal("EUR", catalog.FindRole("senior-engineer")!.Salary!.Currency);
    }

    [Fact]
    public void The_CSV_example_imports_as_the_same_framework_as_the_JSON_one()
    {
        var csv = Exported(Built(FrameworkCsv.Read(Example("example.csv"), "example")));

        Assert.Equal(CsvPart(Exported(Built(FrameworkJson.Read(Example("example.json"))))), CsvPart(csv));
    }

    [Fact]
    public void The_Markdown_example_imports()
    {
        var catalog = Built(FrameworkMarkdown.Read(Example("example.md"), "example"));

        Assert.Equal(["Junior engineer", "Engineer", "Senior engineer"], catalog.Roles.Select(r => r.Name));
        Assert.Null(catalog.FindRole("junior-engineer")!.ExpectedLevel("mentoring"));
        Assert.Equal(["Writes code that is easy to change", "Adds tests that explain the code"], catalog.FindSkill("code-quality")!.Rubric[1].Criteria);
    }
}

/// <summary>The app offers the example files for download, as docs/frameworks.md says.</summary>
[Collection(AppCollection.Name)]
public sealed class FrameworkExampleDownloadTests(CareerPathAppFactory app)
{
    [Theory]
    [InlineData("example.json", "application/json")]
    [InlineData("example.csv", "text/csv")]
    [InlineData("example.md", "text/markdown")]
    public async Task Each_example_is_served_as_it_is_kept(string file, string mediaType)
    {
        var response = await app.CreateClient().GetAsync($"/frameworks/{file}");

        response.EnsureSuccessStatusCode();
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFrameworks.Text("examples", file), await response.Content.ReadAsStringAsync());
    }
}
