using Convertify.Archive.Feeds;

namespace Convertify.Conversion;

/// <summary>Registers the feed reader with a <see cref="ConverterBuilder"/>.</summary>
public static class FeedConverterBuilderExtensions
{
    /// <summary>Adds <see cref="FeedArticleReader"/> (format name <c>rss</c>: RSS 2.0, Atom 1.0 and RSS 1.0 feeds).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Reader limits; defaults when null.</param>
    public static ConverterBuilder AddFeedReader(this ConverterBuilder builder, FeedReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddReader(new FeedArticleReader(options));
    }
}
