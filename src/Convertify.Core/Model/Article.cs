using System.Collections.Immutable;
using Convertify.Text;

namespace Convertify.Model;

/// <summary>
/// One news article in Convertify's canonical form: metadata, typed body blocks and derived facts. Equality is
/// structural: two reads of the same text are equal (<c>==</c>), the body compared block by block and inline by inline.
/// </summary>
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
    ImmutableArray<ConversionWarning> Warnings)
{
    /// <summary>
    /// The article with another body, its derived facts made again as a reader makes them (<see cref="ArticleAssembler"/>):
    /// <see cref="Statistics"/>, and the <see cref="ArticleMetadata.Description"/> and <see cref="ArticleMetadata.LeadImage"/>
    /// when they came from the old body (its first paragraphs, its first figure). A description or lead image the
    /// source stated itself is kept. Use this, not <c>with { Body = … }</c>, which leaves the derived facts stale.
    /// </summary>
    /// <param name="body">The new body.</param>
    public Article WithBody(ImmutableArray<Block> body)
    {
        var metadata = Metadata;
        var derivedDescription = string.Equals(metadata.Description, DescriptionBuilder.FromBody(Body), StringComparison.Ordinal);
        var derivedLeadImage = metadata.LeadImage is null ||
            string.Equals(metadata.LeadImage, BlockWalker.Figures(Body).FirstOrDefault()?.ImageUrl, StringComparison.Ordinal);
        return ArticleAssembler.Assemble(
            metadata with { Description = derivedDescription ? "" : metadata.Description, LeadImage = derivedLeadImage ? null : metadata.LeadImage },
            body, RelatedLinks, Warnings);
    }

    /// <summary>
    /// The article with every block and inline of its body passed through the given maps, at any depth (inside quotes,
    /// list items, table cells, links and emphasis), then re-derived as <see cref="WithBody"/> does. See
    /// <see cref="BodyRewriter.Rewrite"/> for the order and what null means.
    /// </summary>
    /// <param name="block">Maps a block (its children already mapped); null to remove it; null map to keep blocks as they are.</param>
    /// <param name="inline">Maps an inline (its children already mapped); null to remove it; null map to keep inlines as they are.</param>
    public Article RewriteBody(Func<Block, Block?>? block = null, Func<Inline, Inline?>? inline = null) =>
        WithBody(BodyRewriter.Rewrite(Body, block, inline));

    /// <summary>Structural equality: equal metadata and statistics, body, related links and warnings element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(Article? other) =>
        ReferenceEquals(this, other) || other is not null &&
        Metadata == other.Metadata &&
        Statistics == other.Statistics &&
        ModelEquality.Equal(Body, other.Body) &&
        ModelEquality.Equal(RelatedLinks, other.RelatedLinks) &&
        ModelEquality.Equal(Warnings, other.Warnings);

    // Equal articles have equal metadata and statistics (whose content hash covers the body text): enough, and cheap.
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Metadata, Statistics, Body.IsDefault ? 0 : Body.Length);
}
