using System.Diagnostics;
using CareerPath.Data.Frameworks;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;

namespace CareerPath.Benchmarks;

/// <summary>
/// Importing a large framework: 50 roles (5 ladders of 10) expecting every one of 300 skills, on a 10-level scale,
/// each rubric level with a paragraph and three criteria. Written as the app's JSON and as CSV, then timed from text
/// to a checked catalog (read + FrameworkBuilder.Build), as an upload is. Target: under one second.
/// </summary>
internal static class ImportBenchmark
{
    public static void Run(int runs)
    {
        var document = Generate(ladders: 5, rolesPerLadder: 10, skills: 300, levels: 10);
        var formats = new (string Name, string Text, Func<string, FrameworkRead> Read)[]
        {
            ("JSON", FrameworkJson.Write(document), text => FrameworkJson.Read(text)),
            ("CSV", FrameworkCsv.Write(document), text => FrameworkCsv.Read(text, "Generated")),
        };

        Console.WriteLine($"Framework import: {document.Roles.Count} roles × {document.Skills.Count} skills × {document.Scale.Count} levels, {runs} runs each after 3 warm-ups");
        foreach (var (name, text, read) in formats)
        {
            for (var i = 0; i < 3; i++)
            {
                Import(read, text);
            }

            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                Import(read, text);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine($"  {name,-4} {text.Length / 1e6,5:0.00} M characters   median {times[runs / 2],6:0.0} ms   p95 {times[Math.Min(runs - 1, (int)Math.Ceiling(0.95 * runs) - 1)],6:0.0} ms   (target: < 1000 ms)");
        }
    }

    private static void Import(Func<string, FrameworkRead> read, string text)
    {
        var document = read(text).Document ?? throw new InvalidOperationException("The generated framework did not read.");
        if (!FrameworkBuilder.Build(document).Succeeded)
        {
            throw new InvalidOperationException("The generated framework did not build.");
        }
    }

    private static FrameworkDocument Generate(int ladders, int rolesPerLadder, int skills, int levels)
    {
        var random = new Random(11);
        var skillEntries = Enumerable.Range(1, skills).Select(s => new FrameworkDocument.SkillEntry(
            $"skill-{s}", $"Skill {s}", $"category-{s % 10 + 1}", $"What skill {s} is about, in a sentence or two, with a comma, and \"quotes\".",
            Enumerable.Range(1, levels).Select(l => new RubricLevel(
                $"At level {l}, skill {s} shows in work of growing scope: the person applies it, explains it, and helps others with it.",
                [$"Criterion one of level {l}", $"Criterion two of level {l}, with a comma", $"Criterion three of level {l}"])).ToList())).ToList();
        return new FrameworkDocument
        {
            Name = "Generated",
            Scale = Enumerable.Range(1, levels).Select(l => new FrameworkDocument.ScaleEntry($"Step {l}", $"What step {l} means.")).ToList(),
            Ladders = Enumerable.Range(1, ladders).Select(l => new FrameworkDocument.LadderEntry($"ladder-{l}", $"Ladder {l}")).ToList(),
            SkillCategories = Enumerable.Range(1, 10).Select(c => new FrameworkDocument.CategoryEntry($"category-{c}", $"Category {c}")).ToList(),
            Skills = skillEntries,
            Roles = Enumerable.Range(0, ladders * rolesPerLadder).Select(r => new FrameworkDocument.RoleEntry
            {
                Slug = $"role-{r + 1}",
                Name = $"Role {r + 1}",
                Ladder = $"ladder-{r / rolesPerLadder + 1}",
                Seniority = r % rolesPerLadder + 1,
                ExpectedSkills = skillEntries.ToDictionary(s => s.Slug!, _ => random.Next(1, levels + 1)),
            }).ToList(),
        };
    }
}
