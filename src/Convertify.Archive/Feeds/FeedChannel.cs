using System.Collections.Immutable;

namespace Convertify.Archive.Feeds;

/// <summary>What the feed states about itself before an item: the defaults its items inherit.</summary>
/// <param name="Dialect">The feed format.</param>
/// <param name="Link">The channel's (Atom: the feed's alternate) link, absolute, or null.</param>
/// <param name="Authors">Atom feed-level author names (an entry without its own inherits them).</param>
internal sealed record FeedChannel(FeedDialect Dialect, Uri? Link, ImmutableArray<string> Authors);
