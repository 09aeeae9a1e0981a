using System.Globalization;
using System.Text;

namespace CareerPath.Web.Services;

/// <summary>One all-day entry in a calendar.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string? Description);

/// <summary>
/// Writes an iCalendar file (RFC 5545): CRLF line endings, lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped, DTSTAMP in UTC, all-day events as DATE values.
/// </summary>
public static class ICalendar
{
    private const int MaxOctets = 75;

    public static string Write(IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        var output = new StringBuilder();
        void Line(string line) => Fold(output, line);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//CareerPath//Goals//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        var stamp = stampUtc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{Escape(e.Uid)}");
            Line($"DTSTAMP:{stamp}");
            Line($"DTSTART;VALUE=DATE:{e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
            Line($"DTEND;VALUE=DATE:{e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
            Line($"SUMMARY:{Escape(e.Summary)}");
            if (!string.IsNullOrEmpty(e.Description))
            {
                Line($"DESCRIPTION:{Escape(e.Description)}");
            }

            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and one space. Lines are
    /// split between characters (never inside a UTF-8 sequence), as the RFC allows.
    /// </summary>
    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit && octets > 0)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space of a continuation line counts
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}
