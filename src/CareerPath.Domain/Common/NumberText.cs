using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerPath.Domain.Common;

/// <summary>
/// Reads a number as the user typed it, with a message in their words when it is not one the field accepts: nothing
/// is rounded, clamped or dropped without a word ("1e15" is far too large, not empty; "2.5" is not a whole number).
/// </summary>
public static partial class NumberText
{
    /// <summary>The most decimal places a value keeps; more would be rounded away, so they are refused instead.</summary>
    public const int MaxDecimalPlaces = 6;

    /// <summary>
    /// Null for an empty box; the value when it is a number from <paramref name="min"/> to <paramref name="max"/>
    /// with at most <see cref="MaxDecimalPlaces"/> decimal places. A lone decimal comma ("3,5", all a phone keypad
    /// offers in many countries) reads as a point; a thousands separator ("1,000") is refused, not guessed.
    /// </summary>
    /// <exception cref="DomainException">The text is not such a number; the message names <paramref name="what"/>.</exception>
    public static decimal? Decimal(string? text, string what, decimal min, decimal max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = text.Trim().Replace('\u2212', '-');
        if (!clean.Contains('.') && clean.Count(c => c == ',') == 1 && !ThousandsGroup().IsMatch(clean))
        {
            clean = clean.Replace(',', '.');
        }

        if (!double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var rough) || double.IsNaN(rough))
        {
            throw new DomainException($"{what} must be a number, such as 12 or 3.5, without thousands separators.");
        }

        // Out of range is said as such, however far out (1e30, 1e400, minus infinity).
        if (rough < (double)min)
        {
            throw new DomainException(min == 0 ? $"{what} cannot be negative." : $"{what} must be at least {Show(min)}.");
        }

        if (rough > (double)max)
        {
            throw new DomainException($"{what} must be at most {Show(max)}.");
        }

        if (!decimal.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || (value == 0 && rough != 0) || decimal.Round(value, MaxDecimalPlaces) != value)
        {
            throw new DomainException($"{what} can have at most {MaxDecimalPlaces} decimal places.");
        }

        return value < min ? throw new DomainException($"{what} must be at least {Show(min)}.")
            : value > max ? throw new DomainException($"{what} must be at most {Show(max)}.")
            : value;
    }

    /// <summary>Like <see cref="Decimal"/>, for a count: "2.5" is refused as not a whole number.</summary>
    public static int? WholeNumber(string? text, string what, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        decimal? value;
        try
        {
            value = Decimal(text, what, min, max);
        }
        catch (DomainException) when (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new DomainException($"{what} must be a whole number, such as 12.");
        }

        return value % 1 != 0 ? throw new DomainException($"{what} must be a whole number, such as 12.") : (int)value!.Value;
    }

    /// <summary>The message for <paramref name="text"/>, or null when it is fine (for showing under a field as the user types).</summary>
    public static string? Problem(Func<object?> parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
    }

    private static string Show(decimal number) => number.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A comma followed by exactly three digits at the end: "1,000" is a thousand to some readers and one to others.</summary>
    [GeneratedRegex(@",\d{3}$")]
    private static partial Regex ThousandsGroup();
}
