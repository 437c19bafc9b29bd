using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>One news article in Convertify's canonical form: metadata, typed body blocks and derived facts.</summary>
/// <param name="Metadata">What the archive says about the article.</param>
/// <param name="Body">The article body as typed blocks, metadata and boilerplate removed.</param>
/// <param name="RelatedLinks">Links that carried no text in the body (kept out of the body so nothing is lost).</param>
/// <param name="Statistics">Facts derived from the body.</param>
/// <param name="Warnings">What the reader dropped, repaired or guessed.</param>
public sealed record Article(
    ArticleMetadata Metadata,
    ImmutableArray<Block> Body,
    ImmutableArray<RelatedLink> RelatedLinks,
    ArticleStatistics Statistics,
    ImmutableArray<ConversionWarning> Warnings);
