using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Skills;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Features.Assessment;

/// <summary>
/// The parts of the audit page that are the same for everyone rating on one framework version, built once per catalog
/// and shared by every circuit. A live page keeps its whole render tree (twice: the tree shown and the one before), so
/// static text is rendered as one markup block instead of an element, its attributes and its text each, and the
/// strings the page would otherwise build at every render (ids) are built here once. A skill's levels, radios included,
/// are one block too (see <see cref="SkillMarkup.Options"/>): the page's one input handler reads which radio was chosen
/// from its value, "skill|level".
/// </summary>
internal sealed class AuditMarkup
{
    /// <summary>What a radio's value puts between the skill and the level.</summary>
    public const char Separator = '|';

    private static readonly ConditionalWeakTable<CareerCatalog, AuditMarkup> Cache = [];

    private readonly Dictionary<string, SkillMarkup> _skills;

    private AuditMarkup(CareerCatalog catalog)
    {
        var budget = new SharedBudget(MaxSharedChars);
        _skills = catalog.Skills.Select((s, i) => (s.Slug, Markup: new SkillMarkup(s, catalog.Scale, i, budget))).ToDictionary(x => x.Slug, x => x.Markup);
        Categories = catalog.Categories.ToDictionary(c => c.Slug, c => $"cat-{c.Slug}");
        CategoryHeadings = catalog.Categories.ToDictionary(c => c.Slug, c => new MarkupString($"<h2 id=\"{MarkupText.Encode(Categories[c.Slug])}\">{MarkupText.Encode(c.Name)}</h2>"));
        RoleOptions = CatalogOptions.For(catalog).Roles;
        Levels = catalog.Scale.All.Select(l => l.Value).ToHashSet();
    }

    public static AuditMarkup For(CareerCatalog catalog) => Cache.GetValue(catalog, c => new AuditMarkup(c));

    /// <summary>The role picker's options, grouped by ladder; the select's value picks one.</summary>
    public MarkupString RoleOptions { get; }

    /// <summary>Each category's heading id, by category slug.</summary>
    public IReadOnlyDictionary<string, string> Categories { get; }

    /// <summary>Each category's heading (with its id), by category slug.</summary>
    public IReadOnlyDictionary<string, MarkupString> CategoryHeadings { get; }

    private IReadOnlySet<int> Levels { get; }

    public SkillMarkup this[string skillSlug] => _skills[skillSlug];

    public int SkillCount => _skills.Count;

