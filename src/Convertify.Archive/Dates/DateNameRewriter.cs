using System.Globalization;
using System.Text;

namespace Convertify.Archive.Dates;

/// <summary>
/// Matches the English day and month names of the RFC 1123-like formats (<c>ddd, dd MMM yyyy …</c>, <c>dd MMM yyyy …</c>)
/// itself and hands .NET the rest as a numeric format. .NET compares <c>ddd</c>/<c>MMM</c> names culture-aware and
/// ignoring case, and the first such comparison in a process builds an ICU collator from custom rules: about 6 ms, a
/// quarter of a one-file conversion's start-up (perf: <c>ucol_openRules</c> under <c>DateTimeParse.ParseByFormat</c>),
/// paid by every body date candidate since the last formats start with a day name.
/// </summary>
/// <remarks>
/// The result is the one .NET gives. The text before the month name is walked the way .NET's exact parser walks it with
/// <see cref="DateTimeStyles.AllowWhiteSpaces"/> (white space skipped before every format token). A name slot of ASCII
/// characters equals a name under that comparison exactly when it does ignoring ASCII case (case is a tertiary difference;
/// ASCII control characters are ignorable, so a slot holding one has too few letters). A slot holding a printable ASCII
/// non-letter or a CJK ideograph never equals a name made of letters. Any other slot is left to .NET.
/// </remarks>
internal static class DateNameRewriter
{
    private const int NoName = -1;
    private const int Undecided = -2;

    private static readonly string[] DayNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames;

    // Twelve names and an empty thirteenth; .NET only looks at the thirteenth when a culture has one.
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    /// <summary>The format with its month name read as a number and its day name dropped (the caller checks the day), or
    /// null when the format has no names or a shape this class does not know.</summary>
    public static string? NumericFormat(string format)
    {
        if (Shape(format, out var withDayName, out _) is not { } monthToken)
        {
            return null;
        }
        var formatStart = withDayName ? 3 : 0;
        return string.Concat(format.AsSpan(formatStart, monthToken - formatStart), "MM", format.AsSpan(monthToken + 3));
    }

    /// <summary>Matches the names of <paramref name="format"/> in <paramref name="text"/>; when they match, the text to parse
    /// with <see cref="NumericFormat"/> and the day of the week it names.</summary>
    public static DateNameMatch Rewrite(string text, string format, out string numericText, out DayOfWeek? dayOfWeek)
    {
        numericText = text;
        dayOfWeek = null;
        if (Shape(format, out var withDayName, out var minDigits) is null)
        {
            return DateNameMatch.Unchanged;
        }
        var i = SkipWhiteSpace(text, 0);
        var start = i;
        if (withDayName)
        {
            var day = MatchName(text, i, DayNames);
            if (day == Undecided)
            {
                return DateNameMatch.Unchanged;
            }
            if (day == NoName)
            {
                return DateNameMatch.NoMatch;
            }
            dayOfWeek = (DayOfWeek)day;
            start = i + DayNames[day].Length;
            i = SkipWhiteSpace(text, start);
            if (i >= text.Length || text[i] != ',')
            {
                return DateNameMatch.NoMatch;
            }
            i = SkipWhiteSpace(text, i + 1);
        }
        var digits = 0;
        while (digits < 2 && i + digits < text.Length && char.IsAsciiDigit(text[i + digits]))
        {
            digits++;
        }
        if (digits < minDigits)
        {
            return DateNameMatch.NoMatch;
        }
        var monthAt = SkipWhiteSpace(text, i + digits);
        var month = MatchName(text, monthAt, MonthNames);
        if (month == Undecided)
        {
            return DateNameMatch.Unchanged;
        }
        if (month == NoName)
        {
            return DateNameMatch.NoMatch;
        }
        // White space around the number keeps the day's digits from running into it; .NET skips it before each token.
        numericText = string.Concat(text.AsSpan(start, monthAt - start), " " + (month + 1).ToString("00", CultureInfo.InvariantCulture) + " ",
            text.AsSpan(monthAt + MonthNames[month].Length));
        return DateNameMatch.Rewritten;
    }

    /// <summary>The index of the month token of a <c>[ddd, ]d[d] MMM …</c> format with no other names, or null.</summary>
    private static int? Shape(string format, out bool withDayName, out int minDigits)
    {
        withDayName = format.StartsWith("ddd, ", StringComparison.Ordinal);
        var rest = withDayName ? format.AsSpan(5) : format.AsSpan();
        // "d" reads one or two digits, "dd" exactly two (a third digit is left for the next token).
        minDigits = rest.StartsWith("dd MMM ", StringComparison.Ordinal) ? 2 : rest.StartsWith("d MMM ", StringComparison.Ordinal) ? 1 : 0;
        if (minDigits == 0)
        {
            return null;
        }
        var monthToken = format.IndexOf("MMM", StringComparison.Ordinal);
        var tail = format.AsSpan(monthToken + 3);
        return tail.Contains("MMM", StringComparison.Ordinal) || tail.Contains("ddd", StringComparison.Ordinal) ? null : monthToken;
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>The index of the first name the text holds at <paramref name="at"/>, <see cref="NoName"/>, or <see cref="Undecided"/>.</summary>
    private static int MatchName(string text, int at, string[] names)
    {
        for (var n = 0; n < names.Length; n++)
        {
            var name = names[n];
            if (at + name.Length > text.Length)
            {
                continue;
            }
            var slot = text.AsSpan(at, name.Length);
            if (Ascii.IsValid(slot))
            {
                if (slot.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return n;
                }
            }
            else if (!HasNonLetter(slot))
            {
                return Undecided;
            }
        }
        return NoName;
    }

    private static bool HasNonLetter(ReadOnlySpan<char> slot)
    {
        foreach (var c in slot)
        {
            if ((c is >= ' ' and <= '~' && !char.IsAsciiLetter(c)) || c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF')
            {
                return true;
            }
        }
        return false;
    }
}
