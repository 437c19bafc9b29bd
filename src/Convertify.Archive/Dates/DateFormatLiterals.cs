using System.Text;

namespace Convertify.Archive.Dates;

/// <summary>
/// Escapes the punctuation literals of an exact date format (<c>-</c>, <c>,</c>, …). For each plain literal .NET's exact
/// parser first asks whether the format spells <c>GMT</c> at that point, with a culture-aware, case-ignoring comparison
/// whose first use builds an ICU collator (see <see cref="DateNameRewriter"/>). An escaped literal is matched the same
/// way, one character compared ordinally, without that question.
/// </summary>
internal static class DateFormatLiterals
{
    // The characters .NET's exact parser gives a meaning of their own; every other character is a plain literal.
    private const string Special = "yMdghHmsfFtzZK:/\"'%\\. ";

    public static string Escape(string format)
    {
        var b = new StringBuilder(format.Length + 8);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is '\'' or '"')
            {
                // A quoted run is copied whole (a backslash inside it escapes the next character).
                var end = i + 1;
                while (end < format.Length && format[end] != c)
                {
                    end += format[end] == '\\' ? 2 : 1;
                }
                end = Math.Min(end, format.Length - 1);
                b.Append(format, i, end - i + 1);
                i = end;
            }
            else if (c == '\\')
            {
                b.Append(format, i, Math.Min(2, format.Length - i));
                i++;
            }
            else
            {
                // Letters stay as they are: an unquoted GMT means UTC to .NET, and the question must be asked there.
                if (!char.IsLetter(c) && !Special.Contains(c, StringComparison.Ordinal))
                {
                    b.Append('\\');
                }
                b.Append(c);
            }
        }
        return b.ToString();
    }
}
