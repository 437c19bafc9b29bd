using System.Globalization;
using Convertify.Model;

namespace Convertify.Archive.Dates;

/// <summary>
/// Reads the date forms the archive's bodies use: RFC 1123 (<c>Thu, 29 Dec 2022 15:59:01 GMT</c>), ISO 8601 with or
/// without a zone, zone-less <c>2021-04-06 17:24:20</c>, rfi's <c>26/09/2023 - 10:44</c>, and Chinese <c>2020年 9月 9日</c>.
/// Relative text (<c>28 分钟前</c>) is not a date.
/// </summary>
internal static class BodyDateParser
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;

    internal static readonly string[] ZonedFormats =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm 'GMT'",
        "ddd, dd MMM yyyy HH:mm:ss 'UTC'", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz",
        "ddd, dd MMM yyyy HH:mm:ss K", "dd MMM yyyy HH:mm:ss 'GMT'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    internal static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/M/d HH:mm:ss", "yyyy/M/d HH:mm",
        "dd/MM/yyyy - HH:mm", "dd/MM/yyyy - HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy - HH:mm",
        "ddd, dd MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm:ss",
    ];

    internal static readonly string[] DateOnlyFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "dd/MM/yyyy"];

    private static readonly string[] EscapedDateOnlyFormats = [.. DateOnlyFormats.Select(DateFormatLiterals.Escape)];

    // What .NET is given for each format above and each numeric form of a named one: no step of its parse then needs ICU
    // beyond the invariant collator it opens once (see DateNameRewriter and DateFormatLiterals).
    private static readonly Dictionary<string, string> Escaped = ZonedFormats.Concat(LocalFormats)
        .SelectMany(f => DateNameRewriter.NumericFormat(f) is { } numeric ? [f, numeric] : new[] { f })
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(f => f, DateFormatLiterals.Escape, StringComparer.Ordinal);

    public static BodyDate? Parse(string text)
    {
        var date = ParseAny(text);
        // Years far outside the archive's range are typos or placeholders, and could overflow when an offset is applied.
        return date is { Local.Year: >= 1900 and <= 2200 } ? date : null;
    }

    /// <summary>
    /// A day a site's info box states: <c>2023.11.21</c>, <c>2022.5.17</c> (dotted, or with <c>-</c> or <c>/</c>), or any
    /// form <see cref="Parse"/> reads, cut to the day.
    /// </summary>
    public static BodyDate? ParseStatedDay(string text)
    {
        var raw = text.Trim();
        var parts = raw.Split(['.', '-', '/']);
        if (parts.Length == 3 && parts[0].Length == 4 && parts[1].Length is 1 or 2 && parts[2].Length is 1 or 2
            && TryNumber(parts[0], out var y) && TryNumber(parts[1], out var m) && TryNumber(parts[2], out var d)
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new BodyDate(new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified), null, DatePrecision.Day, raw);
        }
        return Parse(raw) is { } date ? new BodyDate(date.Local.Date, null, DatePrecision.Day, raw) : null;
    }

    private static BodyDate? ParseAny(string text)
    {
        var raw = text.Trim();
        if (raw.Length is 0 or > 64)
        {
            return null;
        }
        var s = NormaliseOffset(CollapseSpaces(raw));
        if (s.EndsWith('Z') || HasOffset(s) || s.Contains("GMT", StringComparison.Ordinal) || s.Contains("UTC", StringComparison.Ordinal)
            || (s.Length > 5 && s.Contains(',') && (s[^5] is '+' or '-')))
        {
            // Format by format is what TryParseExact does with a list: the first format that matches wins.
            foreach (var format in ZonedFormats)
            {
                if (TryParseZoned(s, format, out var zoned))
                {
                    return new BodyDate(zoned.DateTime, zoned.Offset, PrecisionOf(s), raw);
                }
            }
        }
        foreach (var format in LocalFormats)
        {
            if (TryParseLocal(s, format, out var local))
            {
                return new BodyDate(local, null, PrecisionOf(s), raw);
            }
        }
        if (TryParseDateOnly(s, out var day))
        {
            return new BodyDate(day.Date, null, DatePrecision.Day, raw);
        }
        return ParseChinese(s, raw);
    }

    /// <summary>
    /// <see cref="DateTimeOffset.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/> with the
    /// same result, without the culture-aware comparisons whose first use costs a one-file conversion ~6 ms: names are
    /// matched by <see cref="DateNameRewriter"/>, punctuation is escaped by <see cref="DateFormatLiterals"/>.
    /// </summary>
    internal static bool TryParseZoned(string s, string format, out DateTimeOffset value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (DateNameRewriter.Rewrite(s, format, out var text, out var dayOfWeek))
        {
            case DateNameMatch.NoMatch:
                value = default;
                return false;
            case DateNameMatch.Rewritten:
                // .NET checks the day of the week against the stated date and time, before any offset is applied.
                return DateTimeOffset.TryParseExact(text, EscapedFormat(DateNameRewriter.NumericFormat(format)!), inv, Styles, out value)
                    && (dayOfWeek is null || value.DateTime.DayOfWeek == dayOfWeek);
            default:
                return DateTimeOffset.TryParseExact(s, EscapedFormat(format), inv, Styles, out value);
        }
    }

    /// <summary><see cref="DateTime.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTime)"/>, as <see cref="TryParseZoned"/>.</summary>
    internal static bool TryParseLocal(string s, string format, out DateTime value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (DateNameRewriter.Rewrite(s, format, out var text, out var dayOfWeek))
        {
            case DateNameMatch.NoMatch:
                value = default;
                return false;
            case DateNameMatch.Rewritten:
                return DateTime.TryParseExact(text, EscapedFormat(DateNameRewriter.NumericFormat(format)!), inv, Styles, out value)
                    && (dayOfWeek is null || value.DayOfWeek == dayOfWeek);
            default:
                return DateTime.TryParseExact(s, EscapedFormat(format), inv, Styles, out value);
        }
    }

    /// <summary>TryParseExact with <see cref="DateOnlyFormats"/>, escaped.</summary>
    internal static bool TryParseDateOnly(string s, out DateTime value) =>
        DateTime.TryParseExact(s, EscapedDateOnlyFormats, CultureInfo.InvariantCulture, Styles, out value);

    private static string EscapedFormat(string format) => Escaped.TryGetValue(format, out var escaped) ? escaped : DateFormatLiterals.Escape(format);

    private static bool HasOffset(string s)
    {
        // ISO offsets: ...+08:00 / -0500 after a time.
        if (s.Length < 6)
        {
            return false;
        }
        var t = s.IndexOf('T');
        var colon = s.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }
        var tail = s.AsSpan(Math.Max(t, colon));
        return tail.IndexOfAny('+', '-') >= 0;
    }

    private static DatePrecision PrecisionOf(string s)
    {
        var colons = s.Count(c => c == ':');
        if (s.Contains('.') && colons >= 2 && s.IndexOf('.') > s.IndexOf(':'))
        {
            return DatePrecision.Millisecond;
        }
        // An offset like +08:00 adds a colon.
        var offsetColon = HasOffset(s) && s.Length > 6 && s[^3] == ':' ? 1 : 0;
        return colons - offsetColon >= 2 ? DatePrecision.Second : DatePrecision.Minute;
    }

    private static BodyDate? ParseChinese(string s, string raw)
    {
        var year = s.IndexOf('年');
        var month = s.IndexOf('月');
        var dayMark = s.IndexOf('日');
        if (year < 0 || month < year || dayMark < month)
        {
            return null;
        }
        if (!TryNumber(s.AsSpan(0, year), out var y) || !TryNumber(s.AsSpan(year + 1, month - year - 1), out var m)
            || !TryNumber(s.AsSpan(month + 1, dayMark - month - 1), out var d))
        {
            return null;
        }
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }
        var date = new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified);
        var rest = s[(dayMark + 1)..].Trim();
        if (rest.Length > 0 && TimeSpan.TryParseExact(rest, ["h\\:mm", "hh\\:mm", "h\\:mm\\:ss", "hh\\:mm\\:ss"], CultureInfo.InvariantCulture, out var time))
        {
            return new BodyDate(date + time, null, rest.Count(c => c == ':') >= 2 ? DatePrecision.Second : DatePrecision.Minute, raw);
        }
        return rest.Length == 0 || rest.StartsWith('星') || rest.StartsWith('周') ? new BodyDate(date, null, DatePrecision.Day, raw) : null;
    }

    /// <summary>Writes a trailing <c>+0800</c> / <c> +0800</c> offset as <c>+08:00</c>, the form the formats expect.</summary>
    private static string NormaliseOffset(string s)
    {
        if (s.Length > 10 && s[^5] is '+' or '-' && s.AsSpan(s.Length - 4).IndexOfAnyExceptInRange('0', '9') < 0 && s.Contains(':'))
        {
            var head = s[..^5].TrimEnd();
            var separator = head.Contains('T') || !head.Contains(',') ? "" : " ";
            return head + separator + s[^5..^2] + ":" + s[^2..];
        }
        return s;
    }

    private static bool TryNumber(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string CollapseSpaces(string s)
    {
        var b = new System.Text.StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && b.Length > 0)
            {
                b.Append(' ');
            }
            space = false;
            b.Append(c);
        }
        return b.ToString();
    }
}
