using System.Text;

namespace Convertify.Text;

/// <summary>Removes characters that XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).</summary>
public static class XmlSafeText
{
    /// <summary>True when every character of <paramref name="text"/> may appear in XML 1.0.</summary>
    public static bool IsSafe(string text) => IndexOfUnsafe(text) < 0;

    /// <summary>Returns <paramref name="text"/> without the characters XML forbids.</summary>
    public static string Clean(string text) => Clean(text, out _);

    /// <summary>Returns <paramref name="text"/> without the characters XML forbids, and how many were removed.</summary>
    public static string Clean(string text, out int removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        removed = 0;
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsAllowedSingle(c))
            {
                builder.Append(c);
            }
            else
            {
                removed++;
            }
        }
        return builder.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            // Almost all text is U+0020..U+D7FF: skip it vectorised and look only at the rest.
            var next = span[i..].IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (next < 0)
            {
                return -1;
            }
            i += next;
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
                continue;
            }
            if (!IsAllowedSingle(c))
            {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static bool IsAllowedSingle(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
