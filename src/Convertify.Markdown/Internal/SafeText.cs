using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Convertify.Text;

namespace Convertify.Markdown.Internal;

/// <summary>
/// <see cref="XmlSafeText.Clean(string)"/> with a quicker test for text that is already safe (nearly all of it). That
/// test's vectorised skip stops at every character above U+D7FF, which Chinese text has every few words (full-width
/// comma, colon, brackets: U+FF0C, U+FF1A, U+FF08); this one looks only at what may be unsafe: C0 controls,
/// surrogates and U+FFFE/U+FFFF.
/// </summary>
internal static class SafeText
{
    /// <summary>Returns <paramref name="text"/> without the characters XML 1.0 forbids (itself when there are none).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return IsSafe(text) ? text : XmlSafeText.Clean(text);
    }

    /// <summary>True when <see cref="XmlSafeText.Clean(string)"/> would leave <paramref name="text"/> as it is.</summary>
    internal static bool IsSafe(ReadOnlySpan<char> text)
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
