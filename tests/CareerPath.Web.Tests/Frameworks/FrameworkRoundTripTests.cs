using CareerPath.Data.Frameworks;
using CareerPath.Web.Services;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;
using static CareerPath.Web.Tests.Frameworks.TestFrameworks;

namespace CareerPath.Web.Tests.Frameworks;

/// <summary>Export, then import: the same framework comes back, in the app's JSON and (for the parts it carries) in CSV.</summary>
public sealed class FrameworkRoundTripTests
{
    public static TheoryData<string> Frameworks => ["seeded", "qcx-backend", "qcx-frontend", "novoda", "gitlab"];

    private static FrameworkDocument Imported(string name) => Exported(Built(name switch
    {
        "seeded" => FrameworkJson.Read(File.ReadAllText(CatalogFile.Resolve(null))),
        "qcx-backend" => FrameworkMarkdown.Read(QcxBackend),
        "qcx-frontend" => FrameworkMarkdown.Read(QcxFrontend),
        "novoda" => FrameworkMarkdown.Read(NovodaProductEngineer),
        "gitlab" => FrameworkCsv.Read(GitLabPm, "gitlab-pm-cdf"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    }));

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void JSON_export_then_import_gives_the_same_framework(string name)
    {
        var document = Imported(name);

        var again = Exported(Built(FrameworkJson.Read(FrameworkJson.Write(document))));

        Assert.Equal(FrameworkJson.Write(document), FrameworkJson.Write(again));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void CSV_export_then_import_gives_the_same_framework(string name)
    {
        var document = Imported(name);

        var again = Exported(Built(FrameworkCsv.Read(FrameworkCsv.Write(document))));

        Assert.Equal(CsvPart(document), CsvPart(again));
    }

    [Fact]
    public void The_seeded_framework_exports_to_CSV_with_its_keys()
    {
        var csv = FrameworkCsv.Write(Imported("seeded"));

        Assert.StartsWith("\uFEFFSkill,Skill key,Category,Category key,Description,Level: Aware,", csv);
        Assert.Contains("\r\n#ladder key,", csv);
        Assert.Contains("Strategic thinking and vision,strategic-thinking,Leadership,leadership,", csv);
    }

    [Fact]
    public void Text_in_any_script_round_trips()
    {
        string[] names =
        [
            "Comunicação, \"escrita\" e revisão", "Коммуникация", "التواصل الفعّال", "沟通与协作", "संचार कौशल", "Επικοινωνία",
            "👩‍💼 Liderança", "🛠️ Domínio", "=SUM(A1:A2)", "- not a criterion", " ;semi;colons; ",
        ];
        var scale = new[] { "Ніякий", "中级", "Experte\nmit Zeilenumbruch" };
        var document = new FrameworkDocument
        {
            Scale = scale.Select(s => new FrameworkDocument.ScaleEntry(s.Replace('\n', ' '), "Descrição; \"citada\"")).ToList(),
            Ladders = [new("mundo", "Ладдер 世界")],
            SkillCategories = [new("todas", "Категория ✨")],
            Skills = names.Select((n, i) => new FrameworkDocument.SkillEntry($"s-{i}", n, "todas", $"{n}\nsegunda linha",
                scale.Select(level => new RubricLevel($"{n} — {level}", [$"{level}, critério 1", "🙂 \"quoted\""])).ToList())).ToList(),
            Roles = names.Select((n, i) => new FrameworkDocument.RoleEntry
            {
                Slug = $"r-{i}", Name = n, Ladder = "mundo", Seniority = 1 + i % 10, Description = $"{n}; função",
                ExpectedSkills = new Dictionary<string, int> { [$"s-{i}"] = 1 + i % 3 },
            }).ToList(),
        };
        var original = Exported(Built(new FrameworkRead(document, [])));

        var viaCsv = Exported(Built(FrameworkCsv.Read(FrameworkCsv.Write(original))));
        var viaJson = Exported(Built(FrameworkJson.Read(FrameworkJson.Write(original))));

        Assert.Equal(CsvPart(original), CsvPart(viaCsv));
        Assert.Equal(FrameworkJson.Write(original), FrameworkJson.Write(viaJson));
        Assert.Equal("التواصل الفعّال", viaCsv.Skills[2].Name);
        Assert.Equal("=SUM(A1:A2)", viaCsv.Roles.Single(r => r.Slug == "r-8").Name);
    }
}
