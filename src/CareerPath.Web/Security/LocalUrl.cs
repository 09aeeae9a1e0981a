namespace CareerPath.Web.Security;

/// <summary>Return addresses from query strings and forms: only paths inside this app are followed.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The address as a path relative to the app's base (no leading slash), or <paramref name="fallback"/> when it
    /// could lead anywhere else: a scheme (<c>https:</c>, <c>javascript:</c>), a host (<c>//evil</c>), a backslash
    /// that browsers read as a slash (<c>/\evil</c>), or control characters and spaces that browsers strip.
    /// </summary>
    public static string OrDefault(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048)
        {
            return fallback;
        }

        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return fallback;
            }
        }

        var path = url.StartsWith("~/", StringComparison.Ordinal) ? url[1..] : url;
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            return fallback;
        }

        // A colon before the first slash, ? or # is a scheme ("https:", "javascript:"); after it, it is just data.
        var end = path.IndexOfAny(['/', '?', '#']);
        if (path.AsSpan(0, end < 0 ? path.Length : end).Contains(':'))
        {
            return fallback;
        }

        return path.TrimStart('/');
    }
}
