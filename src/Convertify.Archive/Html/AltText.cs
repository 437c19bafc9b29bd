using System.Collections.Frozen;

namespace Convertify.Archive.Html;

/// <summary>
/// Decides whether an image's alt text describes it. Alt text that says nothing (a number or a full stop, the image's
/// file name, a generic word such as "img" or "图片", as editors' tools and CMS defaults leave it) becomes empty, so that
/// no writer shows it as if it were a description.
/// </summary>
internal static class AltText
{
    // Generic words, lower case; a trailing plural "s", number or separator ("image 3", "图片1", "IMG_0042") changes nothing.
    private static readonly FrozenSet<string> GenericWords = new[]
    {
        "image", "img", "photo", "picture", "pic", "file",
        "图片", "圖片", "图像", "圖像", "照片", "相片", "图", "圖",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The alt text if it describes the image at <paramref name="imageUrl"/>, else empty.</summary>
    /// <param name="alt">The alt attribute, trimmed.</param>
    /// <param name="imageUrl">The image's URL as resolved, or the raw <c>src</c> when it resolved to none.</param>
    public static string Describing(string alt, string? imageUrl) =>
        alt.Length == 0 || !alt.Any(char.IsLetter) || IsGeneric(alt) || IsFileName(alt, imageUrl) ? string.Empty : alt;

    private static bool IsGeneric(string alt)
    {
        var end = alt.Length;
        while (end > 0 && !char.IsLetter(alt[end - 1]))
        {
            end--;
        }
        var word = alt[..end].ToLowerInvariant();
        return GenericWords.Contains(word) || word.Length > 1 && word[^1] == 's' && GenericWords.Contains(word[..^1]);
    }

    /// <summary>True when the alt text is the last path segment of the URL, with or without its extension, also URL-decoded.</summary>
    private static bool IsFileName(string alt, string? imageUrl)
    {
        if (string.IsNullOrEmpty(imageUrl))
        {
            return false;
        }
        var path = imageUrl;
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path[..end];
        }
        var segment = path[(path.LastIndexOf('/') + 1)..];
        if (segment.Length == 0)
        {
            return false;
        }
        var decoded = Uri.UnescapeDataString(segment);
        return Matches(alt, segment) || Matches(alt, decoded);
    }

    private static bool Matches(string alt, string fileName)
    {
        if (alt.Equals(fileName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var dot = fileName.LastIndexOf('.');
        return dot > 0 && alt.AsSpan().Equals(fileName.AsSpan(0, dot), StringComparison.OrdinalIgnoreCase);
    }
}
