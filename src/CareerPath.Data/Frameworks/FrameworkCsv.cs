using System.Globalization;
using System.Text;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;

namespace CareerPath.Data.Frameworks;

/// <summary>
/// A framework as one spreadsheet (docs/frameworks.md): a row per skill with its rubric text under one
/// <c>Level: name</c> column per step of the scale, and the level each role expects under one <c>Role: name</c>
/// column per role. Optional rows starting with <c>#ladder</c>, <c>#seniority</c>, <c>#key</c>, <c>#ladder key</c>
/// and <c>#description</c> say more about the roles (and levels). It carries the scale, skills, categories, ladders,
/// roles and expectations; salaries, resources, tracks and transitions live only in the JSON format.
/// </summary>
public static class FrameworkCsv
{
    public const string MediaType = "text/csv";
    public const string Extension = ".csv";
    public const string LevelPrefix = "Level:";
    public const string RolePrefix = "Role:";

    /// <summary>The ladder, and the category, of a file that names none.</summary>
    public const string DefaultName = "Framework";

    private const string SkillColumn = "Skill";
    private const string SkillKeyColumn = "Skill key";
    private const string CategoryColumn = "Category";
    private const string CategoryKeyColumn = "Category key";
    private const string DescriptionColumn = "Description";
    private const string LadderRow = "#ladder";
    private const string LadderKeyRow = "#ladder key";
    private const string SeniorityRow = "#seniority";
    private const string KeyRow = "#key";
    private const string DescriptionRow = "#description";

    private static readonly string[] FixedColumns = [SkillColumn, SkillKeyColumn, CategoryColumn, CategoryKeyColumn, DescriptionColumn];
    private static readonly int MaxColumns = FixedColumns.Length + RatingScale.MaxLevels + FrameworkBuilder.MaxRoles;
    private static readonly string[] RowKinds = [LadderRow, LadderKeyRow, SeniorityRow, KeyRow, DescriptionRow];

    /// <summary>The header, the role rows, a row per skill, and room for notes.</summary>
    private static readonly int MaxRows = 1 + RowKinds.Length + FrameworkBuilder.MaxSkills + 100;

    /// <param name="text">The file's text, comma- or semicolon-separated, with or without a byte-order mark.</param>
    /// <param name="name">The file's name without extension: names the ladder and the category when the file gives none.</param>
    public static FrameworkRead Read(string text, string? name = null)
    {
        var (rows, unclosed) = Parse(text);
        var header = rows.FirstOrDefault();
        if (unclosed is { } open)
        {
            var column = header is not null && header.Line < open.Line ? ColumnName(header, open.Column) : null;
            return FrameworkRead.Failed(SourceMap.Place(open.Line, column, open.Row),
                "A quoted cell starts here and is never closed: add the closing double quote (\"), or double a quote that is part of the text (\"\").");
        }

        if (header is null)
        {
            return FrameworkRead.Failed("line 1", $"The file is empty: it should start with a header row such as '{SkillColumn},{CategoryColumn},{DescriptionColumn},{LevelPrefix} …,{RolePrefix} …'.");
        }

        // Bounds first, so a sheet far beyond any framework costs no more than reading it.
        if (header.Cells.Length > MaxColumns)
        {
            return FrameworkRead.Failed(SourceMap.Place(header.Line), $"The header row has {header.Cells.Length:N0} columns; a framework sheet has at most {MaxColumns:N0} "
                + $"({FixedColumns.Length} for skills, up to {RatingScale.MaxLevels} levels and up to {FrameworkBuilder.MaxRoles:N0} roles).");
        }

        if (rows.Count > MaxRows)
        {
            return FrameworkRead.Failed(SourceMap.Place(rows[MaxRows].Line), $"The sheet has {rows.Count:N0} rows; a framework has at most {FrameworkBuilder.MaxSkills:N0} skills.");
        }

        return new Reader(rows, header, string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim()).Read();
    }

