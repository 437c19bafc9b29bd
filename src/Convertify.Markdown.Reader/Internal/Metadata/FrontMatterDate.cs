using System.Globalization;
using Convertify.Model;

namespace Convertify.Markdown.Reader.Internal.Metadata;

/// <summary>
/// Reads the dates front matter holds: RFC 3339 (what Convertify, Hugo and most tools write), Jekyll's
/// <c>2024-03-01 10:00:00 +0800</c>, and date-only values. A time without a zone is taken as UTC.
/// </summary>
internal static class FrontMatterDate
{
    private static readonly string[] ZonedFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF K",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm K",
    ];

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm",
    ];

    /// <summary>Parses <paramref name="text"/>; false when it is no date this reader knows.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value, out DatePrecision precision)
    {
        value = default;
        precision = DatePrecision.Second;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        // Jekyll writes the zone as +0800: DateTimeOffset's K wants +08:00.
        if (trimmed.Length > 5 && trimmed[^5] is '+' or '-' && trimmed.AsSpan(trimmed.Length - 4).IndexOfAnyExceptInRange('0', '9') < 0 && trimmed.Length > 10)
        {
            trimmed = trimmed[..^2] + ":" + trimmed[^2..];
        }
        var culture = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(trimmed, ZonedFormats, culture, DateTimeStyles.None, out value)
            || DateTimeOffset.TryParseExact(trimmed, LocalFormats, culture, DateTimeStyles.AssumeUniversal, out value))
        {
            precision = PrecisionOf(trimmed);
            return true;
        }
        if (DateTimeOffset.TryParseExact(trimmed, "yyyy-MM-dd", culture, DateTimeStyles.AssumeUniversal, out value))
        {
            precision = DatePrecision.Day;
            return true;
        }
        return false;
    }

    /// <summary>Seconds with a fraction, seconds, or minutes, from the time's shape (<c>HH:mm:ss.f</c>, <c>HH:mm:ss</c>, <c>HH:mm</c>).</summary>
    private static DatePrecision PrecisionOf(string text)
    {
        var time = text.AsSpan(11);
        var colons = time.Count(':');
        var zoneColon = time.Length > 0 && time.LastIndexOfAny('+', '-') > 4 && time[time.LastIndexOfAny('+', '-')..].Contains(':') ? 1 : 0;
        if (time.Length > 8 && time[8] == '.')
        {
            return DatePrecision.Millisecond;
        }
        return colons - zoneColon >= 2 ? DatePrecision.Second : DatePrecision.Minute;
    }
}
