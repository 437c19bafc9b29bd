using Convertify.Formats;

namespace Convertify.Archive.Feeds;

/// <summary>Limits for <see cref="FeedArticleReader"/>.</summary>
public sealed record FeedReaderOptions
{
    private readonly long _maxFeedBytes = ArticleInput.MaxBytes;
    private readonly ArchiveReaderOptions _body = ArchiveReaderOptions.Default;

    /// <summary>
    /// Largest feed read at all, in bytes (default <see cref="ArticleInput.MaxBytes"/>, 64 MiB); a larger one is refused as
    /// <see cref="Errors.FormatProblem.TooLarge"/> before any XML is read.
    /// </summary>
    public long MaxFeedBytes
    {
        get => _maxFeedBytes;
        init => _maxFeedBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFeedBytes), "must be at least 1");
    }

    /// <summary>The limits each item's HTML body is read with: the archive reader's, as the body goes through its normalisation.</summary>
    public ArchiveReaderOptions Body
    {
        get => _body;
        init => _body = value ?? throw new ArgumentNullException(nameof(Body));
    }

    /// <summary>The default limits.</summary>
    public static FeedReaderOptions Default { get; } = new();
}
