using CareerPath.Domain.Common;

namespace CareerPath.Domain.Skills;

/// <summary>
/// A framework's rating scale: the named steps every skill's rubric describes and every rating picks from, lowest
/// first. Frameworks use from 3 to 10 steps; the seeded TPM framework uses five.
/// </summary>
public sealed class RatingScale
{
    public const int MinLevels = 3;
    public const int MaxLevels = 10;
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 500;

    private readonly ScaleLevel[] _levels;

    public RatingScale(IEnumerable<ScaleLevel> levels)
    {
        _levels = levels.Select((l, i) => new ScaleLevel(
            Guard.Text(l.Name, $"The name of scale level {i + 1}", NameMaxLength),
            Guard.OptionalText(l.Description, $"The description of scale level {i + 1}", DescriptionMaxLength))).ToArray();
        if (_levels.Length is < MinLevels or > MaxLevels)
        {
            throw new DomainException($"A rating scale must have {MinLevels} to {MaxLevels} levels (it has {_levels.Length}).");
        }

        var repeated = _levels.GroupBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new DomainException($"Two levels of the rating scale are both called '{repeated.Key}'.");
        }

        All = Enumerable.Range(ProficiencyLevel.Min, _levels.Length).Select(ProficiencyLevel.From).ToArray();
    }

    /// <summary>The five steps of the seeded framework, used when a framework names none.</summary>
    public static RatingScale Default { get; } = new([
        new("Aware", null), new("Developing", null), new("Proficient", null), new("Advanced", null), new("Expert", null),
    ]);

    public IReadOnlyList<ScaleLevel> Levels => _levels;

    /// <summary>Every rating on the scale, lowest first.</summary>
    public IReadOnlyList<ProficiencyLevel> All { get; }

    public int Count => _levels.Length;

    public ProficiencyLevel Highest => All[^1];

    /// <summary>A scale of <paramref name="count"/> steps called "Level 1", "Level 2" and so on.</summary>
    public static RatingScale Numbered(int count) =>
        new(Enumerable.Range(1, Guard.Range(count, "The number of levels", MinLevels, MaxLevels)).Select(i => new ScaleLevel($"Level {i}", null)));

    public bool Contains(int value) => value >= ProficiencyLevel.Min && value <= _levels.Length;

    public string NameOf(ProficiencyLevel level) =>
        Contains(level.Value) ? _levels[level.Value - 1].Name : throw new DomainException($"Level {level.Value} is not on this {Count}-level scale.");

    /// <summary>"3 · Proficient": how a rating reads wherever one is shown.</summary>
    public string Describe(ProficiencyLevel level) => $"{level.Value} · {NameOf(level)}";

    public string NameOf(int value) => NameOf(ProficiencyLevel.From(value));
}

/// <summary>One step of a rating scale.</summary>
public sealed record ScaleLevel(string Name, string? Description);
