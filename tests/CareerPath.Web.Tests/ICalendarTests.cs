using System.Text;
using CareerPath.Web.Services;

namespace CareerPath.Web.Tests;

/// <summary>The calendar export against RFC 5545's rules.</summary>
public sealed class ICalendarTests
{
    private static readonly DateTime Stamp = new(2026, 11, 21, 22, 5, 9, DateTimeKind.Utc);

    [Fact]
    public void Lines_end_in_crlf_and_the_calendar_is_well_formed()
    {
        var ics = ICalendar.Write([new CalendarEvent("a@careerpath", new DateOnly(2027, 1, 15), "Goal due", null)], Stamp);

        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.EndsWith("\r\n", ics);
        var lines = ics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.Contains("DTSTART;VALUE=DATE:20270115", lines);
        Assert.Contains("DTEND;VALUE=DATE:20270116", lines);
        Assert.Contains("UID:a@careerpath", lines);
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), lines.Count(l => l == "END:VEVENT"));
    }

    [Fact]
    public void Timestamps_are_utc_with_a_z_suffix()
    {
        var local = new DateTime(2026, 11, 21, 23, 5, 9, DateTimeKind.Local);

        var ics = ICalendar.Write([new CalendarEvent("a", new DateOnly(2027, 1, 1), "x", null)], local);

        Assert.Contains($"DTSTAMP:{local.ToUniversalTime():yyyyMMdd'T'HHmmss}Z\r\n", ics);
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("two\r\nlines", "two\\nlines")]
    public void Text_values_are_escaped(string raw, string escaped) =>
        Assert.Equal(escaped, ICalendar.Escape(raw));

    [Fact]
    public void Long_lines_fold_at_75_octets_and_unfold_to_the_original()
    {
        var summary = string.Concat(Enumerable.Repeat("Lead the platform migration; then write, ship & review. ", 6));

        var ics = ICalendar.Write([new CalendarEvent("a", new DateOnly(2027, 1, 1), summary, null)], Stamp);

        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains($"SUMMARY:{ICalendar.Escape(summary)}\r\n", unfolded);
    }

    [Fact]
    public void Folding_never_splits_a_multi_byte_character()
    {
        var summary = string.Concat(Enumerable.Repeat("Präsentation für das Führungsteam — 🚀 ", 8));

        var ics = ICalendar.Write([new CalendarEvent("a", new DateOnly(2027, 1, 1), summary, null)], Stamp);

        var bytes = Encoding.UTF8.GetBytes(ics);
        Assert.Equal(ics, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        Assert.All(ics.Split("\r\n"), line =>
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75);
            Assert.False(char.IsLowSurrogate(line.FirstOrDefault(c => c != ' ')), "a line starts inside a surrogate pair");
        });
        Assert.Contains($"SUMMARY:{summary}", ics.Replace("\r\n ", ""));
    }
}
