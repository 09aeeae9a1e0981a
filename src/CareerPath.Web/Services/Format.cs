using System.Globalization;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;

namespace CareerPath.Web.Services;

/// <summary>Numbers and durations as people say them.</summary>
public static class Format
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Money(int amount, string currency = "USD") =>
        currency == "USD" ? amount.ToString("$#,0", Us) : $"{amount.ToString("#,0", Us)} {currency}";

    public static string Salary(SalaryBand? band) =>
        band is null ? "No published figure" : $"{Money(band.Min, band.Currency)} – {Money(band.Max, band.Currency)}";

    public static string Cost(int usd) => usd == 0 ? "Free" : $"about {Money(usd)}";

    public static string Months(int months) => months switch
    {
        < 12 => Plural(months, "month"),
        _ when months % 12 == 0 => Plural(months / 12, "year"),
        _ => $"{Plural(months / 12, "year")} {Plural(months % 12, "month")}",
    };

    public static string Weeks(int weeks) => weeks switch
    {
        0 => "Ongoing",
        < 9 => Plural(weeks, "week"),
        _ => $"about {Months((int)Math.Round(weeks / 4.345))}",
    };

    public static string Plural(int count, string noun) => Plural(count, noun, noun + "s");

    public static string Plural(int count, string noun, string plural) => count == 1 ? $"1 {noun}" : $"{count:N0} {plural}";

    /// <summary>Items as a sentence says them: "a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    public static string Kind(GrowthResourceKind kind) => kind switch
    {
        GrowthResourceKind.Certification => "Certification",
        GrowthResourceKind.Degree => "Degree",
        GrowthResourceKind.Course => "Course or bootcamp",
        GrowthResourceKind.Workshop => "Workshop or seminar",
        GrowthResourceKind.CrossFunctionalProject => "Cross-functional project",
        GrowthResourceKind.LeadershipRole => "Leadership role",
        GrowthResourceKind.InternalTraining => "Internal training",
        GrowthResourceKind.Mentorship => "Mentorship",
        GrowthResourceKind.Conference => "Conference",
        GrowthResourceKind.ProfessionalAssociation => "Professional association",
        GrowthResourceKind.NetworkingCommunity => "Networking community",
        _ => kind.ToString(),
    };

    public static string KindHeading(GrowthResourceKind kind) => kind switch
    {
        GrowthResourceKind.Certification => "Certifications",
        GrowthResourceKind.Degree => "Degrees",
        GrowthResourceKind.Course => "Courses and bootcamps",
        GrowthResourceKind.Workshop => "Workshops and seminars",
        GrowthResourceKind.CrossFunctionalProject => "Cross-functional projects",
        GrowthResourceKind.LeadershipRole => "Leadership roles",
        GrowthResourceKind.InternalTraining => "Internal training",
        GrowthResourceKind.Mentorship => "Mentorship",
        GrowthResourceKind.Conference => "Conferences",
        GrowthResourceKind.ProfessionalAssociation => "Professional associations",
        GrowthResourceKind.NetworkingCommunity => "Networking communities",
        _ => kind.ToString(),
    };

    /// <summary>
    /// A download's file name from what the user called the thing: ASCII letters and digits (accents dropped, so
    /// "Engenharia – Backend" is "engenharia-backend"), hyphens between words, at most 60 characters;
    /// <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string FileName(string name, string fallback)
    {
        var safe = new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        safe = string.Join('-', safe.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return string.IsNullOrEmpty(safe) ? fallback : safe.Length > 60 ? safe[..60].TrimEnd('-') : safe;
    }
}
