using CareerPath.Data.Frameworks;
using static CareerPath.Web.Tests.Frameworks.TestFrameworks;

namespace CareerPath.Web.Tests.Frameworks;

public sealed class FrameworkMarkdownTests
{
    [Fact]
    public void QCX_backend_in_Portuguese_reads_as_six_roles_on_one_ladder()
    {
        var catalog = Built(FrameworkMarkdown.Read(QcxBackend, "backend"));

        Assert.Equal(6, catalog.Scale.Count);
        Assert.Equal(["Estagiário", "Associate", "Júnior", "Pleno", "Sênior", "Especialista"], catalog.Roles.Select(r => r.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6], catalog.Roles.Select(r => r.Seniority));
        Assert.Single(catalog.Ladders);
        Assert.Equal("🛠️ Desenvolvedor Backend", catalog.Ladders[0].Name);
        Assert.Equal(["💬 Comunicação", "💥 Impacto", "👩‍💼 Liderança", "✨ Influência", "🛠️ Domínio"], catalog.Skills.Select(s => s.Name));
        Assert.Equal("comunicacao", catalog.Skills[0].Slug);
        Assert.Equal("lideranca", catalog.Skills[2].Slug);
    }

    [Fact]
    public void CRLF_line_ends_and_a_byte_order_mark_read_the_same()
    {
        var windows = "\uFEFF" + QcxBackend.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(FrameworkJson.Write(Exported(Built(FrameworkMarkdown.Read(QcxBackend)))), FrameworkJson.Write(Exported(Built(FrameworkMarkdown.Read(windows)))));
    }

    [Fact]
    public void A_topic_that_starts_at_level_3_is_not_expected_below_it()
    {
        var catalog = Built(FrameworkMarkdown.Read(QcxBackend));
        var associate = catalog.FindRole("associate")!;
        var junior = catalog.FindRole("junior")!;

        Assert.Null(associate.ExpectedLevel("lideranca"));
        Assert.Equal(3, junior.ExpectedLevel("lideranca")!.Value.Value);
        Assert.Equal(4, catalog.FindRole("pleno")!.ExpectedLevel("comunicacao")!.Value.Value);
        var leadership = catalog.FindSkill("lideranca")!;
        Assert.Equal(FrameworkMarkdown.NotDescribed, leadership.Rubric[0].Description);
        Assert.Empty(leadership.Rubric[1].Criteria);
    }

    [Fact]
    public void Criteria_and_example_criteria_both_become_criteria_of_the_level()
    {
        var communication = Built(FrameworkMarkdown.Read(QcxBackend)).FindSkill("comunicacao")!;

        var level2 = communication.Rubric[1];
        Assert.Equal(5, level2.Criteria.Count);
        Assert.Equal("Recebe feedbacks graciosamente", level2.Criteria[1]);
        Assert.Equal("Escreve descrições de PR que fornecem contexto e raciocínio para decisões significantes", level2.Criteria[4]);
        Assert.StartsWith("Comunica de forma proativa sobre o andamento das tarefas, e se precisa de ajuda; Recebe feedbacks", level2.Description);
    }

    [Fact]
    public void An_empty_example_criteria_key_is_read_as_none()
    {
        var catalog = Built(FrameworkMarkdown.Read(QcxFrontend, "frontend"));

        Assert.Equal(6, catalog.Roles.Count);
        Assert.NotEmpty(catalog.FindSkill("dominio")!.Rubric[2].Criteria);
    }

    [Fact]
    public void Novoda_product_engineer_reads_as_three_numbered_roles()
    {
        var catalog = Built(FrameworkMarkdown.Read(NovodaProductEngineer, "product_engineer"));

        Assert.Equal(3, catalog.Scale.Count);
        Assert.Equal(["Level 1", "Level 2", "Level 3"], catalog.Scale.Levels.Select(l => l.Name));
        Assert.Equal(2, catalog.Skills.Count);
        Assert.Equal("👩‍💻 Product Engineer Framework 2", catalog.Roles[1].Name);
        var competencies = catalog.FindSkill("competencies")!;
        Assert.Equal(7, competencies.Rubric[0].Criteria.Count);
        Assert.Contains("Communicates confidently with team and understands dependencies within team", competencies.Rubric[1].Criteria);
        Assert.All(catalog.Roles, r => Assert.Equal(r.Seniority, r.ExpectedLevel("stretch-assignments")!.Value.Value));
    }

    [Fact]
    public void Bad_indentation_is_reported_on_its_line()
    {
        // Line 19, "      - level: 2", moved one space left: the list item no longer lines up with the one above.
        var text = QcxBackend.Replace("          - \"Busca orientação dos outros desenvolvedores, ao invés de respostas\"\n      - level: 2",
            "          - \"Busca orientação dos outros desenvolvedores, ao invés de respostas\"\n     - level: 2", StringComparison.Ordinal);
        Assert.NotEqual(QcxBackend, text);

        var read = FrameworkMarkdown.Read(text);

        var problem = Assert.Single(read.Problems);
        Assert.Null(read.Document);
        Assert.Equal("line 19", problem.Where);
        Assert.Contains("indentation", problem.Message);
    }

    [Fact]
    public void Two_levels_are_too_few()
    {
        var read = FrameworkMarkdown.Read(QcxBackend.Replace("levels: 6", "levels: 2", StringComparison.Ordinal));

        AssertProblem(read, "line 7", "from 3 to 10 (it is 2)");
    }

    [Fact]
    public void A_level_beyond_the_framework_is_reported_on_its_line()
    {
        var text = QcxBackend.Replace("levels: 6", "levels: 5", StringComparison.Ordinal);

        var read = FrameworkMarkdown.Read(text);

        // Every topic's "level: 6" is out of range; the first is comunicação's on line 53.
        AssertProblem(read, "line 53", "Level 6 is outside the framework's 5 levels");
        Assert.Equal(5, read.Problems.Count);
    }

    [Theory]
    [InlineData("# Just a page\n", "line 1", "does not start with front matter")]
    [InlineData("---\ntitle: x\nlevels: 3\n", "line 1", "never closed")]
    [InlineData("---\ntitle: x\ntopics:\n  - name: a\n---\n", "line 2", "no 'levels:'")]
    [InlineData("---\ntitle: x\nlevels: three\ntopics: []\n---\n", "line 3", "whole number")]
    [InlineData("---\ntitle: x\nlevels: 3\ntopics:\n  - name: a\n    content:\n      - level: 1\n        criteria: \"one\"\n---\n", "line 8", "should be a list")]
    public void Malformed_front_matter_is_explained(string text, string where, string words) =>
        AssertProblem(FrameworkMarkdown.Read(text), where, words);

    [Fact]
    public void Two_topics_with_the_same_name_are_reported_on_the_second()
    {
        var text = "---\ntitle: T\nlevels: 3\ntopics:\n  - name: a\n    title: A\n    content:\n      - level: 1\n        criteria: [\"x\"]\n" +
                   "  - name: a\n    title: A again\n    content: []\n---\n";

        AssertProblem(FrameworkMarkdown.Read(text), "line 10", "key 'a'");
    }
}
