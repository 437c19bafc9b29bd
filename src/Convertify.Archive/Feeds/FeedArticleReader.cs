using System.Globalization;
using Convertify.Archive.Html;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Archive.Feeds;

/// <summary>
/// Reads RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) feeds: one article per item, in document order, streamed. Each item's body
/// goes through the archive reader's HTML normalisation, so feed and archive articles come out alike. The XML is read
/// without a DTD (a DOCTYPE is refused) and no entity is expanded. Thread-safe: one instance may read many feeds in parallel.
/// </summary>
public sealed class FeedArticleReader : IArticleReader
{
    private static readonly FormatInfo Info = new("rss", "RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) feeds: one article per item", ".xml") { Extensions = [".rss", ".atom"] };

    private readonly FeedReaderOptions _options;
    private readonly FeedItemMapper _mapper;

    /// <summary>Creates the reader.</summary>
    /// <param name="options">Limits; <see cref="FeedReaderOptions.Default"/> when null.</param>
    public FeedArticleReader(FeedReaderOptions? options = null)
    {
        _options = options ?? FeedReaderOptions.Default;
        _mapper = new FeedItemMapper(new ArticleBodyReader(_options.Body));
    }

    /// <inheritdoc />
    public FormatInfo Format => Info;

    /// <inheritdoc />
    public bool ReadsMany => true;

    /// <inheritdoc />
    public string SniffDescription => "root element <rss>, <feed> (Atom) or <rdf:RDF>";

    /// <inheritdoc />
    public bool Sniffs(ReadOnlySpan<byte> content) => FeedSniffer.IsFeed(content);

    /// <summary>
    /// Reads a feed that holds exactly one item. A feed of several is refused as <see cref="FormatProblem.LimitExceeded"/>
    /// (one article was asked for; <see cref="ReadAll"/> reads them all), an empty one as <see cref="FormatProblem.Empty"/>.
    /// </summary>
    /// <exception cref="ArticleFormatException">The feed is not readable, or does not hold exactly one item.</exception>
    public Article Read(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckSize(input);
        using var items = new FeedItemReader(input.Path, input.Content);
        var first = items.Next() ?? throw new ArticleFormatException(input.Path, FormatProblem.Empty, "the feed holds no items");
        var count = 1;
        while (items.Next() is not null)
        {
            count++;
        }
        if (count > 1)
        {
            throw new ArticleFormatException(input.Path, FormatProblem.LimitExceeded,
                string.Create(CultureInfo.InvariantCulture, $"the feed holds {count:N0} items; read them with ReadAll"));
        }
        return _mapper.Map(input.Path, first, new FeedSlugRegistry());
    }

    /// <summary>
    /// Reads every item, lazily and in document order. Malformed XML is thrown as <see cref="FormatProblem.Malformed"/>
    /// when the enumeration reaches it, after the items before it.
    /// </summary>
    /// <exception cref="ArticleFormatException">The feed is too large, not a feed, holds a DTD, or is malformed from some point on.</exception>
    public IEnumerable<Article> ReadAll(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckSize(input);
        return ReadItems(input);
    }

    private IEnumerable<Article> ReadItems(ArticleInput input)
    {
        using var items = new FeedItemReader(input.Path, input.Content);
        var slugs = new FeedSlugRegistry();
        while (items.Next() is { } item)
        {
            yield return _mapper.Map(input.Path, item, slugs);
        }
    }

    private void CheckSize(ArticleInput input)
    {
        if (input.Content.Length > _options.MaxFeedBytes)
        {
            throw new ArticleFormatException(input.Path, FormatProblem.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the feed is {input.Content.Length:N0} bytes; a feed is at most {_options.MaxFeedBytes:N0} bytes"));
        }
    }
}