    /// <summary>The document as a sheet; keys are written only where they differ from the ones derived from names.</summary>
    public static string Write(FrameworkDocument document)
    {
        var scale = document.Scale.Count > 0
            ? document.Scale
            : Enumerable.Range(1, document.Skills.FirstOrDefault()?.Rubric?.Count ?? 0).Select(i => new FrameworkDocument.ScaleEntry($"Level {i}")).ToList();
        var categories = document.SkillCategories.Where(c => c.Slug is not null).GroupBy(c => c.Slug!).ToDictionary(g => g.Key, g => g.First());
        var ladders = document.Ladders.Where(l => l.Slug is not null).GroupBy(l => l.Slug!).ToDictionary(g => g.Key, g => g.First());
        string CategoryName(string? slug) => slug is not null && categories.TryGetValue(slug, out var c) ? c.Name ?? slug : slug ?? "";
        string LadderName(string? slug) => slug is not null && ladders.TryGetValue(slug, out var l) ? l.Name ?? slug : slug ?? "";

        // Role columns ladder by ladder, so the ladders read back in the document's order.
        var ladderOrder = document.Ladders.Select(l => l.Slug).ToList();
        document = document with { Roles = document.Roles.OrderBy(r => ladderOrder.IndexOf(r.Ladder) is var i and >= 0 ? i : int.MaxValue).ToList() };
        var categoryNames = document.Skills.Select(s => CategoryName(s.Category)).Distinct().ToList();
        var ladderNames = document.Roles.Select(r => LadderName(r.Ladder)).Distinct().ToList();
        var skillKeys = document.Skills.Where((s, i) => s.Slug != FrameworkKeys.FromName(s.Name, $"skill-{i + 1}")).Any();
        var categoryKeys = document.Skills.Any(s => s.Category != FrameworkKeys.FromName(CategoryName(s.Category), $"category-{categoryNames.IndexOf(CategoryName(s.Category)) + 1}"));
        var roleKeys = document.Roles.Where((r, i) => r.Slug != FrameworkKeys.FromName(r.Name, $"role-{i + 1}")).Any();
        var ladderKeys = document.Roles.Any(r => r.Ladder != FrameworkKeys.FromName(LadderName(r.Ladder), $"ladder-{ladderNames.IndexOf(LadderName(r.Ladder)) + 1}"));
        var descriptions = scale.Any(s => !string.IsNullOrWhiteSpace(s.Description)) || document.Roles.Any(r => !string.IsNullOrWhiteSpace(r.Description));

        var fixedColumns = new List<string> { SkillColumn };
        if (skillKeys)
        {
            fixedColumns.Add(SkillKeyColumn);
        }

        fixedColumns.Add(CategoryColumn);
        if (categoryKeys)
        {
            fixedColumns.Add(CategoryKeyColumn);
        }

        fixedColumns.Add(DescriptionColumn);

        var sheet = new StringBuilder("\uFEFF");
        void Line(IEnumerable<string?> cells)
        {
            sheet.AppendJoin(',', cells.Select(Quote));
            sheet.Append("\r\n");
        }

        IEnumerable<string?> Roles(Func<FrameworkDocument.RoleEntry, string?> cell) => document.Roles.Select(cell);
        IEnumerable<string?> Blank(int count) => Enumerable.Repeat<string?>(null, count);

        Line(fixedColumns.Concat(scale.Select(s => $"{LevelPrefix} {s.Name}")).Concat(Roles(r => $"{RolePrefix} {r.Name}")));
        var before = fixedColumns.Count - 1;
        Line(new[] { LadderRow }.Concat(Blank(before + scale.Count)).Concat(Roles(r => LadderName(r.Ladder))));
        if (ladderKeys)
        {
            Line(new[] { LadderKeyRow }.Concat(Blank(before + scale.Count)).Concat(Roles(r => r.Ladder)));
        }

        Line(new[] { SeniorityRow }.Concat(Blank(before + scale.Count)).Concat(Roles(r => r.Seniority?.ToString(CultureInfo.InvariantCulture))));
        if (roleKeys)
        {
            Line(new[] { KeyRow }.Concat(Blank(before + scale.Count)).Concat(Roles(r => r.Slug)));
        }

        if (descriptions)
        {
            Line(new[] { DescriptionRow }.Concat(Blank(before)).Concat(scale.Select(s => s.Description)).Concat(Roles(r => r.Description)));
        }

        foreach (var skill in document.Skills)
        {
            var cells = new List<string?> { skill.Name };
            if (skillKeys)
            {
                cells.Add(skill.Slug);
            }

            cells.Add(CategoryName(skill.Category));
            if (categoryKeys)
            {
                cells.Add(skill.Category);
            }

            cells.Add(skill.Description);
            // One cell per step of the scale, whatever the rubric holds, so the role columns stay in line.
            var rubric = (skill.Rubric ?? []).Take(scale.Count).Select(RubricText).ToList();
            cells.AddRange(rubric);
            cells.AddRange(Blank(scale.Count - rubric.Count));
            cells.AddRange(Roles(r => r.ExpectedSkills is { } expected && skill.Slug is not null && expected.TryGetValue(skill.Slug, out var level)
                ? level.ToString(CultureInfo.InvariantCulture)
                : null));
            Line(cells);
        }

        return sheet.ToString();
    }

