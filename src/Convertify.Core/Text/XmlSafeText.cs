using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Convertify.Text;

/// <summary>Removes characters that XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).</summary>
internal static class XmlSafeText
{
    /// <summary>True when every character of <paramref name="text"/> may appear in XML 1.0.</summary>
    public static bool IsSafe(string text) => IsSafe(text.AsSpan());

    /// <summary>Returns <paramref name="text"/> without the characters XML forbids.</summary>
    public static string Clean(string text) => Clean(text, out _);

    /// <summary>Like <see cref="Clean(string)"/>, with null read as empty: for writers, which take model values a host may have built by hand.</summary>
    public static string CleanOrEmpty(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Clean(text);

    /// <summary>Returns <paramref name="text"/> without the characters XML forbids, and how many were removed.</summary>
    public static string Clean(string text, out int removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        removed = 0;
        if (IsSafe(text.AsSpan()))
        {
            return text;
        }
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

    /// <summary>True when every character of <paramref name="text"/> may appear in XML 1.0.</summary>
    /// <remarks>
    /// Vectorised on what may be unsafe (C0 controls, surrogates, U+FFFE/U+FFFF): a skip over U+0020..U+D7FF would stop at
    /// every full-width comma, colon or bracket (U+FF0C, U+FF1A, U+FF08), which Chinese text has every few words.
    /// </remarks>
    public static bool IsSafe(ReadOnlySpan<char> text)
    {
        if (!Vector128.IsHardwareAccelerated || text.Length < Vector128<ushort>.Count)
        {
            for (var j = 0; j < text.Length;)
            {
                var step = Step(text, j);
                if (step == 0) return false;
                j += step;
            }
            return true;
        }
        ref var first = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
        var space = Vector128.Create((ushort)0x20);
        var surrogateStart = Vector128.Create((ushort)0xD800);
        var surrogateCount = Vector128.Create((ushort)0x800);
        var lastCharacter = Vector128.Create((ushort)0xFFFD);
        var last = text.Length - Vector128<ushort>.Count;
        var i = 0;
        // Where the one-by-one check goes on from (past a pair it has seen), so no block is checked from a pair's middle.
        var next = 0;
        while (true)
        {
            var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
            var candidates = Vector128.LessThan(chars, space)
                | Vector128.LessThan(chars - surrogateStart, surrogateCount)
                | Vector128.GreaterThan(chars, lastCharacter);
            if (candidates != Vector128<ushort>.Zero)
            {
                // Something to look at (a line break, a surrogate pair, or worse): check this block one by one.
                var end = i + Vector128<ushort>.Count;
                var j = Math.Max(i, next);
                while (j < end)
                {
                    var step = Step(text, j);
                    if (step == 0) return false;
                    j += step;
                }
                next = j;
            }
            if (i == last)
            {
                return true;
            }
            // The last block may overlap the one before: nothing is left for a scalar tail.
            i = Math.Min(i + Vector128<ushort>.Count, last);
        }
    }

    /// <summary>How many characters the allowed character (or surrogate pair) at <paramref name="i"/> takes; 0 when it is not allowed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c is (>= ' ' and <= '\uD7FF') or '\t' or '\n' or '\r' or (>= '\uE000' and <= '\uFFFD'))
        {
            return 1;
        }
        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 0;
    }
}