    /// <summary>
    /// Reads a radio's value ("skill|level", see <see cref="SkillMarkup.Options"/>). It comes from the browser, so
    /// anything that is not a skill of this framework and a level of its scale is refused.
    /// </summary>
    public bool TryReadRating(object? value, out string skillSlug, out int level)
    {
        skillSlug = "";
        level = 0;
        if (value is not string text)
        {
            return false;
        }

        var at = text.LastIndexOf(Separator);
        if (at < 1 || !_skills.ContainsKey(text[..at]) || !int.TryParse(text.AsSpan(at + 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out level) || !Levels.Contains(level))
        {
            level = 0;
            return false;
        }

        skillSlug = text[..at];
        return true;
    }

    /// <summary>
    /// How much level-block text one framework version keeps shared, in characters (about 4 MB). An imported framework
    /// can be large and its rubric text long, and every (checked, expected) pair makes a block: past this, blocks are
    /// built for the page that asks and not kept.
    /// </summary>
    public const long MaxSharedChars = 2_000_000;

    /// <summary>Characters still allowed to be kept; once spent, nothing more is.</summary>
    internal sealed class SharedBudget(long chars)
    {
        private long _left = chars;

        public bool TryTake(int chars) => Interlocked.Add(ref _left, -chars) >= 0;
    }

    /// <summary>One skill's ids, radio values and static text.</summary>
    internal sealed class SkillMarkup
    {
        private readonly MarkupString[] _heads;
        private readonly string[] _levels;
        private readonly string[] _expectedLevels;
        private readonly string[] _radios;
        private readonly ConcurrentDictionary<(int Checked, int Expected, bool Alternate), MarkupString> _options = new();

        private readonly SharedBudget _budget;

        public SkillMarkup(Skill skill, RatingScale scale, int index, SharedBudget budget)
        {
            _budget = budget;
            Index = index;
            RateId = $"rate-{skill.Slug}";
            EvidenceId = $"evidence-{skill.Slug}";
            var name = MarkupText.Encode(skill.Name);
            var legend = $"<legend class=\"rate__legend\" id=\"{MarkupText.Encode(RateId)}\">";
            var description = $"<p class=\"muted\">{MarkupText.Encode(skill.Description)}</p>";
            // The legend and the description, unrated first, then rated at each level.
            _heads = new MarkupString[scale.Count + 1];
            _heads[0] = new($"{legend}{name}</legend>{description}");
            _levels = new string[scale.Count];
            _expectedLevels = new string[scale.Count];
            _radios = new string[scale.Count];
            foreach (var level in scale.All)
            {
                var i = level.Value - 1;
                _heads[level.Value] = new($"{legend}{name} <span class=\"badge\">Rated {level.Value}</span></legend>{description}");
                var text = $"<span class=\"rate__text\">{MarkupText.Encode(skill.DescribeLevel(level))}</span>";
                _levels[i] = $"<span class=\"rate__level\">{MarkupText.Encode(scale.Describe(level))}</span>{text}</label>";
                _expectedLevels[i] = $"<span class=\"rate__level\">{MarkupText.Encode(scale.Describe(level))} <span class=\"rate__expected\">role expects</span></span>{text}</label>";
                _radios[i] = $"<label><input type=\"radio\" name=\"{MarkupText.Encode(skill.Slug)}\" value=\"{MarkupText.Encode($"{skill.Slug}{Separator}{level.Value}")}\"";
            }

            EvidenceLabel = new($"<label for=\"{MarkupText.Encode(EvidenceId)}\">Evidence <span class=\"muted\">(optional)</span></label>");
            UnratedEvidence = new($"{EvidenceLabel.Value}<textarea id=\"{MarkupText.Encode(EvidenceId)}\" maxlength=\"{SkillAudit.EvidenceMaxLength}\" disabled></textarea>"
                + "<span class=\"field__hint\">Pick a level first, then add evidence.</span>");
        }

        /// <summary>The skill's place in the catalog's list of skills.</summary>
        public int Index { get; }

        /// <summary>The legend's id, the anchor other pages link to ("Re-rate now").</summary>
        public string RateId { get; }

        public string EvidenceId { get; }

        public MarkupString EvidenceLabel { get; }

        /// <summary>
        /// The evidence box of a skill not rated yet, label and hint included: disabled, so it takes no input and needs
        /// no handlers; once the skill is rated the page renders a live box in its place.
        /// </summary>
        public MarkupString UnratedEvidence { get; }

        /// <summary>The legend (with "Rated n" once rated) and the description.</summary>
        public MarkupString Head(int? rated) => _heads[rated ?? 0];

        /// <summary>
        /// The levels to choose from: a label per level with its radio inside (value "skill|level"), the one checked
        /// and the one the role expects (0 for none). Two spellings of each, equal in the browser and unequal as text
        /// (<paramref name="alternate"/>), so a page can have the browser's block replaced to match the levels saved.
        /// </summary>
        public MarkupString Options(int @checked, int expected, bool alternate)
        {
            var key = (@checked, expected, alternate);
            if (_options.TryGetValue(key, out var shared))
            {
                return shared;
            }

            var html = new System.Text.StringBuilder("<div class=\"rate__options\">");
            for (var i = 0; i < _radios.Length; i++)
            {
                html.Append(_radios[i]).Append(@checked == i + 1 ? " checked>" : ">")
                    .Append(expected == i + 1 ? _expectedLevels[i] : _levels[i]);
            }

            MarkupString built = new(html.Append(alternate ? "</div> " : "</div>").ToString());
            return _budget.TryTake(built.Value.Length) ? _options.GetOrAdd(key, built) : built;
        }
    }
}
