namespace Convertify.Archive.Sites;

/// <summary>What a labelled line of a site's <see cref="InfoBox"/> states about the article.</summary>
internal enum InfoBoxFact
{
    /// <summary>Author names.</summary>
    Authors,
    /// <summary>The publication date.</summary>
    Published,
    /// <summary>The outlet or account the article first appeared in.</summary>
    Source,
    /// <summary>Topic tags (usually links).</summary>
    Tags,
}
