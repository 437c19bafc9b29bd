using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Convertify.Markdown.Internal;

/// <summary>
/// UTF-16 to UTF-8 for the writer's output, which is mostly CJK text with short runs of ASCII (Markdown syntax,
/// digits, punctuation) in between. The runtime's transcoder is built for long ASCII runs and pays for every switch
/// between the two; this one takes sixteen ASCII characters at a time and everything else one by one. Lone surrogates
/// become U+FFFD (<c>EF BF BD</c>), as with <see cref="System.Text.UTF8Encoding"/>: the bytes are the same.
/// </summary>
internal static class Utf8Transcoder
{
    /// <summary>The most bytes <see cref="Encode"/> writes for <paramref name="chars"/> characters.</summary>
    public static int MaxBytes(int chars) => chars * 3;

    /// <summary>
    /// Encodes <paramref name="chars"/> into <paramref name="bytes"/> (at least <see cref="MaxBytes"/> long) and returns
    /// the number of bytes written. A high surrogate at the very end is a lone one: split input only between pairs.
    /// </summary>
    public static int Encode(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        if (bytes.Length < MaxBytes(chars.Length))
        {
            throw new ArgumentException("The byte buffer is too small.", nameof(bytes));
        }
        ref var source = ref MemoryMarshal.GetReference(chars);
        ref var target = ref MemoryMarshal.GetReference(bytes);
        var length = chars.Length;
        nint i = 0;
        nint o = 0;
        while (i < length)
        {
            var c = (uint)Unsafe.Add(ref source, i);
            if (c < 0x80)
            {
                if (Vector128.IsHardwareAccelerated && i <= length - 16)
                {
                    var first = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref source), (nuint)i);
                    var second = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref source), (nuint)(i + 8));
                    if (((first | second) & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero)
                    {
                        Vector128.Narrow(first, second).StoreUnsafe(ref target, (nuint)o);
                        i += 16;
                        o += 16;
                        continue;
                    }
                }
                // A short ASCII run: copy it to the next other character.
                do
                {
                    Unsafe.Add(ref target, o) = (byte)c;
                    o++;
                    i++;
                }
                while (i < length && (c = Unsafe.Add(ref source, i)) < 0x80);
            }
            else if (c < 0x800)
            {
                Unsafe.Add(ref target, o) = (byte)(0xC0 | (c >> 6));
                Unsafe.Add(ref target, o + 1) = (byte)(0x80 | (c & 0x3F));
                o += 2;
                i++;
            }
            else if (c - 0xD800 >= 0x800)
            {
                Unsafe.Add(ref target, o) = (byte)(0xE0 | (c >> 12));
                Unsafe.Add(ref target, o + 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
                Unsafe.Add(ref target, o + 2) = (byte)(0x80 | (c & 0x3F));
                o += 3;
                i++;
            }
            else if (c <= 0xDBFF && i + 1 < length && (uint)Unsafe.Add(ref source, i + 1) - 0xDC00 < 0x400)
            {
                var scalar = 0x10000 + ((c - 0xD800) << 10) + ((uint)Unsafe.Add(ref source, i + 1) - 0xDC00);
                Unsafe.Add(ref target, o) = (byte)(0xF0 | (scalar >> 18));
                Unsafe.Add(ref target, o + 1) = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                Unsafe.Add(ref target, o + 2) = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                Unsafe.Add(ref target, o + 3) = (byte)(0x80 | (scalar & 0x3F));
                o += 4;
                i += 2;
            }
            else
            {
                // A lone surrogate: the replacement character.
                Unsafe.Add(ref target, o) = 0xEF;
                Unsafe.Add(ref target, o + 1) = 0xBF;
                Unsafe.Add(ref target, o + 2) = 0xBD;
                o += 3;
                i++;
            }
        }
        return (int)o;
    }
}
