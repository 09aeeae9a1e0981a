using CareerPath.Domain.Common;

namespace CareerPath.Domain.Skills;

/// <summary>A proficiency rating on the catalog's 1–5 rubric.</summary>
public readonly record struct ProficiencyLevel : IComparable<ProficiencyLevel>
{
    public const int Min = 1;
    public const int Max = 5;

    private ProficiencyLevel(int value) => Value = value;

    public int Value { get; }

    public static ProficiencyLevel From(int value) =>
        new(Guard.Range(value, "A proficiency level", Min, Max));

    public static IReadOnlyList<ProficiencyLevel> All { get; } =
        Enumerable.Range(Min, Max - Min + 1).Select(v => new ProficiencyLevel(v)).ToArray();

    public string Label => Value switch
    {
        1 => "Aware",
        2 => "Developing",
        3 => "Proficient",
        4 => "Advanced",
        _ => "Expert",
    };

    public int CompareTo(ProficiencyLevel other) => Value.CompareTo(other.Value);

    public static bool operator <(ProficiencyLevel left, ProficiencyLevel right) => left.Value < right.Value;
    public static bool operator >(ProficiencyLevel left, ProficiencyLevel right) => left.Value > right.Value;
    public static bool operator <=(ProficiencyLevel left, ProficiencyLevel right) => left.Value <= right.Value;
    public static bool operator >=(ProficiencyLevel left, ProficiencyLevel right) => left.Value >= right.Value;

    public override string ToString() => $"{Value} · {Label}";
}
