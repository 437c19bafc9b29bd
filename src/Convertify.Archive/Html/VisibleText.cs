using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>Counts the characters of a text that show: not white space (<see cref="char.IsWhiteSpace(char)"/>), not invisible (<see cref="TextAccumulator.IsInvisible"/>).</summary>
internal static class VisibleText
{
    /// <summary>
    /// The visible characters of <paramref name="text"/>, at most <paramref name="limit"/> (at most one when the limit is zero
    /// or less: whether there are any).
    /// </summary>
    public static int Count(ReadOnlySpan<char> text, int limit)
    {
        var cap = Math.Max(limit, 1);
        var n = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            // Blocks of eight without a character that could be white space or invisible count whole; the others one by one.
            ref var first = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
            var last = text.Length - Vector128<ushort>.Count;
            for (; i <= last && n < cap; i += Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
                n += MayHide(chars) == Vector128<ushort>.Zero ? Vector128<ushort>.Count : CountOneByOne(text.Slice(i, Vector128<ushort>.Count));
            }
        }
        for (; i < text.Length && n < cap; i++)
        {
            if (Shows(text[i]))
            {
                n++;
            }
        }
        return Math.Min(n, cap);
    }

    /// <summary>True when <paramref name="c"/> shows.</summary>
    public static bool Shows(char c) => !char.IsWhiteSpace(c) && !TextAccumulator.IsInvisible(c);

    private static int CountOneByOne(ReadOnlySpan<char> block)
    {
        var n = 0;
        foreach (var c in block)
        {
            if (Shows(c))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Lanes holding a character at or below U+0020, or one of the few above it that are white space or invisible.</summary>
    private static Vector128<ushort> MayHide(Vector128<ushort> chars) =>
        Vector128.LessThanOrEqual(chars, Vector128.Create((ushort)0x20))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x85)) | Vector128.Equals(chars, Vector128.Create((ushort)0xA0))
        | Vector128.Equals(chars, Vector128.Create((ushort)0xAD)) | Vector128.Equals(chars, Vector128.Create((ushort)0x1680))
        | Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)0x2000), Vector128.Create((ushort)0x0B))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x2028)) | Vector128.Equals(chars, Vector128.Create((ushort)0x2029))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x202F)) | Vector128.Equals(chars, Vector128.Create((ushort)0x205F))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x2060)) | Vector128.Equals(chars, Vector128.Create((ushort)0x3000))
        | Vector128.Equals(chars, Vector128.Create((ushort)0xFEFF));
}
