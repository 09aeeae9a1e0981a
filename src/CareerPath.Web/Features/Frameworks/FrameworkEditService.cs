using System.Text.RegularExpressions;
using CareerPath.Data;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Domain.Common;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using CareerPath.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Features.Frameworks;

/// <summary>
/// What a save did: the problems that stopped it (nothing stored), or the version it stored (null when nothing
/// changed) with that version opened for further editing (<see cref="Reopened"/>: new rows now have their slugs).
/// </summary>
public sealed record EditOutcome(IReadOnlyList<EditProblem> Problems, int? StoredNumber, string? Message, FrameworkEditModel? Reopened = null)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Opens the newest version of a framework for editing and stores an edit as a new version. Who may edit is who may
/// import into it (<see cref="FrameworkService"/>): the owner of a personal framework, an administrator for a server
/// framework, and nobody in the app for the server's default, which comes from the operator's catalog file.
/// Everything the editor does not show (tracks, resources, salaries, transitions, criteria, …) is kept as it was.
/// </summary>
public sealed partial class FrameworkEditService(UserData userData, CatalogProvider catalogProvider, TimeProvider clock)
{
    public const string Source = "Edited in CareerPath";

    /// <summary>
    /// The most role × skill cells the editor opens: each is a choice on the page, held by the circuit and redrawn as
    /// the user types. Larger frameworks are edited as files (export, change, import as a new version).
    /// </summary>
    public const int MaxGridCells = 5000;

    public async Task<FrameworkEditModel> LoadAsync(Guid id)
    {
        await using var db = await userData.OpenAsync();
        var framework = await EditableAsync(db, id);
        var newest = await db.FrameworkVersions.Where(v => v.FrameworkId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number }).FirstAsync();
        var loaded = await catalogProvider.GetVersionAsync(newest.Id)
            ?? throw new NotFoundException("That framework does not exist, or is not yours to change.");
        if (loaded.Catalog.Roles.Count * loaded.Catalog.Skills.Count > MaxGridCells)
        {
            throw new DomainException($"'{framework.Name}' has {loaded.Catalog.Roles.Count} roles and {loaded.Catalog.Skills.Count} skills, too many to edit on one page: export it, change the file, and import it as a new version.");
        }

