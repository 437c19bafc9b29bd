using System.Text;

namespace Convertify.Excel;

/// <summary>
/// Excel's <c>_xHHHH_</c> escapes in cell text: Excel reads <c>_x0041_</c> as <c>A</c>, so text that reads like an escape
/// gets its underscore escaped (<c>_x005F_</c>, as EPPlus does) to stay literal.
/// </summary>
internal static class ExcelText
{
    /// <summary>The text to write for <paramref name="text"/>.</summary>
    public static string Escape(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 6);
        var copied = 0;
        for (; at >= 0; at = text.IndexOf("_x", at + 1, StringComparison.Ordinal))
        {
            if (IsEscape(text, at))
            {
                builder.Append(text, copied, at - copied).Append("_x005F");
                copied = at;
            }
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The text a cell's <paramref name="text"/> stands for.</summary>
    public static string Decode(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (at >= 0)
        {
            if (at + 7 <= text.Length && text[at + 6] == '_' &&
                ushort.TryParse(text.AsSpan(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append(text, copied, at - copied).Append((char)code);
                copied = at + 7;
                at = text.IndexOf("_x", copied, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf("_x", at + 1, StringComparison.Ordinal);
            }
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>True for <c>_xHHHH_</c> (four hex digits) at <paramref name="at"/>.</summary>
    private static bool IsEscape(string text, int at) =>
        at + 7 <= text.Length && text[at + 1] == 'x' && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3]) &&
        char.IsAsciiHexDigit(text[at + 4]) && char.IsAsciiHexDigit(text[at + 5]) && text[at + 6] == '_';
}
