using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Catalog;

/// <summary>
/// A consistent, read-only snapshot of a career framework: every reference between its parts is checked
/// when it is built, so code that reads it never meets a dangling slug or a level off its scale.
/// </summary>
public sealed class CareerCatalog
{
    private readonly Dictionary<string, Role> _roles;
    private readonly Dictionary<string, Skill> _skills;
    private readonly Dictionary<string, List<Role>> _leadsInto;
    private readonly Dictionary<string, List<GrowthResource>> _resourcesBySkill;
    private readonly Dictionary<string, IReadOnlyList<Role>> _nextRoles;
    private PlannerIndex? _plannerIndex;

    public CareerCatalog(
        IEnumerable<Ladder> ladders,
        IEnumerable<Role> roles,
        IEnumerable<SkillCategory> categories,
        IEnumerable<Skill> skills,
        IEnumerable<Track> tracks,
        IEnumerable<GrowthResource> resources,
        IEnumerable<CareerFactor> factors,
        IEnumerable<CareerStep> steps,
        RatingScale? scale = null,
        bool typicalTimesAssumed = false)
    {
        Scale = scale ?? RatingScale.Default;
        TypicalTimesAssumed = typicalTimesAssumed;
        Ladders = ladders.OrderBy(l => l.Order).ToList();
        Categories = categories.OrderBy(c => c.Order).ToList();
        Skills = skills.OrderBy(s => Categories.ToList().FindIndex(c => c.Slug == s.CategorySlug)).ThenBy(s => s.Order).ToList();
        Roles = roles.OrderBy(r => r.Seniority).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        Tracks = tracks.OrderBy(t => t.Order).ToList();
        Resources = resources.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        Factors = factors.OrderBy(f => f.Order).ToList();
        Steps = steps.OrderBy(s => s.Order).ToList();

        _roles = Unique(Roles, r => r.Slug, "role");
        _skills = Unique(Skills, s => s.Slug, "skill");
        var ladderSlugs = Unique(Ladders, l => l.Slug, "ladder");
        var categorySlugs = Unique(Categories, c => c.Slug, "skill category");
        Unique(Tracks, t => t.Slug, "track");
        Unique(Resources, r => r.Slug, "growth resource");
        Unique(Factors, f => f.Slug, "career factor");

        foreach (var skill in Skills)
        {
            Require(categorySlugs.ContainsKey(skill.CategorySlug), $"Skill '{skill.Slug}' names an unknown category '{skill.CategorySlug}'.");
            Require(skill.Rubric.Count == Scale.Count,
                $"The rubric for '{skill.Slug}' describes {skill.Rubric.Count} levels; the framework's scale has {Scale.Count}.");
        }

        foreach (var role in Roles)
        {
            Require(ladderSlugs.ContainsKey(role.LadderSlug), $"Role '{role.Slug}' names an unknown ladder '{role.LadderSlug}'.");
            foreach (var expectation in role.Expectations)
            {
                Require(_skills.ContainsKey(expectation.SkillSlug), $"Role '{role.Slug}' expects an unknown skill '{expectation.SkillSlug}'.");
                Require(Scale.Contains(expectation.Level.Value),
                    $"Role '{role.Slug}' expects level {expectation.Level.Value} of '{expectation.SkillSlug}'; the framework's scale has {Scale.Count}.");
            }

            foreach (var next in role.NextRoles)
            {
                Require(_roles.ContainsKey(next.ToRoleSlug), $"Role '{role.Slug}' leads into an unknown role '{next.ToRoleSlug}'.");
            }
        }

        foreach (var track in Tracks)
        {
            foreach (var skill in track.KeySkillSlugs)
            {
                Require(_skills.ContainsKey(skill), $"Track '{track.Slug}' names an unknown skill '{skill}'.");
            }
        }

        foreach (var resource in Resources)
        {
            foreach (var skill in resource.SkillSlugs)
            {
                Require(_skills.ContainsKey(skill), $"Growth resource '{resource.Slug}' names an unknown skill '{skill}'.");
            }
        }

        // A framework that names no moves at all (many published ladders do not) climbs its ladders: each role leads
        // into the next more senior role on the same ladder.
        HasTransitions = Roles.Any(r => r.NextRoles.Count > 0);
        _nextRoles = Roles.ToDictionary(
            r => r.Slug,
            r => HasTransitions
                ? (IReadOnlyList<Role>)r.NextRoles.Select(n => _roles[n.ToRoleSlug]).OrderBy(n => n.Seniority).ToList()
                : NextUp(r),
            StringComparer.Ordinal);
        _leadsInto = Roles.ToDictionary(r => r.Slug, _ => new List<Role>());
        foreach (var (from, next) in _nextRoles)
        {
            foreach (var to in next)
            {
                _leadsInto[to.Slug].Add(_roles[from]);
            }
        }

        _resourcesBySkill = Skills.ToDictionary(
            s => s.Slug,
            s => Resources.Where(r => r.SkillSlugs.Contains(s.Slug)).ToList());
    }

