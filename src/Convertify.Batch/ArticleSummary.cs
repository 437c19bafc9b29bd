using System.Globalization;

namespace Convertify.Batch;

/// <summary>
/// What a run keeps of one article after its outputs are written, until the end of the run: the keys of the duplicate
/// groups and what the index cross-check compares. One is kept per input, so it holds nothing else.
/// </summary>
/// <param name="RelativePath">The input's relative path.</param>
/// <param name="Title">The article's title.</param>
/// <param name="OriginalUrl">The article's URL.</param>
/// <param name="ContentKey">The content hash as a number (<see cref="HashKey"/>).</param>
/// <param name="Published">When it was published.</param>
/// <param name="FeedTime">When the feed saw it.</param>
internal sealed record ArticleSummary(string RelativePath, string Title, string OriginalUrl, ContentKey ContentKey, DateTimeOffset Published, DateTimeOffset FeedTime)
{
    /// <summary>The content hash as 16 bytes when it is the usual 32 hex digits; other text is kept as it is.</summary>
    public static ContentKey HashKey(string contentHash) =>
        // Only lower-case hex reads back as the same text, so only that becomes a number.
        contentHash.Length == 32 && !contentHash.AsSpan().ContainsAnyExcept("0123456789abcdef")
            && UInt128.TryParse(contentHash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? new ContentKey(value, null)
            : new ContentKey(0, contentHash);
}
