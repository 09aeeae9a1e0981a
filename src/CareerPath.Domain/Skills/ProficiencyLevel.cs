using CareerPath.Domain.Common;

namespace CareerPath.Domain.Skills;

/// <summary>
/// A proficiency rating: a step on a framework's rating scale, 1 for the lowest. How many steps there are and what
/// they are called belongs to the framework (<see cref="RatingScale"/>); this type only holds the number.
/// </summary>
public readonly record struct ProficiencyLevel : IComparable<ProficiencyLevel>
{
    public const int Min = 1;

    /// <summary>The highest step any framework's scale may have (<see cref="RatingScale.MaxLevels"/>).</summary>
    public const int Max = RatingScale.MaxLevels;

    private ProficiencyLevel(int value) => Value = value;

    public int Value { get; }

    public static ProficiencyLevel From(int value) =>
        new(Guard.Range(value, "A proficiency level", Min, Max));

    public int CompareTo(ProficiencyLevel other) => Value.CompareTo(other.Value);

    public static bool operator <(ProficiencyLevel left, ProficiencyLevel right) => left.Value < right.Value;
    public static bool operator >(ProficiencyLevel left, ProficiencyLevel right) => left.Value > right.Value;
    public static bool operator <=(ProficiencyLevel left, ProficiencyLevel right) => left.Value <= right.Value;
    public static bool operator >=(ProficiencyLevel left, ProficiencyLevel right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
