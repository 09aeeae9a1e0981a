using CareerPath.Data.Frameworks;
using static CareerPath.Web.Tests.Frameworks.TestFrameworks;

namespace CareerPath.Web.Tests.Frameworks;

public sealed class FrameworkCsvTests
{
    // A three-level sheet with every awkward cell: commas, doubled quotes, line breaks and criteria inside quotes.
    private const string Small =
        "Skill,Category,Description,Level: Aware,Level: Practised,Level: Leading,Role: Junior PM,Role: Senior PM\r\n" +
        "Writing,Craft,\"Clear, short \"\"plain\"\" text\",Writes notes,\"Writes specs\r\n- names the problem\r\n- lists the options\",Sets the house style,1,3\r\n" +
        "Discovery,Craft,,Joins interviews,Runs interviews,Teaches interviewing,,2\r\n";

    [Fact]
    public void GitLab_PM_ladder_reads_as_four_roles_expecting_their_level()
    {
        var catalog = Built(FrameworkCsv.Read(GitLabPm, "gitlab-pm-cdf"));

        Assert.Equal(["Intermediate", "Senior", "Principal", "Senior Principal"], catalog.Scale.Levels.Select(l => l.Name));
        Assert.Equal(["Intermediate PM", "Senior PM", "Principal PM", "Senior Principal PM"], catalog.Roles.Select(r => r.Name));
        Assert.Equal(4, catalog.Skills.Count);
        Assert.Equal("Product Management", Assert.Single(catalog.Ladders).Name);
        var senior = catalog.FindRole("senior-pm")!;
        Assert.Equal(2, senior.Seniority);
        Assert.Equal(2, senior.ExpectedLevel("thought-leadership")!.Value.Value);
        Assert.StartsWith("Reports to a Director or Group Manager. Four to six years", senior.Description);
        var roadmap = catalog.FindSkill("product-roadmap-product-led-growth")!;
        Assert.Equal("Product Roadmap & Product-Led Growth", roadmap.Name);
        Assert.Equal("Adept at setting product direction for assigned product categories on a monthly cadence as informed by the stage direction.", roadmap.Rubric[0].Description);
        Assert.Equal("Capable of breaking epics into issues and issues into minimal viable changes (MVCs).", roadmap.Rubric[0].Criteria[0]);
    }

    [Fact]
    public void Quoted_cells_keep_commas_quotes_line_breaks_and_criteria()
    {
        var catalog = Built(FrameworkCsv.Read(Small, "Product"));

        var writing = catalog.FindSkill("writing")!;
        Assert.Equal("Clear, short \"plain\" text", writing.Description);
        Assert.Equal("Writes specs", writing.Rubric[1].Description);
        Assert.Equal(["names the problem", "lists the options"], writing.Rubric[1].Criteria);
        Assert.Equal("Product", Assert.Single(catalog.Ladders).Name);
        Assert.Equal([1, 2], catalog.Roles.Select(r => r.Seniority));
        Assert.Null(catalog.FindRole("junior-pm")!.ExpectedLevel("discovery"));
        Assert.Equal(3, catalog.FindRole("senior-pm")!.ExpectedLevel("writing")!.Value.Value);
    }

    [Fact]
    public void A_semicolon_sheet_from_European_Excel_with_a_byte_order_mark_reads_the_same()
    {
        var semicolons = "\uFEFF" + Small.Replace("Clear, short", "Clear; short", StringComparison.Ordinal)
            .Replace(',', ';').Replace("Clear; short", "Clear, short", StringComparison.Ordinal) + ";;;;\r\n;;\r\n";

        Assert.Equal(CsvPart(Exported(Built(FrameworkCsv.Read(Small, "Product")))), CsvPart(Exported(Built(FrameworkCsv.Read(semicolons, "Product")))));
    }

    [Fact]
    public void Excel_s_sep_line_chooses_the_separator()
    {
        var text = "sep=;\r\n" + Small.Replace(",", ";", StringComparison.Ordinal).Replace("Clear; short", "Clear, short", StringComparison.Ordinal);

        var read = FrameworkCsv.Read(text);

        Assert.Equal("Clear, short \"plain\" text", Built(read).FindSkill("writing")!.Description);
        // Lines count from the file's first line, the sep line included.
        AssertProblem(FrameworkCsv.Read(text.Replace(";1;3\r\n", ";1;x\r\n", StringComparison.Ordinal)), "line 3 (row 2), column 'Role: Senior PM'", "'x' is not a step");
    }

    [Fact]
    public void Trailing_empty_columns_and_rows_and_LF_line_ends_are_fine()
    {
        var text = Small.Replace("\r\n", ",,\n", StringComparison.Ordinal) + "\n,,,\n\n";

        Assert.Equal(2, Built(FrameworkCsv.Read(text)).Skills.Count);
    }