    // The description, then one criterion per line beginning with "- " (never the first line, which is always description).
    private static string RubricText(RubricLevel level) =>
        level.Criteria.Count == 0 ? level.Description : level.Description + "\n" + string.Join("\n", level.Criteria.Select(c => "- " + c));

    private static RubricLevel ParseRubric(string cell)
    {
        var description = new List<string>();
        var criteria = new List<string>();
        var lines = cell.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > 0 && line.StartsWith("- ", StringComparison.Ordinal))
            {
                criteria.Add(line[2..].Trim());
            }
            else if (criteria.Count > 0)
            {
                // A line without the dash continues the criterion above it.
                if (line.Trim().Length > 0)
                {
                    criteria[^1] += "\n" + line.TrimEnd();
                }
            }
            else
            {
                description.Add(line);
            }
        }

        return new RubricLevel(string.Join('\n', description).Trim(), criteria);
    }

    // Excel runs a cell that starts with one of these as a formula (a tab or carriage return first counts too, as the
    // app's other CSV exports guard it); an apostrophe in front keeps it text, and is dropped on reading.
    private static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Quote(string? cell)
    {
        var text = cell ?? "";
        if (LooksLikeFormula(text))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    private static string Unprotect(string cell) => cell.Length > 1 && cell[0] == '\'' && LooksLikeFormula(cell[1..]) ? cell[1..] : cell;

    /// <summary>A record of the sheet: the file line it starts on, its number as a spreadsheet shows it, its cells.</summary>
    private sealed record Row(int Line, int Number, string[] Cells)
    {
        public string Cell(int column) => column >= 0 && column < Cells.Length ? Cells[column] : "";

        public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
    }

    private static string ColumnName(Row header, int column) =>
        header.Cell(column).Trim() is { Length: > 0 } name ? name : $"column {column + 1}";

    // RFC 4180, tolerant of what spreadsheets write: CRLF, LF or CR line ends, a byte-order mark, Excel's "sep=;"
    // line, and semicolons for Excel set to a language whose decimal mark is a comma. Blank rows are dropped.
    private static (List<Row> Rows, (int Line, int Row, int Column)? Unclosed) Parse(string text)
    {
        var i = text.StartsWith('\uFEFF') ? 1 : 0;
        var line = 1;
        var delimiter = ',';
        if (text.AsSpan(i).StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > i + 4 && text[i + 4] is not ('\r' or '\n'))
        {
            delimiter = text[i + 4];
            i = text.IndexOf('\n', i) is var end and >= 0 ? end + 1 : text.Length;
            line = 2;
        }
        else
        {
            delimiter = Delimiter(text, i);
        }

        var rows = new List<Row>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var rowLine = line;
        var rowNumber = 1;
        var quoted = false;
        // Whether the cell so far is only spaces (a quote there opens a quoted cell); kept as a flag, since asking the
        // builder for its text at every quote made a file of quotes take time proportional to its size squared.
        var cellBlank = true;
        var quoteStart = (Line: 0, Row: 0, Column: 0);

        void EndCell()
        {
            cells.Add(Unprotect(cell.ToString()));
            cell.Clear();
            cellBlank = true;
        }

        void EndRow()
        {
            EndCell();
            var row = new Row(rowLine, rowNumber++, cells.ToArray());
            if (!row.IsBlank)
            {
                rows.Add(row);
            }

            cells.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            var lineBreak = c is '\r' or '\n' ? (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1) : 0;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    cellBlank = false;
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else if (lineBreak > 0)
                {
                    cell.Append('\n');
                    line++;
                    i += lineBreak;
                    continue;
                }
                else
                {
                    cell.Append(c);
                    cellBlank = false;
                }

                i++;
                continue;
            }

            if (c == '"' && cellBlank)
            {
                cell.Clear();
                quoted = true;
                quoteStart = (line, rowNumber, cells.Count);
            }
            else if (c == delimiter)
            {
                EndCell();
            }
            else if (lineBreak > 0)
            {
                EndRow();
                line++;
                rowLine = line;
                i += lineBreak;
                continue;
            }
            else
            {
                cell.Append(c);
                cellBlank &= char.IsWhiteSpace(c);
            }

            i++;
        }

        if (quoted)
        {
            return (rows, quoteStart);
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        return (rows, null);
    }

    // The separator is whichever of comma, semicolon or tab the header row uses most, outside quotes.
    private static char Delimiter(string text, int start)
    {
        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && counts.ContainsKey(c))
            {
                counts[c]++;
            }
        }

        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key == ',' ? 0 : 1).First().Key;
    }

    /// <summary>One read of a sheet: the header's columns, the # rows, then one skill per row.</summary>
    private sealed class Reader(List<Row> rows, Row header, string name)
    {
        private readonly List<FrameworkProblem> _problems = [];
        private readonly SourceMap _map = new();
        private readonly Dictionary<string, int> _fixed = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(int Column, string Name)> _levels = [];
        private readonly List<(int Column, string Name)> _roles = [];
        private readonly Dictionary<string, Row> _rowsOfKind = new(StringComparer.OrdinalIgnoreCase);

        public FrameworkRead Read()
        {
            ReadHeader();
            if (_problems.Count > 0)
            {
                return new FrameworkRead(null, _problems);
            }

            var skillRows = new List<Row>();
            foreach (var row in rows.Skip(1))
            {
                var first = row.Cell(0).Trim();
                if (first.StartsWith('#'))
                {
                    ReadRowKind(row, first);
                }
                else
                {
                    skillRows.Add(row);
                }
            }

            var scale = _levels.Select(l => new FrameworkDocument.ScaleEntry(l.Name, Cell(DescriptionRow, l.Column))).ToList();
            var (roles, ladders) = ReadRoles();
            var (skills, categories) = ReadSkills(skillRows, roles);
            if (_problems.Count > 0)
            {
                return new FrameworkRead(null, _problems);
            }

            foreach (var whole in new[] { "scale", "skills", "roles", FrameworkBuilder.Whole })
            {
                Place(whole, header);
            }
            var document = new FrameworkDocument
            {
                Name = name,
                Scale = scale,
                Ladders = ladders,
                SkillCategories = categories,
                Skills = skills,
                Roles = roles.Select(r => r.Entry with { ExpectedSkills = r.Expected }).ToList(),
            };
            return _map.Check(document);
        }

        private void ReadHeader()
        {
            for (var column = 0; column < header.Cells.Length; column++)
            {
                var title = header.Cells[column].Trim();
                if (title.Length == 0)
                {
                    continue;
                }

                if (title.StartsWith(LevelPrefix, StringComparison.OrdinalIgnoreCase) || title.StartsWith(RolePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    var isLevel = title.StartsWith(LevelPrefix, StringComparison.OrdinalIgnoreCase);
                    var named = title[(isLevel ? LevelPrefix : RolePrefix).Length..].Trim();
                    if (named.Length == 0)
                    {
                        Problem(header, title, $"The column needs a name after '{(isLevel ? LevelPrefix : RolePrefix)}'.");
                    }

                    (isLevel ? _levels : _roles).Add((column, named));
                }
                else if (FixedColumns.FirstOrDefault(f => f.Equals(title, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    if (!_fixed.TryAdd(known, column))
                    {
                        Problem(header, title, $"There are two '{known}' columns; keep one.");
                    }
                }
                else
                {
                    Problem(header, title,
                        $"This column is not one the format knows. Head a step of the rating scale '{LevelPrefix} <name>' and a role '{RolePrefix} <name>'; " +
                        $"the other columns are {string.Join(", ", FixedColumns)}.");
                }
            }

            if (!_fixed.ContainsKey(SkillColumn))
            {
                Problem(header, null, $"The header row has no '{SkillColumn}' column: the first row must name the columns.");
            }

            if (_levels.Count == 0)
            {
                Problem(header, null, $"The header row has no '{LevelPrefix} <name>' columns: add one per step of the rating scale.");
            }
        }

        private void ReadRowKind(Row row, string first)
        {
            var kind = RowKinds.FirstOrDefault(k => k.Equals(string.Join(' ', first.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                // "#" alone or "# text" is a note for people and is skipped.
                if (first != "#" && !first.StartsWith("# ", StringComparison.Ordinal))
                {
                    Problem(row, ColumnName(header, 0), $"'{first}' is not a row the format knows; use {string.Join(", ", RowKinds)}, or start a note with '# '.");
                }
            }
            else if (!_rowsOfKind.TryAdd(kind, row))
            {
                Problem(row, ColumnName(header, 0), $"There are two '{kind}' rows; keep one.");
            }
        }

        private string? Cell(string kind, int column) =>
            _rowsOfKind.TryGetValue(kind, out var row) && row.Cell(column).Trim() is { Length: > 0 } value ? value : null;

        private Row RowOf(string kind) => _rowsOfKind.GetValueOrDefault(kind, header);

        private void Place(string path, Row row, string? column = null) => _map.Add(path, row.Line, column, row.Number);

        private (List<RoleRead> Roles, List<FrameworkDocument.LadderEntry> Ladders) ReadRoles()
        {
            var roles = new List<RoleRead>();
            var ladders = new List<(string Name, string Key, int Column)>();
            foreach (var (column, roleName) in _roles)
            {
                var index = roles.Count;
                var title = ColumnName(header, column);
                var ladderName = Cell(LadderRow, column) ?? name;
                var ladderIndex = ladders.FindIndex(l => l.Name == ladderName);
                if (ladderIndex < 0)
                {
                    var key = Cell(LadderKeyRow, column) ?? FrameworkKeys.FromName(ladderName, $"ladder-{ladders.Count + 1}");
                    ladders.Add((ladderName, key, column));
                    ladderIndex = ladders.Count - 1;
                    Place($"ladders[{ladderIndex}]", RowOf(LadderRow), title);
                }
                else if (Cell(LadderKeyRow, column) is { } key && key != ladders[ladderIndex].Key)
                {
                    Problem(RowOf(LadderKeyRow), title, $"The ladder '{ladderName}' has the key '{ladders[ladderIndex].Key}' in another column; give it one key.");
                }

                int? seniority = roles.Count(r => r.Entry.Ladder == ladders[ladderIndex].Key) + 1;
                if (Cell(SeniorityRow, column) is { } given)
                {
                    seniority = int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
                    if (seniority is null)
                    {
                        Problem(RowOf(SeniorityRow), title, $"'{given}' is not a whole number: seniority is 1 for the most junior role on a ladder.");
                    }
                }

                Place($"roles[{index}]", header, title);
                Place($"roles[{index}].ladder", RowOf(LadderRow), title);
                roles.Add(new RoleRead(column, new FrameworkDocument.RoleEntry
                {
                    Slug = Cell(KeyRow, column) ?? FrameworkKeys.FromName(roleName, $"role-{index + 1}"),
                    Name = roleName,
                    Ladder = ladders[ladderIndex].Key,
                    Seniority = seniority,
                    Description = Cell(DescriptionRow, column),
                }));
            }

            return (roles, ladders.Select(l => new FrameworkDocument.LadderEntry(l.Key, l.Name)).ToList());
        }

        private (List<FrameworkDocument.SkillEntry> Skills, List<FrameworkDocument.CategoryEntry> Categories) ReadSkills(List<Row> skillRows, List<RoleRead> roles)
        {
            var skills = new List<FrameworkDocument.SkillEntry>();
            var categories = new List<(string Name, string? Key, Row Row)>();
            var categoryOfSkill = new List<int>();
            var skillTitle = ColumnName(header, _fixed[SkillColumn]);
            var categoryTitle = _fixed.TryGetValue(CategoryColumn, out var categoryColumn) ? ColumnName(header, categoryColumn) : skillTitle;
            foreach (var row in skillRows)
            {
                foreach (var stray in row.Cells.Select((c, i) => (c, i)).Where(x => x.c.Trim().Length > 0 && header.Cell(x.i).Trim().Length == 0))
                {
                    Problem(row, $"column {stray.i + 1}", "This cell has text but its column has no header; name the column or clear the cell.");
                }

                var index = skills.Count;
                var skillName = FixedCell(row, SkillColumn);
                if (skillName is null)
                {
                    Problem(row, skillTitle, "This row has no skill name.");
                    continue;
                }

                var slug = FixedCell(row, SkillKeyColumn) ?? FrameworkKeys.FromName(skillName, $"skill-{index + 1}");
                var categoryName = FixedCell(row, CategoryColumn) ?? name;
                var category = categories.FindIndex(c => c.Name == categoryName);
                if (category < 0)
                {
                    categories.Add((categoryName, null, row));
                    category = categories.Count - 1;
                }

                if (FixedCell(row, CategoryKeyColumn) is { } categoryKey)
                {
                    if (categories[category].Key is { } known && known != categoryKey)
                    {
                        Problem(row, ColumnName(header, _fixed[CategoryKeyColumn]), $"The category '{categoryName}' has the key '{known}' on an earlier row; give it one key.");
                    }

                    categories[category] = categories[category] with { Key = categoryKey };
                }

                categoryOfSkill.Add(category);
                var rubric = new List<RubricLevel>();
                foreach (var (column, level) in _levels)
                {
                    var text = row.Cell(column);
                    if (text.Trim().Length == 0)
                    {
                        Problem(row, ColumnName(header, column), $"The rubric cell is empty: describe what '{level}' looks like for '{skillName}'.");
                    }

                    rubric.Add(ParseRubric(text));
                }

                for (var r = 0; r < roles.Count; r++)
                {
                    var role = roles[r];
                    var value = row.Cell(role.Column).Trim();
                    if (value.Length == 0)
                    {
                        continue;
                    }

                    var title = ColumnName(header, role.Column);
                    var level = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : _levels.FindIndex(l => l.Name.Equals(value, StringComparison.CurrentCultureIgnoreCase)) + 1;
                    if (level == 0)
                    {
                        Problem(row, title, $"'{value}' is not a step of the scale: write a number from 1 to {_levels.Count} or a level's name, or leave the cell empty when the role does not expect the skill.");
                        continue;
                    }

                    role.Expected[slug] = level;
                    Place($"roles[{r}].expectedSkills.{slug}", row, title);
                }

                Place($"skills[{index}]", row, skillTitle);
                Place($"skills[{index}].category", row, categoryTitle);
                skills.Add(new FrameworkDocument.SkillEntry(slug, skillName, null, FixedCell(row, DescriptionColumn), rubric));
            }

            var keyed = categories.Select((c, i) => new FrameworkDocument.CategoryEntry(c.Key ?? FrameworkKeys.FromName(c.Name, $"category-{i + 1}"), c.Name)).ToList();
            for (var i = 0; i < keyed.Count; i++)
            {
                Place($"skillCategories[{i}]", categories[i].Row, categoryTitle);
            }

            return (skills.Select((s, i) => s with { Category = keyed[categoryOfSkill[i]].Slug }).ToList(), keyed);
        }

        private string? FixedCell(Row row, string column) =>
            _fixed.TryGetValue(column, out var index) && row.Cell(index).Trim() is { Length: > 0 } value ? value : null;

        private void Problem(Row row, string? column, string message) => _problems.Add(new FrameworkProblem(SourceMap.Place(row.Line, column, row.Number), message));
    }

    private sealed record RoleRead(int Column, FrameworkDocument.RoleEntry Entry)
    {
        public Dictionary<string, int> Expected { get; } = new(StringComparer.Ordinal);
    }
}
