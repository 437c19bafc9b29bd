using System.Globalization;
using Convertify.Model;

namespace Convertify.Archive.Feeds;

/// <summary>
/// Parses RSS <c>pubDate</c>s (RFC 822 as amended by RFC 1123/2822), as leniently as feeds write them: an optional day
/// name, one- or two-digit day, English month name (abbreviated or full), two- or four-digit year (00–49 → 20xx,
/// 50–99 → 19xx), <c>HH:MM</c> with optional seconds, and every zone form: <c>GMT</c>, <c>UT</c>, <c>UTC</c>, <c>Z</c>,
/// the North American names (<c>EST</c>…<c>PDT</c>), <c>+hhmm</c>/<c>-hhmm</c> (also <c>+hh:mm</c>), and the military
/// letters as the military uses them (A–I, K–M: +1…+12; N–Y: −1…−12; RFC 822 printed these signs backwards, and feeds
/// that use them follow the military). A missing zone is read as UTC.
/// </summary>
internal static class Rfc822Date
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string text, out DateTimeOffset value, out DatePrecision precision)
    {
        value = default;
        precision = DatePrecision.Second;
        var tokens = text.Replace(",", " ", StringComparison.Ordinal).Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        if (i < tokens.Length && tokens[i].Length > 0 && char.IsLetter(tokens[i][0]))
        {
            i++; // the day name, not checked against the date
        }
        if (tokens.Length - i < 4
            || !int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || Month(tokens[i + 1]) is not (> 0 and var month)
            || !TryYear(tokens[i + 2], out var year)
            || !TryTime(tokens[i + 3], out var hour, out var minute, out var second, out var hasSeconds))
        {
            return false;
        }
        var offset = TimeSpan.Zero;
        if (tokens.Length - i >= 5 && !TryZone(tokens[i + 4], out offset))
        {
            return false;
        }
        if (tokens.Length - i > 5 || day < 1 || day > 31 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }
        // A leap second reads as the last second of the minute.
        value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset);
        precision = hasSeconds ? DatePrecision.Second : DatePrecision.Minute;
        return true;
    }

    private static int Month(string token)
    {
        if (token.Length < 3)
        {
            return 0;
        }
        var index = Array.IndexOf(Months, token[..3].ToLowerInvariant());
        if (index < 0)
        {
            return 0;
        }
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1);
        return token.Length == 3 || token.Equals(full, StringComparison.OrdinalIgnoreCase) || (token.Length == 4 && token[3] == '.') || token.Equals("sept", StringComparison.OrdinalIgnoreCase)
            ? index + 1
            : 0;
    }

    private static bool TryYear(string token, out int year)
    {
        year = 0;
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }
        year = token.Length switch
        {
            2 => n < 50 ? 2000 + n : 1900 + n,
            4 => n,
            _ => 0,
        };
        return year is >= 1 and <= 9999;
    }

    private static bool TryTime(string token, out int hour, out int minute, out int second, out bool hasSeconds)
    {
        hour = minute = second = 0;
        var parts = token.Split(':');
        hasSeconds = parts.Length == 3;
        return parts.Length is 2 or 3
            && parts.All(p => p.Length is 1 or 2)
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)
            && (!hasSeconds || int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out second));
    }

    internal static bool TryZone(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token[0] is '+' or '-')
        {
            var digits = token[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm % 100 > 59 || hhmm / 100 > 14)
            {
                return false;
            }
            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
            if (token[0] == '-')
            {
                offset = -offset;
            }
            return true;
        }
        int? hours = token.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => 0,
            "EST" => -5,
            "EDT" => -4,
            "CST" => -6,
            "CDT" => -5,
            "MST" => -7,
            "MDT" => -6,
            "PST" => -8,
            "PDT" => -7,
            [var letter and >= 'A' and <= 'I'] => letter - 'A' + 1,
            [var letter and >= 'K' and <= 'M'] => letter - 'K' + 10,
            [var letter and >= 'N' and <= 'Y'] => -(letter - 'N' + 1),
            _ => null,
        };
        if (hours is null)
        {
            return false;
        }
        offset = TimeSpan.FromHours(hours.Value);
        return true;
    }
}
