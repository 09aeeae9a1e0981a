using System.Globalization;

namespace CareerPath.Domain.Common;

/// <summary>
/// Reads a number as the user typed it, with a message in their words when it is not one the field accepts: nothing
/// is rounded, clamped or dropped without a word ("1e15" is far too large, not empty; "2.5" is not a whole number).
/// </summary>
public static class NumberText
{
    /// <summary>Null for an empty box; the value when it is a number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <exception cref="DomainException">The text is not a number, or out of range; the message names <paramref name="what"/>.</exception>
    public static decimal? Decimal(string? text, string what, decimal min, decimal max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = text.Trim().Replace('\u2212', '-');
        if (!double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var rough) || double.IsNaN(rough) || double.IsInfinity(rough))
        {
            throw new DomainException($"{what} must be a number, such as 12 or 3.5.");
        }

        // Out of range is said as such, even beyond what a decimal can hold (1e30).
        if (rough < (double)min)
        {
            throw new DomainException(min == 0 ? $"{what} cannot be negative." : $"{what} must be at least {Show(min)}.");
        }

        if (rough > (double)max || !decimal.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new DomainException($"{what} must be at most {Show(max)}.");
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
}
