using System.Buffers;
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
        // Normalize rejects lone surrogates; XmlSafeText drops them (and control characters) first.
        var normalised = XmlSafeText.Clean(text).Normalize(NormalizationForm.FormKC);
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, normalised.Length));
        byte[]? bytes = null;
        try
        {
            var length = 0;
            foreach (var c in normalised)
            {
                if (!UnicodeWhiteSpace.Is(c))
                {
                    chars[length++] = c;
                }
            }
            bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(length)));
            var byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            StartupSha256.HashData(bytes.AsSpan(0, byteCount), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }
}
