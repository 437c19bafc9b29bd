using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Excel;

/// <summary>Turns an article into its compact catalogue rows; the article itself is not kept.</summary>
internal static class ArticleRowFactory
{
    public const string MarkdownFormat = "md";
    public const string WordFormat = "docx";

    public static void Add(CatalogRows rows, Article article, IReadOnlyDictionary<string, string>? exportedFiles, ExcelCatalogOptions options)
    {
        var m = article.Metadata;
        var notes = new List<string>();
        var id = CellText.Prepare(m.Id, "id", notes);
        var source = string.IsNullOrEmpty(m.SourcePath) ? id : CellText.Safe(m.SourcePath);

        if (options.IncludeImages)
        {
            var position = 0;
            foreach (var figure in BlockWalker.Figures(article.Body.IsDefault ? [] : article.Body))
            {
                position++;
                rows.Images.Add(new ImageRow(id, position, CellText.Prepare(figure.ImageUrl, "image url", notes),
                    CellText.Prepare(figure.Alt, "image alt", notes), CellText.Prepare(figure.Caption, "image caption", notes),
                    CellText.Prepare(figure.Credit, "image credit", notes)));
            }
        }
        if (options.IncludeLinks)
        {
            var host = LinkClassifier.SiteHost(m.OriginalUrl);
            var links = new List<(string Text, string Url)>();
            CollectLinks(article.Body, links);
            foreach (var related in article.RelatedLinks.IsDefault ? [] : article.RelatedLinks)
            {
                links.Add((related.Title ?? string.Empty, related.Url));
            }
            foreach (var (text, url) in links)
            {
                rows.Links.Add(new LinkRow(id, CellText.Prepare(text, "link text", notes), CellText.Prepare(url, "link url", notes),
                    LinkClassifier.IsInternal(url, host)));
            }
        }

        string? markdown = null, word = null;
        if (exportedFiles is not null)
        {
            markdown = exportedFiles.TryGetValue(MarkdownFormat, out var md) ? CellText.Prepare(md, "markdown path", notes) : string.Empty;
            word = exportedFiles.TryGetValue(WordFormat, out var docx) ? CellText.Prepare(docx, "word path", notes) : string.Empty;
        }

        var published = m.Published.Value;
        var warnings = article.Warnings.IsDefault ? [] : article.Warnings;
        var row = new ArticleRow(
            id,
            CellText.Prepare(m.Site.Code, "site", notes),
            CellText.Prepare(m.Site.DisplayName, "source", notes),
            CellText.Prepare(m.Title, "title", notes),
            CellText.Prepare(m.OriginalUrl, "url", notes),
            published.DateTime,
            published.Offset,
            DateSourceNames.Of(m.Published.Source),
            m.FeedTime.UtcDateTime,
            CellText.Prepare(CellText.Join(m.Authors.IsDefault ? [] : m.Authors), "author", notes),
            CellText.Prepare(m.OriginalSource?.Name, "original source", notes),
            m.OriginalSource?.Url is { } sourceUrl ? CellText.Prepare(sourceUrl, "original source url", notes) : null,
            CellText.Prepare(CellText.Join(m.Tags.IsDefault ? [] : m.Tags), "tags", notes),
            CellText.Prepare(m.Language, "language", notes),
            article.Statistics.Characters,
            article.Statistics.Paragraphs,
            article.Statistics.Images,
            article.Statistics.Links,
            CellText.Prepare(m.LeadImage, "lead image", notes),
            CellText.Prepare(m.Description, "description", notes),
            CellText.Prepare(article.Statistics.ContentHash, "content hash", notes),
            warnings.Length + notes.Count,
            markdown,
            word);
        rows.Articles.Add(row);

        foreach (var warning in warnings)
        {
            rows.Problems.Add(new ProblemRow(source, id, ProblemRow.Warning, CellText.Safe(warning.Code), CellText.Safe(warning.Message)));
        }
        foreach (var note in notes)
        {
            rows.Problems.Add(new ProblemRow(source, id, ProblemRow.Warning, "excel.cell_text", note));
        }
    }

    private static void CollectLinks(ImmutableArray<Block> blocks, List<(string, string)> links)
    {
        foreach (var block in blocks.IsDefault ? [] : blocks)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    CollectLinks(p.Inlines, links);
                    break;
                case HeadingBlock h:
                    CollectLinks(h.Inlines, links);
                    break;
                case QuoteBlock q:
                    CollectLinks(q.Blocks, links);
                    break;
                case ListBlock l:
                    foreach (var item in l.Items) CollectLinks(item.Blocks, links);
                    break;
                case TableBlock t:
                    foreach (var row in t.Rows)
                    foreach (var cell in row.Cells) CollectLinks(cell.Inlines, links);
                    break;
                case EmbedBlock e:
                    links.Add((e.Title, e.Url));
                    break;
            }
        }
    }

    private static void CollectLinks(ImmutableArray<Inline> inlines, List<(string, string)> links)
    {
        foreach (var inline in inlines.IsDefault ? [] : inlines)
        {
            switch (inline)
            {
                case LinkInline l:
                    links.Add((PlainText.Of(l.Inlines), l.Url));
                    break;
                case StrongInline s:
                    CollectLinks(s.Inlines, links);
                    break;
                case EmphasisInline e:
                    CollectLinks(e.Inlines, links);
                    break;
            }
        }
    }
}
