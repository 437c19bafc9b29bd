using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Convertify.Text;

/// <summary>A hash of text that ignores whitespace and Unicode compatibility differences, to find the same article twice.</summary>
public static class ContentHash
{
    /// <summary>Hex of the first 16 bytes of SHA-256 over the NFKC-normalised text with all whitespace removed.</summary>
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The UTF-8 of NFKC of a text can be at most three bytes per character in the fast path (CJK, or … as ...).
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, text.Length * 3));
        try
        {
            if (!TryEncodeSimple(text, bytes, out var byteCount))
            {
                var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
                try
                {
                    var length = NormaliseWithIcu(text, ref chars);
                    var needed = Encoding.UTF8.GetMaxByteCount(length);
                    if (bytes.Length < needed)
                    {
                        ArrayPool<byte>.Shared.Return(bytes);
                        bytes = ArrayPool<byte>.Shared.Rent(needed);
                    }
                    byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(chars);
                }
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, byteCount), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The general path: drop what XML cannot carry, NFKC through ICU, then remove white space.</summary>
    private static int NormaliseWithIcu(string text, ref char[] chars)
    {
        // Normalize rejects lone surrogates; XmlSafeText drops them (and control characters) first.
        var normalised = XmlSafeText.Clean(text).Normalize(NormalizationForm.FormKC);
        if (chars.Length < normalised.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(normalised.Length);
        }
        var length = 0;
        foreach (var c in normalised)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars[length++] = c;
            }
        }
        return length;
    }

    /// <summary>
    /// The UTF-8 of what <see cref="NormaliseWithIcu"/> gives, for text made only of characters whose NFKC form is known and
    /// that never combine with a neighbour (ASCII, Latin-1 letters, CJK ideographs, common CJK and typographic punctuation,
    /// full-width ASCII): most articles. Normalises and encodes in one pass (every such form is one BMP character or three
    /// dots, so at most three bytes per character of <paramref name="text"/>). False, with nothing promised about
    /// <paramref name="destination"/>, otherwise.
    /// </summary>
    internal static bool TryEncodeSimple(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        length = 0;
        if (destination.Length < text.Length * 3)
        {
            throw new ArgumentException("the destination must hold three bytes per character", nameof(destination));
        }
        var n = 0;
        foreach (var c in text)
        {
            var mapped = SimpleNfkc(c);
            if (mapped < 0x80)
            {
                if (mapped >= 0)
                {
                    destination[n++] = (byte)mapped;
                    continue;
                }
                if (mapped == Unknown)
                {
                    return false;
                }
                if (mapped == Ellipsis)
                {
                    destination[n++] = (byte)'.';
                    destination[n++] = (byte)'.';
                    destination[n++] = (byte)'.';
                }
            }
            else if (mapped < 0x800)
            {
                destination[n++] = (byte)(0xC0 | (mapped >> 6));
                destination[n++] = (byte)(0x80 | (mapped & 0x3F));
            }
            else
            {
                destination[n++] = (byte)(0xE0 | (mapped >> 12));
                destination[n++] = (byte)(0x80 | ((mapped >> 6) & 0x3F));
                destination[n++] = (byte)(0x80 | (mapped & 0x3F));
            }
        }
        length = n;
        return true;
    }

    internal const int Unknown = -1;
    internal const int Removed = -2;
    internal const int Ellipsis = -3;

    /// <summary>
    /// The NFKC form of one character of the simple set (itself, its ASCII twin, or three dots), <see cref="Removed"/> for
    /// white space (removed either way), <see cref="Unknown"/> for anything else. Every answer is checked against ICU by a test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SimpleNfkc(char c)
    {
        if (c < 0x7F)
        {
            return c > ' ' ? c : c is ' ' or (>= '\t' and <= '\r') ? Removed : Unknown;
        }
        if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'))
        {
            return c;
        }
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return c - 0xFEE0;
        }
        return c switch
        {
            (>= '\u3001' and <= '\u3003') or (>= '\u3005' and <= '\u3007') or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u301F') => c,
            '\u2010' or (>= '\u2012' and <= '\u2015') or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2020' or '\u2021' or '\u2022'
                or '\u2027' or '\u2030' or '\u2032' or '\u203B' => c,
            '\u2026' => Ellipsis,
            (>= '\u00A1' and <= '\u00A7') or '\u00A9' or '\u00AB' or '\u00AC' or '\u00AE' or '\u00B0' or '\u00B1' or '\u00B6' or '\u00B7' or '\u00BB'
                or '\u00BF' or (>= '\u00C0' and <= '\u00FF') => c,
            '\u00A0' or '\u3000' or '\u2028' or '\u2029' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' => Removed,
            _ => Unknown,
        };
    }
}
