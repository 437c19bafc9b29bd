using System.Security.Cryptography;
using System.Text;

namespace Convertify.Word;

/// <summary>The names under which <see cref="WordWriterOptions.ImageDirectory"/> is searched for an image URL's local copy.</summary>
public static class ImageFileNames
{
    /// <summary>Extensions tried for content-addressed names, in order.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    /// <summary>The content-addressed stem of a URL: the first 16 lower-case hex digits of SHA-256 over its UTF-8 bytes (add an extension).</summary>
    public static string ContentAddressed(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(url));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The file name of the URL's path (percent-decoded), or null when it has none or it is not a safe file name.</summary>
    public static string? FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var path = uri.AbsolutePath;
        var slash = path.LastIndexOf('/');
        var name = Uri.UnescapeDataString(slash >= 0 ? path[(slash + 1)..] : path);
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0 || name.Length > 255)
        {
            return null;
        }
        return name;
    }
}
