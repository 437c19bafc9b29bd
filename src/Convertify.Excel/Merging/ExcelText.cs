using System.Text;

namespace Convertify.Excel;

/// <summary>Decodes Excel's <c>_xHHHH_</c> escapes in cell text (the writer escapes a literal one as <c>_x005F_xHHHH_</c>).</summary>
internal static class ExcelText
{
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
}
