using System.Text.RegularExpressions;

namespace CareerPath.Domain.Common;

/// <summary>Shared argument checks that raise <see cref="DomainException"/> with a readable message.</summary>
public static partial class Guard
{
    public static string Text(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{what} is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} must be at most {maxLength} characters (it is {trimmed.Length}).");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, what, maxLength);

    public static string Slug(string? value, string what)
    {
        var slug = Text(value, what, Common.Slug.MaxLength);
        if (!SlugPattern().IsMatch(slug))
        {
            throw new DomainException($"{what} '{slug}' must be lower-case letters, digits and single hyphens.");
        }

        return slug;
    }

    public static int Range(int value, string what, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new DomainException($"{what} must be between {min:N0} and {max:N0} (it is {value:N0}).");
        }

        return value;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

/// <summary>Limits on catalog identifiers, shared by the domain and the database schema.</summary>
public static class Slug
{
    public const int MaxLength = 80;
}
