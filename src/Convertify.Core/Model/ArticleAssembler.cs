using System.Collections.Immutable;
using Convertify.Text;

namespace Convertify.Model;

/// <summary>Completes an article from what a reader found: derives the description, lead image and statistics.</summary>
public static class ArticleAssembler
{
    /// <summary>
    /// Builds the article. <see cref="ArticleMetadata.Description"/> and <see cref="ArticleMetadata.LeadImage"/>
    /// are derived from the body when the metadata leaves them empty.
    /// </summary>
    /// <param name="metadata">What the reader found.</param>
    /// <param name="body">The body blocks.</param>
    /// <param name="relatedLinks">Links listed after the body.</param>
    /// <param name="warnings">What the reader noticed.</param>
    /// <param name="plainText">
    /// <see cref="PlainText.Of(IEnumerable{Block})"/> of <paramref name="body"/> when the caller already has it (a reader
    /// that needed it to detect the language); computed here when null.
    /// </param>
    public static Article Assemble(ArticleMetadata metadata, ImmutableArray<Block> body, ImmutableArray<RelatedLink> relatedLinks, ImmutableArray<ConversionWarning> warnings,
        string? plainText = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        body = body.IsDefault ? [] : body;
        relatedLinks = relatedLinks.IsDefault ? [] : relatedLinks;
        warnings = warnings.IsDefault ? [] : warnings;
        var description = string.IsNullOrEmpty(metadata.Description) ? DescriptionBuilder.FromBody(body) : metadata.Description;
        var leadImage = metadata.LeadImage ?? BlockWalker.Figures(body).FirstOrDefault()?.ImageUrl;
        var statistics = ComputeStatistics(body, relatedLinks, plainText);
        return new Article(metadata with { Description = description, LeadImage = leadImage, Authors = metadata.Authors.IsDefault ? [] : metadata.Authors,
            Tags = metadata.Tags.IsDefault ? [] : metadata.Tags },
            body, relatedLinks, statistics, warnings);
    }

    /// <summary>Computes the statistics of a body.</summary>
    /// <param name="body">The body blocks.</param>
    /// <param name="relatedLinks">Links listed after the body (counted as links).</param>
    /// <param name="plainText"><see cref="PlainText.Of(IEnumerable{Block})"/> of <paramref name="body"/>, or null to compute it.</param>
    public static ArticleStatistics ComputeStatistics(ImmutableArray<Block> body, ImmutableArray<RelatedLink> relatedLinks, string? plainText = null)
    {
        var counter = new BlockCounter();
        counter.Visit(body);
        var text = plainText ?? PlainText.Of(body);
        return new ArticleStatistics(TextMetrics.CountCharacters(text), counter.Paragraphs, counter.Images,
            counter.Links + (relatedLinks.IsDefault ? 0 : relatedLinks.Length), ContentHash.Compute(text));
    }

    private sealed class BlockCounter
    {
        public int Paragraphs;
        public int Images;
        public int Links;

        public void Visit(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p:
                        Paragraphs++;
                        Visit(p.Inlines);
                        break;
                    case HeadingBlock h:
                        Visit(h.Inlines);
                        break;
                    case FigureBlock:
                        Images++;
                        break;
                    case QuoteBlock q:
                        Visit(q.Blocks);
                        break;
                    case ListBlock l:
                        foreach (var item in l.Items) Visit(item.Blocks);
                        break;
                    case TableBlock t:
                        foreach (var row in t.Rows)
                        foreach (var cell in row.Cells) Visit(cell.Inlines);
                        break;
                    case EmbedBlock:
                        Links++;
                        break;
                }
            }
        }

        private void Visit(ImmutableArray<Inline> inlines)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case LinkInline l:
                        Links++;
                        Visit(l.Inlines);
                        break;
                    case StrongInline s:
                        Visit(s.Inlines);
                        break;
                    case EmphasisInline e:
                        Visit(e.Inlines);
                        break;
                }
            }
        }
    }
}
