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
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref var first = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
            var space = Vector128.Create((ushort)0x20);
            var surrogateStart = Vector128.Create((ushort)0xD800);
            var surrogateCount = Vector128.Create((ushort)0x800);
            var lastCharacter = Vector128.Create((ushort)0xFFFD);
            var last = text.Length - Vector128<ushort>.Count;
            while (i <= last)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
                var candidates = Vector128.LessThan(chars, space)
                    | Vector128.LessThan(chars - surrogateStart, surrogateCount)
                    | Vector128.GreaterThan(chars, lastCharacter);
                if (candidates == Vector128<ushort>.Zero)
                {
                    i += Vector128<ushort>.Count;
                    continue;
                }
                // Something to look at (a line break, a surrogate pair, or worse): check this block one by one.
                var end = i + Vector128<ushort>.Count;
                while (i < end)
                {
                    if (!Allowed(text, ref i))
                    {
                        return false;
                    }
                }
            }
        }
        while (i < text.Length)
        {
            if (!Allowed(text, ref i))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether the character at <paramref name="i"/> (with its pair, when a surrogate) is allowed; moves past it.</summary>
    private static bool Allowed(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        if (c is (>= ' ' and <= '\uD7FF') or '\t' or '\n' or '\r' or (>= '\uE000' and <= '\uFFFD'))
        {
            i++;
            return true;
        }
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i += 2;
            return true;
        }
        return false;
    }
}
