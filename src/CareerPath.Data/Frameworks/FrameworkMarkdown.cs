using System.Globalization;
using System.Text.RegularExpressions;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CareerPath.Data.Frameworks;

/// <summary>
/// Reads the Markdown files of monzo/progression-framework and its forks: YAML front matter with <c>levels: N</c> and
/// <c>topics</c>, each topic's <c>content</c> giving criteria per level. One file is one ladder; level k is the role
/// of seniority k on it; each topic is a skill whose rubric at level k is that level's criteria (docs/frameworks.md).
/// </summary>
public static partial class FrameworkMarkdown
{
    public const string MediaType = "text/markdown";
    public const string Extension = ".md";

    /// <summary>The rubric text of a level a topic does not describe.</summary>
    public const string NotDescribed = "—";

    /// <param name="text">The file's text.</param>
    /// <param name="name">The file's name without extension: names the ladder when the front matter has no title.</param>
    public static FrameworkRead Read(string text, string? name = null)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return FrameworkRead.Failed("line 1", "The file does not start with front matter: its first line must be '---', followed by the YAML and another '---'.");
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            return FrameworkRead.Failed("line 1", "The front matter opened on line 1 is never closed: end it with a line '---'.");
        }

        var yaml = string.Join('\n', lines[1..close]);
        var stream = new YamlStream();
        try
        {
            // Checked with the streaming parser first: YamlStream builds nodes recursively (deep nesting would overflow
            // the stack and end the process) and shares aliased nodes (which the reader would copy without limit).
            if (Unsafe(yaml) is { } refused)
            {
                return refused;
            }

            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // YamlDotNet counts from the line after the opening '---'.
            return FrameworkRead.Failed($"line {ex.Start.Line + 1}",
                "This is not valid YAML: check the indentation (spaces, not tabs, lined up with the item above) and that every quote is closed.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return FrameworkRead.Failed("line 2", "The front matter should be a list of keys such as 'title:', 'levels:' and 'topics:'.");
        }

        return new Reader(root, lines[(close + 1)..], name).Read();
    }

    /// <summary>Front matter nests a few levels deep; anything far deeper is not a framework.</summary>
    private const int MaxDepth = 16;

    private static FrameworkRead? Unsafe(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            var line = $"line {parser.Current!.Start.Line + 1}";
            switch (parser.Current)
            {
                case AnchorAlias:
                case NodeEvent { Anchor.IsEmpty: false }:
                    return FrameworkRead.Failed(line, "YAML anchors (&) and aliases (*) are not supported: write each topic and level out in full.");
                case SequenceStart or MappingStart when ++depth > MaxDepth:
                    return FrameworkRead.Failed(line, $"The front matter is nested more than {MaxDepth} levels deep, which no framework needs.");
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(\d+)[.)]\s+(\S.*?)\s*$")]
    private static partial Regex OrderedItem();

    private sealed class Reader(YamlMappingNode root, string[] body, string? fileName)
    {
        private readonly List<FrameworkProblem> _problems = [];
        private readonly SourceMap _map = new();

        public FrameworkRead Read()
        {
            var levelsNode = Child(root, "levels");
            var levels = levelsNode is null ? (int?)null : Number(levelsNode, "levels");
            if (levelsNode is null)
            {
                _problems.Add(new("line 2", "The front matter has no 'levels:' (how many levels the framework has, 3 to 10)."));
            }
            else if (levels is < RatingScale.MinLevels or > RatingScale.MaxLevels)
            {
                Problem(levelsNode, $"'levels' must be from {RatingScale.MinLevels} to {RatingScale.MaxLevels} (it is {levels}).");
                levels = null;
            }

            var title = Text(Child(root, "title")) ?? Text(Child(root, "sidebarTitle")) ?? (string.IsNullOrWhiteSpace(fileName) ? FrameworkCsv.DefaultName : fileName.Trim());
            var topics = Child(root, "topics") switch
            {
                YamlSequenceNode list => list.Children,
                null => [],
                var other => Problem<IList<YamlNode>>(other, "'topics' should be a list of topics, each starting with '- name:'.", []),
            };
            if (topics.Count == 0 && _problems.Count == 0)
            {
                _problems.Add(new($"line {Line(root)}", "The front matter has no 'topics:': list at least one topic with its criteria per level."));
            }

            if (levels is not { } count || _problems.Count > 0)
            {
                return new FrameworkRead(null, _problems);
            }

            if (topics.Count > FrameworkBuilder.MaxSkills)
            {
                return FrameworkRead.Failed($"line {Line(root)}", $"The file lists {topics.Count:N0} topics; a framework can have at most {FrameworkBuilder.MaxSkills:N0} skills.");
            }

            var ladder = FrameworkKeys.FromName(title, "ladder");
            var skills = topics.Select((t, i) => ReadTopic(t, i, count, ladder)).ToList();
            // Two names can give one key ("Comunicação" and "comunicacao", "C#" and "C++"): say which, rather than fail later.
            foreach (var same in skills.Select((s, i) => (s.Entry.Slug, Line: Line(topics[i]))).GroupBy(s => s.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var places = same.Select(s => s.Line).ToList();
                _problems.Add(new($"line {places[1]}",
                    $"The topics on lines {string.Join(" and ", places)} both have the key '{same.Key}': give one of them a different name."));
            }

            if (_problems.Count > 0)
            {
                return new FrameworkRead(null, _problems);
            }

            var named = LevelNames(count);
            var roles = Enumerable.Range(1, count).Select(k =>
            {
                var roleName = named?[k - 1] ?? $"{title} {k}";
                return new FrameworkDocument.RoleEntry
                {
                    Slug = FrameworkKeys.FromName(roleName, $"{ladder}-{k}"),
                    Name = roleName,
                    Ladder = ladder,
                    Seniority = k,
                    ExpectedSkills = skills.Where(s => s.Described.Any(d => d <= k))
                        .ToDictionary(s => s.Entry.Slug!, s => s.Described.Where(d => d <= k).Max(), StringComparer.Ordinal),
                };
            }).ToList();

            _map.Add("scale", Line(levelsNode!));
            _map.Add("roles", Line(levelsNode!));
            _map.Add("ladders", Line(root));
            _map.Add(FrameworkBuilder.Whole, Line(root));
            for (var k = 0; k < count; k++)
            {
                _map.Add($"roles[{k}]", Line(levelsNode!));
            }

            for (var i = 0; i < skills.Count; i++)
            {
                for (var k = 0; k < count; k++)
                {
                    _map.Add($"roles[{k}].expectedSkills.{skills[i].Entry.Slug}", Line(topics[i]));
                }
            }

            return _map.Check(new FrameworkDocument
            {
                Name = title,
                Scale = named?.Select(n => new FrameworkDocument.ScaleEntry(n)).ToList() ?? [],
                Ladders = [new(ladder, title)],
                SkillCategories = [new(ladder, title)],
                Skills = skills.Select(s => s.Entry).ToList(),
                Roles = roles,
            });
        }

        private (FrameworkDocument.SkillEntry Entry, List<int> Described) ReadTopic(YamlNode node, int index, int levels, string category)
        {
            _map.Add($"skills[{index}]", Line(node));
            if (node is not YamlMappingNode topic)
            {
                Problem(node, "A topic should have 'name:', 'title:' and 'content:'.");
                return (new(null, null, null, null, null), []);
            }

            var key = Text(Child(topic, "name"));
            var skillName = Text(Child(topic, "title")) ?? key;
            if (skillName is null)
            {
                Problem(topic, "This topic has neither a 'name' nor a 'title'.");
            }

            var rubric = Enumerable.Repeat(new RubricLevel(NotDescribed, []), levels).ToArray();
            var described = new List<int>();
            foreach (var item in Items(topic, "content"))
            {
                if (item is not YamlMappingNode content || Child(content, "level") is not { } levelNode)
                {
                    Problem(item, "Each item of 'content' needs a 'level:' and its 'criteria:'.");
                    continue;
                }

                var level = Number(levelNode, "level");
                if (level is null)
                {
                    continue;
                }

                if (level < 1 || level > levels)
                {
                    Problem(levelNode, $"Level {level} is outside the framework's {levels} levels ('levels: {levels}').");
                    continue;
                }

                if (described.Contains(level.Value))
                {
                    Problem(levelNode, $"Level {level} of '{skillName}' is described twice; merge the two.");
                    continue;
                }

                var criteria = Items(content, "criteria").Select(c => Text(c, "criterion")).ToList();
                foreach (var example in Items(content, "exampleCriteria"))
                {
                    criteria.Add(example is YamlMappingNode e && Child(e, "criteria") is { } exampleText
                        ? Text(exampleText, "criterion")
                        : Problem<string?>(example, "An example criterion needs 'criteria:' (and optional 'examples:').", null));
                }

                var texts = criteria.OfType<string>().ToList();
                described.Add(level.Value);
                rubric[level.Value - 1] = new RubricLevel(Joined(texts), texts);
            }

            return (new(key is null ? FrameworkKeys.FromName(skillName, $"skill-{index + 1}") : FrameworkKeys.FromName(key, $"skill-{index + 1}"),
                skillName, category, null, rubric), described);
        }

        // The criteria as one description, kept within the rubric's limit: whole criteria only, then an ellipsis.
        private static string Joined(List<string> criteria)
        {
            if (criteria.Count == 0)
            {
                return NotDescribed;
            }

            var text = string.Join("; ", criteria);
            if (text.Length <= Skill.RubricTextMaxLength)
            {
                return text;
            }

            var cut = text.LastIndexOf("; ", Skill.RubricTextMaxLength - 2, StringComparison.Ordinal);
            return (cut > 0 ? text[..cut] : text[..(Skill.RubricTextMaxLength - 1)]) + "…";
        }

        // A Markdown ordered list of exactly as many items as there are levels, in the body after the front matter,
        // names the levels (QCX's "### Níveis": 1. Estagiário … 6. Especialista).
        private List<string>? LevelNames(int levels)
        {
            var run = new List<string>();
            foreach (var line in body.Append(""))
            {
                var match = OrderedItem().Match(line);
                if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) == run.Count + 1)
                {
                    run.Add(match.Groups[2].Value);
                    continue;
                }

                if (run.Count == levels)
                {
                    return run;
                }

                run = match.Success && match.Groups[1].Value == "1" ? [match.Groups[2].Value] : [];
            }

            return null;
        }

        private IList<YamlNode> Items(YamlMappingNode parent, string key) => Child(parent, key) switch
        {
            null => [],
            YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain } => [],
            YamlSequenceNode list => list.Children,
            var other => Problem<IList<YamlNode>>(other, $"'{key}' should be a list, each item on its own line starting with '- '.", []),
        };

        private static YamlNode? Child(YamlMappingNode parent, string key) =>
            parent.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static string? Text(YamlNode? node) => node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0 ? value.Trim() : null;

        private string? Text(YamlNode node, string what) =>
            node is YamlScalarNode scalar ? Text(scalar) : Problem<string?>(node, $"A {what} should be one text, in quotes.", null);

        private int? Number(YamlNode node, string key) =>
            node is YamlScalarNode { Value: { } value } && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : Problem<int?>(node, $"'{key}' should be a whole number.", null);

        // Lines in the file: YamlDotNet counts from the line after the opening '---'.
        private static int Line(YamlNode node) => (int)node.Start.Line + 1;

        private void Problem(YamlNode node, string message) => _problems.Add(new($"line {Line(node)}", message));

        private T Problem<T>(YamlNode node, string message, T result)
        {
            Problem(node, message);
            return result;
        }
    }
}
