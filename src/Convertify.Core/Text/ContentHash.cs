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
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
