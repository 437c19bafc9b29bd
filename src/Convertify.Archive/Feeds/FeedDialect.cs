namespace Convertify.Archive.Feeds;

/// <summary>Which of the three feed formats a document is, from its root element.</summary>
internal enum FeedDialect
{
    /// <summary>RSS 2.0 (and 0.9x): <c>&lt;rss&gt;&lt;channel&gt;&lt;item&gt;</c>, elements in no namespace.</summary>
    Rss,
    /// <summary>Atom 1.0: <c>&lt;feed&gt;&lt;entry&gt;</c>.</summary>
    Atom,
    /// <summary>RSS 1.0: <c>&lt;rdf:RDF&gt;&lt;channel/&gt;&lt;item/&gt;</c>, items beside the channel.</summary>
    Rdf,
}
