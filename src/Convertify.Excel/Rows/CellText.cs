using System.Text;
using Convertify.Text;

namespace Convertify.Excel;

/// <summary>Makes text safe for a cell: no XML-forbidden characters, CR as LF, at most Excel's 32,767 characters.</summary>
internal static class CellText
{
    public const int MaxLength = 32_767;
    public const string TruncationMarker = "…[truncated]";

    /// <summary>Cleans <paramref name="text"/>; reports what it removed or cut through <paramref name="problems"/>.</summary>
    public static string Prepare(string? text, string field, List<string>? problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var cleaned = XmlSafeText.Clean(text, out var removed);
        if (removed > 0)
        {
            problems?.Add($"{field}: removed {removed} character(s) that XML forbids");
        }
        if (cleaned.Contains('\r'))
        {
            // A raw CR does not survive XML parsing; store line ends as LF.
            cleaned = cleaned.Replace("\r\n", "\n").Replace('\r', '\n');
        }
        if (cleaned.Length > MaxLength)
        {
            var cut = MaxLength - TruncationMarker.Length;
            if (char.IsLowSurrogate(cleaned[cut]))
            {
                cut--;
            }
            problems?.Add($"{field}: {cleaned.Length:N0} characters exceed Excel's cell limit of {MaxLength:N0}; truncated");
            cleaned = string.Concat(cleaned.AsSpan(0, cut), TruncationMarker);
        }
        return cleaned;
    }

    /// <summary>Cleans without reporting (for rows that were cleaned before, e.g. when merging).</summary>
    public static string Safe(string? text) => Prepare(text, string.Empty, null);

    /// <summary>Joins values with <c>"; "</c>.</summary>
    public static string Join(IEnumerable<string> values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (builder.Length > 0) builder.Append("; ");
            builder.Append(value.Trim());
        }
        return builder.ToString();
    }
}
