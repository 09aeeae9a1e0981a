using System.Text.Json.Nodes;
using CareerPath.Data.Frameworks;
using CareerPath.Domain.Frameworks;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>Files made to hurt the server: each gets a problem in words, quickly, and nothing else happens.</summary>
public sealed class FrameworkAbuseTests
{
    [Fact]
    public void Deeply_nested_front_matter_is_refused_before_it_can_overflow_the_stack()
    {
        // YamlStream builds nodes recursively: 200,000 levels would end the process, which no catch can stop.
        var read = FrameworkMarkdown.Read("---\n" + new string('[', 200_000) + "\n---\n");

        var problem = Assert.Single(read.Problems);
        Assert.Null(read.Document);
        Assert.Equal(("line 2", "The front matter is nested more than 16 levels deep, which no framework needs."), (problem.Where, problem.Message));
    }

    [Fact]
    public void Yaml_anchors_and_aliases_are_refused_so_one_small_file_cannot_become_a_huge_framework()
    {
        var yaml = """
            ---
            levels: 3
            topics:
              - name: "one"
                title: "One"
                content: &levels
                  - level: 1
                    criteria: ["a"]
              - name: "two"
                title: "Two"
                content: *levels
            ---
            """;

        var problem = Assert.Single(FrameworkMarkdown.Read(yaml).Problems);

        Assert.Equal("line 6", problem.Where);
        Assert.StartsWith("YAML anchors (&) and aliases (*) are not supported", problem.Message);
    }

    [Fact]
    public void Two_topics_whose_names_give_one_key_are_a_problem_on_their_lines_not_a_crash()
    {
        var yaml = """
            ---
            levels: 3
            topics:
              - name: "comunicação"
                title: "Comunicação"
                content:
                  - level: 1
                    criteria: ["Fala"]
              - name: "comunicacao"
                title: "Comunicacao"
                content:
                  - level: 2
                    criteria: ["Escreve"]
            ---
            """;

        var problem = Assert.Single(FrameworkMarkdown.Read(yaml).Problems);

        Assert.Equal(("line 9", "The topics on lines 4 and 9 both have the key 'comunicacao': give one of them a different name."), (problem.Where, problem.Message));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_sheet_of_a_million_quotes_reads_in_time_proportional_to_its_size()
    {
        // Reading one cell's text at every quote made this take hours; now it is one pass.
        var read = await Task.Run(() => FrameworkCsv.Read("Skill,Level: A\na" + new string('"', 1_000_000)));

        Assert.Null(read.Document);
        Assert.NotEmpty(read.Problems);
    }

    [Fact]
    public void A_header_far_wider_than_any_framework_is_one_problem()
    {
        var read = FrameworkCsv.Read(string.Join(',', Enumerable.Repeat("a", 100_000)) + "\n");

        var problem = Assert.Single(read.Problems);
        Assert.Equal("line 1", problem.Where);
        Assert.StartsWith("The header row has 100,000 columns; a framework sheet has at most 515", problem.Message);
    }

    [Fact]
    public void At_most_a_hundred_problems_are_listed_with_a_count_of_the_rest()
    {
        var json = JsonNode.Parse(File.ReadAllText(Services.CatalogFile.Resolve(null)))!;
        var expected = new JsonObject();
        for (var i = 0; i < 500; i++)
        {
            expected[$"no-such-skill-{i}"] = 1;
        }

        json["roles"]![0]!["expectedSkills"] = expected;

        var build = FrameworkBuilder.Build(FrameworkJson.Read(json.ToJsonString()).Document!);

        Assert.Equal(FrameworkBuilder.MaxProblems + 1, build.Problems.Count);
        Assert.Equal("…and 400 more problems; fix these first and import again.", build.Problems[^1].Message);
    }

    [Fact]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text_and_read_back_unchanged()
    {
        var document = FrameworkExport.ToDocument(TestFrameworks.Built(FrameworkCsv.Read(
            "Skill,Level: A,Level: B,Level: C,Role: Lead\n'=SUM(A1),x,y,z,1\n'@cmd,x,y,z,2\n'+1 more,x,y,z,3\n", "sheet")));
        Assert.Equal(["=SUM(A1)", "@cmd", "+1 more"], document.Skills.Select(s => s.Name));

        var sheet = FrameworkCsv.Write(document);

        Assert.Contains("\n'=SUM(A1),", sheet, StringComparison.Ordinal);
        Assert.Contains("\n'@cmd,", sheet, StringComparison.Ordinal);
        Assert.Contains("\n'+1 more,", sheet, StringComparison.Ordinal);
        var again = FrameworkExport.ToDocument(TestFrameworks.Built(FrameworkCsv.Read(sheet, "sheet")));
        Assert.Equal(FrameworkJson.Write(document), FrameworkJson.Write(again));
    }
}
