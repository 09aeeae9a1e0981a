using System.Text.Json;
using CareerPath.Domain.Common;
using CareerPath.Domain.Frameworks;

namespace CareerPath.Web.Features.Frameworks;

/// <summary>A ladder or category the editor offers to choose from (it does not edit them).</summary>
public sealed record EditChoice(string Slug, string Name);

/// <summary>
/// Something the editor will not save, and the field it concerns (<see cref="Field"/>, a path into the model such as
/// <c>skills[2].rubric[4]</c> or <c>roles[1].expected[3]</c>, role 1 and skill 3), or null when it concerns the framework as a whole.
/// </summary>
public sealed record EditProblem(string? Field, string Message)
{
    /// <summary>The element id of a field's input: "skills[3].rubric[2]" becomes "edit-skills-3-rubric-2".</summary>
    public static string ElementId(string field)
    {
        var id = new System.Text.StringBuilder("edit-");
        foreach (var c in field)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                id.Append(c);
            }
            else if (id[^1] != '-')
            {
                id.Append('-');
            }
        }

        return id.ToString().TrimEnd('-');
    }
}

/// <summary>
/// A framework version opened for editing: the parts the editor shows, as mutable rows, and the whole version it
/// was opened at, from which everything the editor does not show is kept exactly as it was.
/// Rows are told apart by <see cref="SkillRow.RowId"/> and <see cref="RoleRow.RowId"/> rather than by slug, since a
/// skill or role added here gets its slug only when it is saved.
/// </summary>
public sealed class FrameworkEditModel
{
    public const int DescriptionMaxLength = 4000;

    public required Guid FrameworkId { get; init; }

    /// <summary>The version the editor opened; saving over a newer one is refused.</summary>
    public required int OpenedAtNumber { get; init; }

    /// <summary>The opened version, whole (normalised as stored).</summary>
    public required FrameworkDocument Original { get; init; }

    /// <summary>Every skill and role key any version of the framework has had: a new row never gets one of them.</summary>
    public IReadOnlySet<string> EverUsedSkillSlugs { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> EverUsedRoleSlugs { get; init; } = new HashSet<string>();

    public IReadOnlyList<EditChoice> Ladders { get; init; } = [];
    public IReadOnlyList<EditChoice> Categories { get; init; } = [];

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<LevelRow> Levels { get; init; } = [];
    public List<SkillRow> Skills { get; init; } = [];
    public List<RoleRow> Roles { get; init; } = [];

    public sealed class LevelRow
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
    }

    public sealed class SkillRow
    {
        public Guid RowId { get; init; } = Guid.NewGuid();

        /// <summary>The key ratings and expectations use; null until a new skill is saved. Never changed by a rename.</summary>
        public string? Slug { get; init; }

        public string Name { get; set; } = "";
        public string Category { get; set; } = "";
        public string? Description { get; set; }

        /// <summary>One entry per level of the scale, lowest first.</summary>
        public List<RubricCell> Rubric { get; init; } = [];
    }

    public sealed class RubricCell
    {
        public string Text { get; set; } = "";

        /// <summary>Example behaviours: not edited here, kept as they were.</summary>
        public IReadOnlyList<string> Criteria { get; init; } = [];
    }

    public sealed class RoleRow
    {
        public Guid RowId { get; init; } = Guid.NewGuid();

        /// <summary>The key user data uses; null until a new role is saved. Never changed by a rename.</summary>
        public string? Slug { get; init; }

        public string Name { get; set; } = "";
        public string Ladder { get; set; } = "";
        public int? Seniority { get; set; }

        /// <summary>Skill row to expected level; a skill left out is not expected. May hold a level above the scale's top after the top level is removed: a problem the user must resolve.</summary>
        public Dictionary<Guid, int> Expected { get; init; } = [];
    }

    /// <summary>Everything the user can change, written out: two equal snapshots mean nothing was changed.</summary>
    public string Snapshot() => JsonSerializer.Serialize(new { Name, Description, Levels, Skills, Roles });

    /// <summary>Adds an empty level above the current top; each skill's rubric gets an empty description for it to fill in.</summary>
    public void AddLevelAtTop()
    {
        if (Levels.Count >= Domain.Skills.RatingScale.MaxLevels)
        {
            throw new DomainException($"A scale has at most {Domain.Skills.RatingScale.MaxLevels} levels.");
        }

        Levels.Add(new LevelRow());
        foreach (var skill in Skills)
        {
            skill.Rubric.Add(new RubricCell());
        }
    }

    /// <summary>
    /// Removes the top level and every skill's description of it (the page says so before). Expectations of that
    /// level stay, and are reported on their cells until the user picks another level: they are not lowered silently.
    /// </summary>
    public void RemoveTopLevel()
    {
        if (Levels.Count <= Domain.Skills.RatingScale.MinLevels)
        {
            throw new DomainException($"A scale has at least {Domain.Skills.RatingScale.MinLevels} levels.");
        }

        Levels.RemoveAt(Levels.Count - 1);
        foreach (var skill in Skills.Where(s => s.Rubric.Count > Levels.Count))
        {
            skill.Rubric.RemoveRange(Levels.Count, skill.Rubric.Count - Levels.Count);
        }
    }

    /// <summary>How many skills describe the top level, and how many expectations name it: what removing it touches.</summary>
    public (int Rubrics, int Expectations) UsesOfTopLevel() => (
        Skills.Count(s => s.Rubric.Count == Levels.Count && !string.IsNullOrWhiteSpace(s.Rubric[^1].Text)),
        Roles.Sum(r => r.Expected.Values.Count(v => v >= Levels.Count)));

    public SkillRow AddSkill()
    {
        if (Skills.Count >= Domain.Frameworks.FrameworkBuilder.MaxSkills)
        {
            throw new DomainException($"A framework has at most {Domain.Frameworks.FrameworkBuilder.MaxSkills} skills.");
        }

        var skill = new SkillRow
        {
            Category = Categories.Count > 0 ? Categories[0].Slug : "",
            Rubric = Levels.Select(_ => new RubricCell()).ToList(),
        };
        Skills.Add(skill);
        return skill;
    }

    /// <summary>Removes a skill and every role's expectation of it.</summary>
    public void RemoveSkill(SkillRow skill)
    {
        Skills.Remove(skill);
        foreach (var role in Roles)
        {
            role.Expected.Remove(skill.RowId);
        }
    }

    public RoleRow AddRole()
    {
        if (Roles.Count >= Domain.Frameworks.FrameworkBuilder.MaxRoles)
        {
            throw new DomainException($"A framework has at most {Domain.Frameworks.FrameworkBuilder.MaxRoles} roles.");
        }

        var ladder = Ladders.Count > 0 ? Ladders[0].Slug : "";
        var role = new RoleRow
        {
            Ladder = ladder,
            Seniority = Math.Min(Domain.Roles.Role.MaxSeniority, Roles.Where(r => r.Ladder == ladder).Select(r => r.Seniority ?? 0).DefaultIfEmpty(0).Max() + 1),
        };
        Roles.Add(role);
        return role;
    }

    public void RemoveRole(RoleRow role) => Roles.Remove(role);

    /// <summary>The level a role expects of a skill, or null when it is not expected.</summary>
    public static int? ExpectedLevel(RoleRow role, SkillRow skill) => role.Expected.TryGetValue(skill.RowId, out var level) ? level : null;

    public static void Expect(RoleRow role, SkillRow skill, int? level)
    {
        if (level is { } value)
        {
            role.Expected[skill.RowId] = value;
        }
        else
        {
            role.Expected.Remove(skill.RowId);
        }
    }
}