        var original = FrameworkExport.ToDocument(loaded.Catalog, loaded.Document.Name ?? framework.Name, loaded.Document.Description, loaded.Document.Version);
        var (skills, roles) = await EverUsedAsync(db, id);
        return Open(id, newest.Number, framework.Name, original, skills, roles);
    }

    /// <summary>The skill and role keys of every version of a framework, read from the stored documents.</summary>
    private static async Task<(HashSet<string> Skills, HashSet<string> Roles)> EverUsedAsync(Data.CareerPathDbContext db, Guid frameworkId)
    {
        var skills = new HashSet<string>(StringComparer.Ordinal);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var documents = await db.FrameworkVersions.AsNoTracking().Where(v => v.FrameworkId == frameworkId).Select(v => v.Document).ToListAsync();
        foreach (var document in documents)
        {
            using var json = System.Text.Json.JsonDocument.Parse(document);
            Collect(json.RootElement, "skills", skills);
            Collect(json.RootElement, "roles", roles);
        }

        return (skills, roles);

        static void Collect(System.Text.Json.JsonElement root, string section, HashSet<string> into)
        {
            if (root.TryGetProperty(section, out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == System.Text.Json.JsonValueKind.Object && item.TryGetProperty("slug", out var slug) && slug.GetString() is { } value)
                    {
                        into.Add(value);
                    }
                }
            }
        }
    }

    /// <summary>The editable rows of a document; <paramref name="name"/> is the framework's name on this server.</summary>
    public static FrameworkEditModel Open(Guid id, int number, string name, FrameworkDocument original,
        IEnumerable<string>? everUsedSkills = null, IEnumerable<string>? everUsedRoles = null)
    {
        var skills = original.Skills.Select(s => new FrameworkEditModel.SkillRow
        {
            Slug = s.Slug,
            Name = s.Name ?? "",
            Category = s.Category ?? "",
            Description = s.Description,
            Rubric = (s.Rubric ?? []).Select(r => new FrameworkEditModel.RubricCell { Text = r.Description, Criteria = r.Criteria ?? [] }).ToList(),
        }).ToList();
        var rowOf = skills.Where(s => s.Slug is not null).ToDictionary(s => s.Slug!, s => s.RowId, StringComparer.Ordinal);
        return new FrameworkEditModel
        {
            FrameworkId = id,
            OpenedAtNumber = number,
            Original = original,
            EverUsedSkillSlugs = original.Skills.Select(s => s.Slug!).Concat(everUsedSkills ?? []).ToHashSet(StringComparer.Ordinal),
            EverUsedRoleSlugs = original.Roles.Select(r => r.Slug!).Concat(everUsedRoles ?? []).ToHashSet(StringComparer.Ordinal),
            Name = name,
            Description = original.Description,
            Ladders = original.Ladders.Select(l => new EditChoice(l.Slug!, l.Name!)).ToList(),
            Categories = original.SkillCategories.Select(c => new EditChoice(c.Slug!, c.Name!)).ToList(),
            Levels = original.Scale.Select(l => new FrameworkEditModel.LevelRow { Name = l.Name ?? "", Description = l.Description }).ToList(),
            Skills = skills,
            Roles = original.Roles.Select(r => new FrameworkEditModel.RoleRow
            {
                Slug = r.Slug,
                Name = r.Name ?? "",
                Ladder = r.Ladder ?? "",
                Seniority = r.Seniority,
                Expected = (r.ExpectedSkills ?? new Dictionary<string, int>()).Where(e => rowOf.ContainsKey(e.Key))
                    .ToDictionary(e => rowOf[e.Key], e => e.Value),
            }).ToList(),
        };
    }

    /// <summary>
    /// Checks the edit and stores it as the framework's next version. Problems store nothing; the same content as
    /// the newest version stores nothing either; a version stored since the editor opened refuses the save
    /// (<see cref="ConflictException"/>) so that nobody's edit replaces another's unseen. The model is left as the
    /// user made it.
    /// </summary>
    public async Task<EditOutcome> SaveAsync(FrameworkEditModel model)
    {
        await using var db = await userData.OpenAsync();
        var framework = await EditableAsync(db, model.FrameworkId);
        var newest = await db.FrameworkVersions.Where(v => v.FrameworkId == framework.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.CreatedAtUtc, v.Source }).FirstAsync();
        if (newest.Number != model.OpenedAtNumber)
        {
            throw new ConflictException(Stale(framework.Name, model.OpenedAtNumber, newest.Number, newest.Source));
        }

        var problems = Check(model);
        if (problems.Count > 0)
        {
            return new EditOutcome(problems, null, null);
        }

        var (document, skillSlugs, _) = ToDocument(model);
        var checkedFramework = FrameworkStore.Check(document);
        if (checkedFramework.Catalog is null)
        {
            return new EditOutcome(Translate(checkedFramework.Problems, skillSlugs), null, null);
        }

        if (await db.FrameworkVersions.CountAsync(v => v.FrameworkId == framework.Id) >= FrameworkStore.MaxVersions)
        {
            throw new DomainException($"'{framework.Name}' already has {FrameworkStore.MaxVersions} versions, the most one framework keeps: export it and import it as a new framework instead.");
        }

        var name = model.Name.Trim();
        StoredFrameworkVersion? version;
        try
        {
            // Stored as exactly the next number after the one opened: a version stored in between, even in the same
            // instant, meets the unique index, and this edit never lands on top of one its author has not seen.
            version = await FrameworkStore.AddVersionAsync(db, framework, name, checkedFramework, Source, clock.GetUtcNow().UtcDateTime,
                number: model.OpenedAtNumber + 1);
        }
        catch (DbUpdateException)
        {
            // Another save or import chose the same next number at the same moment; the unique index kept theirs.
            throw new ConflictException(Stale(framework.Name, model.OpenedAtNumber, model.OpenedAtNumber + 1, "another edit or import"));
        }

        if (version is null)
        {
            return new EditOutcome([], null, $"'{name}' already holds exactly this content; nothing changed.");
        }

        return new EditOutcome([], version.Number, $"Saved version {version.Number} of '{name}'. Earlier versions are kept, and plans made against them keep them.",
            Open(framework.Id, version.Number, name, FrameworkJson.Read(version.Document).Document!, model.EverUsedSkillSlugs, model.EverUsedRoleSlugs));
    }

    /// <summary>Every problem with the fields the editor shows, each on its field, in the user's words.</summary>
    public static IReadOnlyList<EditProblem> Check(FrameworkEditModel model)
    {
        var problems = new List<EditProblem>();
        void Text(string field, string? value, string what, int max, bool required = true)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    problems.Add(new(field, $"{what} is required."));
                }
            }
            else if (value.Trim().Length > max)
            {
                problems.Add(new(field, $"{what} must be at most {max:N0} characters (it is {value.Trim().Length:N0})."));
            }
        }

        Text("name", model.Name, "The framework's name", StoredFramework.NameMaxLength);
        Text("description", model.Description, "The framework's description", FrameworkEditModel.DescriptionMaxLength, required: false);

        if (model.Levels.Count is < RatingScale.MinLevels or > RatingScale.MaxLevels)
        {
            problems.Add(new("levels", $"A scale has {RatingScale.MinLevels} to {RatingScale.MaxLevels} levels (this one has {model.Levels.Count})."));
        }

        var levelNames = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        for (var i = 0; i < model.Levels.Count; i++)
        {
            var level = model.Levels[i];
            Text($"levels[{i}].name", level.Name, $"The name of level {i + 1}", RatingScale.NameMaxLength);
            Text($"levels[{i}].description", level.Description, $"The description of level {i + 1}", RatingScale.DescriptionMaxLength, required: false);
            if (!string.IsNullOrWhiteSpace(level.Name) && !levelNames.Add(level.Name.Trim()))
            {
                problems.Add(new($"levels[{i}].name", $"Two levels are called '{level.Name.Trim()}'; give each its own name."));
            }
        }

        if (model.Skills.Count == 0)
        {
            problems.Add(new("skills", "A framework needs at least one skill."));
        }

        var categories = model.Categories.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < model.Skills.Count; i++)
        {
            var skill = model.Skills[i];
            var called = SkillCalled(skill, i);
            Text($"skills[{i}].name", skill.Name, $"The name of skill {i + 1}", Skill.NameMaxLength);
            Text($"skills[{i}].description", skill.Description, $"The description of {called}", Skill.DescriptionMaxLength, required: false);
            if (!categories.Contains(skill.Category))
            {
                problems.Add(new($"skills[{i}].category", $"Choose a category for {called}."));
            }

            for (var j = 0; j < Math.Min(skill.Rubric.Count, model.Levels.Count); j++)
            {
                Text($"skills[{i}].rubric[{j}]", skill.Rubric[j].Text, $"What {LevelCalled(model, j)} looks like for {called}", Skill.RubricTextMaxLength);
            }
        }

        if (model.Roles.Count == 0)
        {
            problems.Add(new("roles", "A framework needs at least one role."));
        }

        var ladders = model.Ladders.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        var skillAt = model.Skills.Select((s, i) => (s.RowId, i)).ToDictionary(x => x.RowId, x => x.i);
        for (var i = 0; i < model.Roles.Count; i++)
        {
            var role = model.Roles[i];
            var called = RoleCalled(role, i);
            Text($"roles[{i}].name", role.Name, $"The name of role {i + 1}", Role.NameMaxLength);
            if (!ladders.Contains(role.Ladder))
            {
                problems.Add(new($"roles[{i}].ladder", $"Choose a ladder for {called}."));
            }

            if (role.Seniority is not (>= Role.MinSeniority and <= Role.MaxSeniority))
            {
                problems.Add(new($"roles[{i}].seniority", $"Choose a seniority from {Role.MinSeniority} to {Role.MaxSeniority} for {called}."));
            }

            foreach (var (row, level) in role.Expected.Where(e => skillAt.ContainsKey(e.Key)).OrderBy(e => skillAt[e.Key]))
            {
                if (level < 1 || level > model.Levels.Count)
                {
                    var j = skillAt[row];
                    problems.Add(new($"roles[{i}].expected[{j}]",
                        $"{Capital(called)} expects level {level} of {SkillCalled(model.Skills[j], j)}, which the scale no longer has: choose a level from 1 to {model.Levels.Count}, or Not expected."));
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// The document the edit describes: the opened version with the shown parts replaced, slugs kept for existing rows
    /// and made from the name for new ones, and removed skills and roles taken out of every list that named them.
    /// Returns the slug given to each skill and role row, in order.
    /// </summary>
    public static (FrameworkDocument Document, IReadOnlyList<string> SkillSlugs, IReadOnlyList<string> RoleSlugs) ToDocument(FrameworkEditModel model)
    {
        var original = model.Original;
        // A slug once used in this framework is not given to a new row: ratings and plans made against an earlier
        // version would otherwise carry over to a different skill or role.
        var skillSlugs = NewSlugs(model.Skills.Select(s => (s.Slug, s.Name)).ToList(), model.EverUsedSkillSlugs, "skill");
        var roleSlugs = NewSlugs(model.Roles.Select(r => (r.Slug, r.Name)).ToList(), model.EverUsedRoleSlugs, "role");
        var keptSkills = skillSlugs.ToHashSet(StringComparer.Ordinal);
        var keptRoles = roleSlugs.ToHashSet(StringComparer.Ordinal);
        var slugOfRow = model.Skills.Select((s, i) => (s.RowId, Slug: skillSlugs[i])).ToDictionary(x => x.RowId, x => x.Slug);
        var originalRoles = original.Roles.ToDictionary(r => r.Slug!, StringComparer.Ordinal);

        var document = original with
        {
            Name = model.Name.Trim(),
            Description = string.IsNullOrWhiteSpace(model.Description) ? null : model.Description.Trim(),
            Scale = model.Levels.Select(l => new FrameworkDocument.ScaleEntry(l.Name.Trim(), string.IsNullOrWhiteSpace(l.Description) ? null : l.Description.Trim())).ToList(),
            Skills = model.Skills.Select((s, i) => new FrameworkDocument.SkillEntry(skillSlugs[i], s.Name.Trim(), s.Category,
                string.IsNullOrWhiteSpace(s.Description) ? null : s.Description.Trim(),
                s.Rubric.Select(r => new RubricLevel(r.Text.Trim(), r.Criteria)).ToList())).ToList(),
            Roles = model.Roles.Select((r, i) =>
            {
                var before = r.Slug is not null && originalRoles.TryGetValue(r.Slug, out var found) ? found : new FrameworkDocument.RoleEntry();
                var next = before.NextRoles?.Where(keptRoles.Contains).ToList();
                return before with
                {
                    Slug = roleSlugs[i],
                    Name = r.Name.Trim(),
                    Ladder = r.Ladder,
                    Seniority = r.Seniority,
                    // In the framework's skill order, as an export writes them.
                    ExpectedSkills = model.Skills.Where(s => r.Expected.ContainsKey(s.RowId))
                        .ToDictionary(s => slugOfRow[s.RowId], s => r.Expected[s.RowId], StringComparer.Ordinal),
                    NextRoles = next is { Count: > 0 } ? next : null,
                };
            }).ToList(),
            Tracks = original.Tracks.Select(t => t with { KeySkills = t.KeySkills?.Where(keptSkills.Contains).ToList() }).ToList(),
            Certifications = WithoutRemoved(original.Certifications, keptSkills),
            Degrees = WithoutRemoved(original.Degrees, keptSkills),
            GrowthResources = WithoutRemoved(original.GrowthResources, keptSkills),
        };
        return (document, skillSlugs, roleSlugs);
    }

    /// <summary>Existing slugs as they are; for each new row, a slug from its name that no other row uses and the framework never used.</summary>
    private static List<string> NewSlugs(List<(string? Slug, string Name)> rows, IEnumerable<string> everUsed, string kind)
    {
        var taken = new HashSet<string>(everUsed.Concat(rows.Where(r => r.Slug is not null).Select(r => r.Slug!)), StringComparer.Ordinal);
        var slugs = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Slug is { } slug)
            {
                slugs.Add(slug);
                continue;
            }

            var stem = FrameworkKeys.FromName(rows[i].Name, $"{kind}-{i + 1}");
            var candidate = stem;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var suffix = $"-{n}";
                candidate = (stem.Length + suffix.Length > Slug.MaxLength ? stem[..(Slug.MaxLength - suffix.Length)].TrimEnd('-') : stem) + suffix;
            }

            slugs.Add(candidate);
        }

        return slugs;
    }

    private static List<FrameworkDocument.ResourceEntry> WithoutRemoved(IReadOnlyList<FrameworkDocument.ResourceEntry> resources, HashSet<string> kept) =>
        resources.Select(r => r with { Skills = r.Skills?.Where(kept.Contains).ToList() }).ToList();

    /// <summary>The builder's problems (paths in the document) placed on the editor's fields where there is one.</summary>
    private static List<EditProblem> Translate(IReadOnlyList<FrameworkProblem> problems, IReadOnlyList<string> skillSlugs)
    {
        var skillAt = skillSlugs.Select((slug, j) => (slug, j)).ToDictionary(x => x.slug, x => x.j, StringComparer.Ordinal);
        var result = new List<EditProblem>();
        foreach (var problem in problems)
        {
            var match = DocumentPath().Match(problem.Where);
            string? field = null;
            if (match.Success)
            {
                var (section, index, rest) = (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[3].Value);
                field = (section, rest) switch
                {
                    ("skills", ".category") => $"skills[{index}].category",
                    ("skills", var r) when r.StartsWith(".rubric[", StringComparison.Ordinal) => $"skills[{index}]{r}",
                    ("skills", _) => $"skills[{index}].name",
                    ("roles", ".ladder") => $"roles[{index}].ladder",
                    ("roles", ".nextRoles") => $"roles[{index}].seniority",
                    ("roles", var r) when r.StartsWith(".expectedSkills.", StringComparison.Ordinal)
                        && skillAt.TryGetValue(r[".expectedSkills.".Length..], out var j) => $"roles[{index}].expected[{j}]",
                    ("roles", _) => $"roles[{index}].name",
                    ("scale", _) => $"levels[{index}].name",
                    _ => null,
                };
            }
            else if (problem.Where == "scale")
            {
                field = "levels";
            }

            // A problem in a part the editor does not show (a track, a resource) is said with its place in the document.
            result.Add(new EditProblem(field, field is null && problem.Where != FrameworkBuilder.Whole ? $"{problem.Where}: {problem.Message}" : problem.Message));
        }

        return result;
    }

    private async Task<StoredFramework> EditableAsync(CareerPathDbContext db, Guid id)
    {
        var userId = db.CurrentOwnerId!;
        // The same rule as FrameworkService: someone else's personal framework does not exist here.
        var framework = await db.Frameworks.Where(f => f.OwnerId == null || f.OwnerId == userId).SingleOrDefaultAsync(f => f.Id == id)
            ?? throw new NotFoundException("That framework does not exist, or is not yours to change.");
        if (framework.Key == StoredFramework.DefaultKey)
        {
            throw new DomainException("The server's default framework comes from its catalog file; the operator changes it there.");
        }

        if (framework.OwnerId is null && !await Administrators.IsAdministratorAsync(db, userId))
        {
            throw new DomainException("Only an administrator can change a server framework.");
        }

        return framework;
    }

    private static string Stale(string name, int opened, int newest, string source) =>
        $"'{name}' was changed while you were editing: you opened version {opened}, and version {newest} has since been stored ({source}). "
        + "Nothing was saved, and your edits are still on this page. To keep them, note what you changed, reload the page to edit the newest version, and make them again.";

    private static string SkillCalled(FrameworkEditModel.SkillRow skill, int index) =>
        string.IsNullOrWhiteSpace(skill.Name) ? $"skill {index + 1}" : $"'{skill.Name.Trim()}'";

    private static string RoleCalled(FrameworkEditModel.RoleRow role, int index) =>
        string.IsNullOrWhiteSpace(role.Name) ? $"role {index + 1}" : $"'{role.Name.Trim()}'";

    private static string LevelCalled(FrameworkEditModel model, int index) =>
        string.IsNullOrWhiteSpace(model.Levels[index].Name) ? $"level {index + 1}" : $"level {index + 1} '{model.Levels[index].Name.Trim()}'";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^(skills|roles|scale)\[(\d+)\](.*)$")]
    private static partial Regex DocumentPath();
}
