namespace Convertify.Batch;

/// <summary>What the report needs of an article after its outputs are written: the keys of the duplicate groups and what the index cross-check compares.</summary>
/// <param name="RelativePath">The input's relative path.</param>
/// <param name="Title">The article's title.</param>
/// <param name="OriginalUrl">The article's URL.</param>
/// <param name="ContentHash">The hash of its content.</param>
/// <param name="Published">When it was published.</param>
/// <param name="FeedTime">When the feed saw it.</param>
internal sealed record ArticleSummary(string RelativePath, string Title, string OriginalUrl, string ContentHash, DateTimeOffset Published, DateTimeOffset FeedTime);
