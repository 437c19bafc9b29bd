namespace Convertify.Batch;

/// <summary>
/// What a run keeps of one article after its outputs are written, until the end of the run: the keys of the duplicate
/// groups and what the index cross-check compares. One is kept per input, so it holds nothing else.
/// </summary>
/// <param name="RelativePath">The input's relative path.</param>
/// <param name="Title">The article's title.</param>
/// <param name="OriginalUrl">The article's URL.</param>
/// <param name="ContentHash">The content hash of its body.</param>
/// <param name="Published">When it was published.</param>
/// <param name="FeedTime">When the feed saw it.</param>
internal sealed record ArticleSummary(string RelativePath, string Title, string OriginalUrl, string ContentHash, DateTimeOffset Published, DateTimeOffset FeedTime);