    /// <summary>The stored framework version this snapshot was read from; null for one built in memory.</summary>
    public Guid? VersionId { get; private set; }

    /// <summary>Records which stored version this snapshot is (once): records made with it remember that version.</summary>
    public CareerCatalog IdentifyAs(Guid versionId)
    {
        if (VersionId is not null && VersionId != versionId)
        {
            throw new InvalidOperationException($"This catalog is already version {VersionId}.");
        }

        VersionId = versionId;
        return this;
    }

    /// <summary>The steps every rubric describes and every rating picks from.</summary>
    public RatingScale Scale { get; }

    /// <summary>
    /// The framework gives no typical time in any role, so every role's is the assumed
    /// <see cref="Frameworks.FrameworkBuilder.DefaultMonthsInRole"/>: forecasts built on it say so.
    /// </summary>
    public bool TypicalTimesAssumed { get; }

    /// <summary>Whether the framework names moves between roles; without them, moves climb each ladder.</summary>
    public bool HasTransitions { get; }

    public IReadOnlyList<Ladder> Ladders { get; }
    public IReadOnlyList<SkillCategory> Categories { get; }
    public IReadOnlyList<Skill> Skills { get; }
    public IReadOnlyList<Role> Roles { get; }
    public IReadOnlyList<Track> Tracks { get; }
    public IReadOnlyList<GrowthResource> Resources { get; }
    public IReadOnlyList<CareerFactor> Factors { get; }
    public IReadOnlyList<CareerStep> Steps { get; }

    public Role? FindRole(string? slug) => slug is null ? null : _roles.GetValueOrDefault(slug);

    public Skill? FindSkill(string? slug) => slug is null ? null : _skills.GetValueOrDefault(slug);

    /// <summary>The roles on a ladder, most junior first.</summary>
    public IReadOnlyList<Role> RolesOn(string ladderSlug) =>
        Roles.Where(r => r.LadderSlug == ladderSlug).ToList();

    /// <summary>The roles people typically come from before this one.</summary>
    public IReadOnlyList<Role> PreviousRoles(string roleSlug) =>
        _leadsInto.TryGetValue(roleSlug, out var from) ? from : [];

    /// <summary>The roles this one typically leads into.</summary>
    public IReadOnlyList<Role> NextRoles(string roleSlug) =>
        _nextRoles.TryGetValue(roleSlug, out var next) ? next : [];

    public IReadOnlyList<Skill> SkillsIn(string categorySlug) =>
        Skills.Where(s => s.CategorySlug == categorySlug).ToList();

    public IReadOnlyList<GrowthResource> ResourcesFor(string skillSlug) =>
        _resourcesBySkill.TryGetValue(skillSlug, out var list) ? list : [];

    public IReadOnlyList<GrowthResource> ResourcesOfKind(GrowthResourceKind kind) =>
        Resources.Where(r => r.Kind == kind).ToList();

    /// <summary>The arrays the roadmap planner works on; built on first use (a benign race builds the same thing twice).</summary>
    internal PlannerIndex PlannerIndex => _plannerIndex ??= new PlannerIndex(this);

    private List<Role> NextUp(Role role)
    {
        var higher = Roles.Where(r => r.LadderSlug == role.LadderSlug && r.Seniority > role.Seniority).ToList();
        return higher.Count == 0 ? [] : higher.Where(r => r.Seniority == higher.Min(h => h.Seniority)).ToList();
    }

    private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            Require(map.TryAdd(key(item), item), $"The catalog has two of {what} '{key(item)}'.");
        }

        return map;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}
