using System.Collections.Immutable;
using Convertify.Archive.Dates;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>What <see cref="ArticleBodyReader"/> made of a body: its blocks and the metadata it stated, cleaned.</summary>
/// <param name="Blocks">The body blocks, boilerplate removed.</param>
/// <param name="RelatedLinks">Links that carried no text in the body.</param>
/// <param name="PlainText">The plain text of <paramref name="Blocks"/>.</param>
/// <param name="Date">The date the body's leading lines state, if any.</param>
/// <param name="InfoBoxDate">The day a site's info box states, if any.</param>
/// <param name="Authors">Authors the body names, cleaned, distinct.</param>
/// <param name="Tags">Tags a site's info box gives, cleaned, distinct.</param>
/// <param name="OriginalSource">The outlet an info box names, if any.</param>
internal sealed record ConvertedBody(
    ImmutableArray<Block> Blocks,
    ImmutableArray<RelatedLink> RelatedLinks,
    string PlainText,
    BodyDate? Date,
    BodyDate? InfoBoxDate,
    ImmutableArray<string> Authors,
    ImmutableArray<string> Tags,
    OriginalSource? OriginalSource);