    [Fact]
    public void Ladder_and_seniority_rows_place_roles_on_several_ladders()
    {
        var text = "Skill,Level: A,Level: B,Level: C,Role: Analyst,Role: Lead analyst,Role: Engineer\n" +
                   "#ladder,,,,Analysis,Analysis,Engineering\n#seniority,,,,1,3,2\n# a note for people\n" +
                   "Coding,a,b,c,1,C,2\n";

        var catalog = Built(FrameworkCsv.Read(text));

        Assert.Equal(["analysis", "engineering"], catalog.Ladders.Select(l => l.Slug));
        Assert.Equal(3, catalog.FindRole("lead-analyst")!.Seniority);
        Assert.Equal(3, catalog.FindRole("lead-analyst")!.ExpectedLevel("coding")!.Value.Value);
        Assert.Equal("engineering", catalog.FindRole("engineer")!.LadderSlug);
    }

    [Fact]
    public void Names_without_Latin_letters_get_numbered_keys()
    {
        var text = "Skill,Level: 一,Level: 二,Level: 三,Role: 🚀,Role: Ärztin\nКоммуникация,a,b,c,1,2\n🎯,a,b,c,,3\n";

        var catalog = Built(FrameworkCsv.Read(text));

        Assert.Equal(["skill-1", "skill-2"], catalog.Skills.Select(s => s.Slug));
        Assert.Equal(["role-1", "arztin"], catalog.Roles.Select(r => r.Slug));
        Assert.Equal("Коммуникация", catalog.Skills[0].Name);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens()
    {
        var text = Small + "Roadmaps,Craft,\"Never closed,a,b,c,1,2\r\nMore,Craft,,a,b,c,1,2\r\n";

        var read = FrameworkCsv.Read(text);

        AssertProblem(read, "line 6 (row 4), column 'Description'", "never closed");
        Assert.Single(read.Problems);
    }

    [Fact]
    public void A_level_beyond_the_scale_is_reported_in_its_cell()
    {
        var read = FrameworkCsv.Read(Small.Replace(",1,3\r\n", ",1,7\r\n", StringComparison.Ordinal));

        AssertProblem(read, "line 2, column 'Role: Senior PM'", "level 7 of 'writing'; the scale runs from 1 to 3");
    }

    [Fact]
    public void A_level_that_is_neither_a_number_nor_a_name_is_reported_in_its_cell()
    {
        var read = FrameworkCsv.Read(Small.Replace(",,2\r\n", ",,Expert\r\n", StringComparison.Ordinal));

        AssertProblem(read, "line 5 (row 3), column 'Role: Senior PM'", "'Expert' is not a step of the scale");
    }

    [Fact]
    public void A_role_column_without_its_prefix_is_unknown()
    {
        var read = FrameworkCsv.Read(Small.Replace("Role: Senior PM", "Senior PM", StringComparison.Ordinal));

        AssertProblem(read, "line 1, column 'Senior PM'", "not one the format knows");
    }

    [Fact]
    public void A_skill_listed_twice_is_reported_on_the_second_row()
    {
        var read = FrameworkCsv.Read(Small + "writing,Craft,,a,b,c,,\r\n");

        AssertProblem(read, "line 6 (row 4), column 'Skill'", "key 'writing'");
    }

    [Fact]
    public void An_empty_rubric_cell_is_reported_in_its_cell()
    {
        var read = FrameworkCsv.Read(Small.Replace("Runs interviews", "", StringComparison.Ordinal));

        // The row above spans lines 2 to 4 (its cell has line breaks): the file's line and the sheet's row both say where.
        AssertProblem(read, "line 5 (row 3), column 'Level: Practised'", "rubric cell is empty");
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var text = Small.Replace("Runs interviews", " ", StringComparison.Ordinal).Replace(",1,3\r\n", ",one,3\r\n", StringComparison.Ordinal);

        var read = FrameworkCsv.Read(text);

        Assert.Equal(["line 2, column 'Role: Junior PM'", "line 5 (row 3), column 'Level: Practised'"], read.Problems.Select(p => p.Where).Order());
    }

    [Theory]
    [InlineData("", "line 1", "empty")]
    [InlineData("Name,Level: A,Level: B,Level: C\nx,a,b,c\n", "line 1, column 'Name'", "not one the format knows")]
    [InlineData("Skill,Role: R\nx,1\n", "line 1", "no 'Level:")]
    [InlineData("Skill,Level: A,Level: B\nx,a,b\n", "line 1", "3 to 10 levels")]
    [InlineData("Skill,Level: A,Level: B,Level: C,Role: R\n#seniority,,,,first\nx,a,b,c,1\n", "line 2, column 'Role: R'", "not a whole number")]
    [InlineData("Skill,Level: A,Level: B,Level: C,Role: R\n#ladders,,,,X\nx,a,b,c,1\n", "line 2, column 'Skill'", "not a row the format knows")]
    [InlineData("Skill,Level: A,Level: B,Level: C,Role: R\nx,a,b,c,1,stray\n", "line 2, column 'column 6'", "no header")]
    public void Malformed_sheets_are_explained(string text, string where, string words) =>
        AssertProblem(FrameworkCsv.Read(text), where, words);
}
