using System.Globalization;
using Convertify.Model;

namespace Convertify.Archive.Feeds;

/// <summary>
/// Parses RFC 3339 / ISO 8601 dates (Atom <c>published</c>/<c>updated</c>, <c>dc:date</c>): <c>YYYY-MM-DD</c>, then
/// optionally <c>T</c> (or a space) <c>hh:mm[:ss[.fff…]]</c> and a zone (<c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c>, <c>±hh</c>).
/// A missing zone is read as UTC; the precision is what the text states.
/// </summary>
internal static class Iso8601Date
{
    public static bool TryParse(string text, out DateTimeOffset value, out DatePrecision precision)
    {
        value = default;
        precision = DatePrecision.Day;
        var s = text.Trim();
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Number(s, 0, 4, out var year) || !Number(s, 5, 2, out var month) || !Number(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        var ticks = 0L;
        var rest = s.AsSpan(10);
        if (rest.Length > 0 && rest[0] is 'T' or 't' or ' ')
        {
            var t = rest[1..].ToString();
            if (t.Length < 5 || t[2] != ':' || !Number(t, 0, 2, out hour) || !Number(t, 3, 2, out minute) || hour > 23 || minute > 59)
            {
                return false;
            }
            precision = DatePrecision.Minute;
            var i = 5;
            if (t.Length >= 8 && t[5] == ':')
            {
                if (!Number(t, 6, 2, out second) || second > 60)
                {
                    return false;
                }
                precision = DatePrecision.Second;
                i = 8;
                if (i < t.Length && t[i] is '.' or ',')
                {
                    var start = ++i;
                    while (i < t.Length && char.IsAsciiDigit(t[i]))
                    {
                        i++;
                    }
                    if (i == start)
                    {
                        return false;
                    }
                    var fraction = t[start..Math.Min(i, start + 7)].PadRight(7, '0');
                    ticks = long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
                    precision = DatePrecision.Millisecond;
                }
            }
            rest = t.AsSpan(i);
        }
        var offset = TimeSpan.Zero;
        var zone = rest.Trim().ToString();
        if (zone.Length > 0)
        {
            if (zone is "Z" or "z")
            {
                offset = TimeSpan.Zero;
            }
            else if (zone.Length == 3 && zone[0] is '+' or '-' && Number(zone, 1, 2, out var hh) && hh <= 14)
            {
                offset = TimeSpan.FromHours(zone[0] == '-' ? -hh : hh);
            }
            else if (!Rfc822Date.TryZone(zone, out offset) || zone[0] is not ('+' or '-'))
            {
                return false;
            }
        }
        value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset).AddTicks(ticks);
        return true;
    }

    private static bool Number(string s, int start, int length, out int value)
    {
        value = 0;
        if (start + length > s.Length)
        {
            return false;
        }
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
