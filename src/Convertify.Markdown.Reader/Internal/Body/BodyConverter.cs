using System.Collections.Immutable;
using System.Globalization;
using Convertify.Model;
using MdTables = Markdig.Extensions.Tables;
using Md = Markdig.Syntax;
using MdInlines = Markdig.Syntax.Inlines;

namespace Convertify.Markdown.Reader.Internal.Body;

/// <summary>
/// Turns a Markdig document into body blocks and related links. What the Markdown writer spells out is read back
/// into the block it came from: an image paragraph (and the emphasised caption/credit lines under it) into a figure,
/// a paragraph holding one labelled link (<c>视频：title</c>) into an embed, the closing "相关链接：" list into related
/// links, its HTML table into a table with spans. Code blocks become paragraphs of their lines.
/// </summary>
internal sealed class BodyConverter(IReadOnlyList<WriterLabels> labels)
{
    /// <summary>The body and related links of <paramref name="document"/>.</summary>
    public (ImmutableArray<Block> Body, ImmutableArray<RelatedLink> RelatedLinks) Convert(Md.MarkdownDocument document)
    {
        var blocks = Blocks(document);
        var related = TakeRelatedLinks(blocks);
        return ([.. blocks], related);
    }

    private List<Block> Blocks(Md.ContainerBlock container)
    {
        var output = new List<Block>(container.Count);
        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case Md.ParagraphBlock paragraph when i + 1 < container.Count && container[i + 1] is Md.HtmlBlock html
                    && Caption(paragraph) is { Credit: "" } caption && HtmlTable(html) is { } htmlTable:
                    output.Add(htmlTable with { Caption = caption.Caption });
                    i++;
                    break;
                case Md.ParagraphBlock paragraph:
                    if (Figure(paragraph) is { } figure)
                    {
                        if (i + 1 < container.Count && container[i + 1] is Md.ParagraphBlock next && Caption(next) is { } lines)
                        {
                            figure = figure with { Caption = lines.Caption, Credit = lines.Credit };
                            i++;
                        }
                        output.Add(figure);
                    }
                    else if (i + 1 < container.Count && container[i + 1] is MdTables.Table captioned && Caption(paragraph) is { Credit: "" } caption)
                    {
                        // The writer puts a table's caption, emphasised, right above it.
                        output.Add(Table(captioned) with { Caption = caption.Caption });
                        i++;
                    }
                    else
                    {
                        AddParagraph(paragraph, output);
                    }
                    break;
                case Md.HeadingBlock heading:
                    output.Add(new HeadingBlock(heading.Level, InlineConverter.Convert(heading.Inline)));
                    break;
                case Md.QuoteBlock quote:
                    output.Add(new QuoteBlock([.. Blocks(quote)]));
                    break;
                case Md.ListBlock list:
                    output.Add(List(list));
                    break;
                case Md.ThematicBreakBlock:
                    output.Add(new RuleBlock());
                    break;
                case MdTables.Table table:
                    output.Add(Table(table));
                    break;
                case Md.HtmlBlock html:
                    AddHtml(html, output);
                    break;
                case Md.CodeBlock code:
                    AddCode(code, output);
                    break;
                case Md.LinkReferenceDefinitionGroup:
                    break;
                case Md.ContainerBlock other:
                    output.AddRange(Blocks(other));
                    break;
            }
        }
        return output;
    }

    /// <summary>The figure a paragraph holding only an image (or a linked image) is; null for any other paragraph.</summary>
    private static FigureBlock? Figure(Md.ParagraphBlock paragraph)
    {
        var only = paragraph.Inline?.FirstChild;
        if (only is null || only.NextSibling is not null)
        {
            return null;
        }
        return Image(only) is { } image ? FigureOf(image) : null;
    }

    /// <summary>The image an inline is, or holds alone (<c>[![alt](src)](href)</c>).</summary>
    private static MdInlines.LinkInline? Image(MdInlines.Inline inline) => inline switch
    {
        MdInlines.LinkInline { IsImage: true } image => image,
        MdInlines.LinkInline { FirstChild: MdInlines.LinkInline { IsImage: true } image } link when image.NextSibling is null && link.FirstChild == link.LastChild => image,
        _ => null,
    };

    private static FigureBlock FigureOf(MdInlines.LinkInline image) =>
        new(image.Url ?? "", InlineConverter.PlainText(image).Trim(), (image.Title ?? "").Trim(), "");

    /// <summary>
    /// The caption and credit lines a paragraph under an image (or the caption above a table) is, when it is what the
    /// writer writes for them: each line one emphasis of plain text, at most two lines. When the writer had to move
    /// punctuation at an edge out of the emphasis, the paragraph stays a paragraph: written again it gives the same bytes,
    /// where a caption would be emphasised whole.
    /// </summary>
    private static (string Caption, string Credit)? Caption(Md.ParagraphBlock paragraph)
    {
        var lines = new List<string>(2);
        var expectEmphasis = true;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case MdInlines.EmphasisInline { DelimiterCount: 1, DelimiterChar: '*' } emphasis when expectEmphasis && OnlyText(emphasis):
                    lines.Add(InlineConverter.PlainText(emphasis));
                    expectEmphasis = false;
                    break;
                case MdInlines.LineBreakInline { IsHard: true } when !expectEmphasis && lines.Count == 1:
                    expectEmphasis = true;
                    break;
                default:
                    return null;
            }
        }
        if (expectEmphasis)
        {
            return null;
        }
        return lines.Count == 2 ? (lines[0].Trim(), lines[1].Trim()) : (lines[0].Trim(), "");
    }

    private static bool OnlyText(MdInlines.ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is not (MdInlines.LiteralInline or MdInlines.HtmlEntityInline))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Adds a paragraph: an embed when it is one labelled link; split at its images when it holds images among text
    /// (a hand-written post), each image a figure between the text before and after it.
    /// </summary>
    private void AddParagraph(Md.ParagraphBlock paragraph, List<Block> output)
    {
        var start = paragraph.Inline?.FirstChild;
        for (var inline = start; inline is not null; inline = inline.NextSibling)
        {
            if (Image(inline) is { } image)
            {
                AddInlines(TrimmedAtSplit(InlineConverter.Convert(start, inline), start != paragraph.Inline?.FirstChild), output);
                output.Add(FigureOf(image));
                start = inline.NextSibling;
            }
        }
        var rest = InlineConverter.Convert(start, null);
        AddInlines(start == paragraph.Inline?.FirstChild ? rest : TrimmedAtSplit(rest, afterImage: true), output);
    }

    /// <summary>
    /// The text around an image a paragraph was split at, without the space that separated it from the image
    /// (<c>text ![a](b) more</c> gives "text" and "more", not "text " and " more").
    /// </summary>
    private static ImmutableArray<Inline> TrimmedAtSplit(ImmutableArray<Inline> inlines, bool afterImage)
    {
        if (inlines.IsEmpty)
        {
            return inlines;
        }
        if (afterImage && inlines[0] is TextInline first)
        {
            inlines = first.Text.TrimStart() is { Length: > 0 } trimmed ? inlines.SetItem(0, first with { Text = trimmed }) : inlines.RemoveAt(0);
        }
        if (!inlines.IsEmpty && inlines[^1] is TextInline last)
        {
            inlines = last.Text.TrimEnd() is { Length: > 0 } trimmed ? inlines.SetItem(inlines.Length - 1, last with { Text = trimmed }) : inlines.RemoveAt(inlines.Length - 1);
        }
        return inlines;
    }

    private void AddInlines(ImmutableArray<Inline> inlines, List<Block> output)
    {
        if (inlines.IsEmpty || inlines is [TextInline { Text: var only }] && string.IsNullOrWhiteSpace(only))
        {
            return;
        }
        if (inlines is [LinkInline { Inlines: [TextInline text], Title: "" } link] && !string.IsNullOrWhiteSpace(link.Url))
        {
            foreach (var set in labels)
            {
                if (set.TryEmbed(text.Text, out var kind, out var title))
                {
                    output.Add(new EmbedBlock(kind, link.Url, title));
                    return;
                }
            }
        }
        output.Add(new ParagraphBlock(inlines));
    }

    private ListBlock List(Md.ListBlock list)
    {
        var items = ImmutableArray.CreateBuilder<ListItem>(list.Count);
        foreach (var child in list)
        {
            items.Add(new ListItem(child is Md.ContainerBlock item ? [.. Blocks(item)] : []));
        }
        var start = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var model = new ListBlock(list.IsOrdered, items.MoveToImmutable(), start);
        return list.IsLoose && IsTight(model) ? KeptLoose(model) : model;
    }

    /// <summary>
    /// The writer's rule for a tight list (each item one paragraph, then nested lists that may interrupt it). A list it
    /// wrote loose although it reads back tight held a block that shows nothing (an empty paragraph, say).
    /// </summary>
    private static bool IsTight(ListBlock list)
    {
        foreach (var item in list.Items)
        {
            for (var i = 0; i < item.Blocks.Length; i++)
            {
                var ok = item.Blocks[i] switch
                {
                    ParagraphBlock => i == 0,
                    ListBlock nested => i > 0 && (!nested.Ordered || nested.Start == 1) && item.Blocks[i - 1] is ParagraphBlock,
                    _ => false,
                };
                if (!ok)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The list with an empty quote (which shows nothing, and counts nothing) closing its last item, so it is written loose again.</summary>
    private static ListBlock KeptLoose(ListBlock list)
    {
        var last = list.Items[^1];
        return list with { Items = list.Items.SetItem(list.Items.Length - 1, new ListItem(last.Blocks.Add(new QuoteBlock([])))) };
    }

    private static TableBlock Table(MdTables.Table table)
    {
        var rows = ImmutableArray.CreateBuilder<Model.TableRow>(table.Count);
        foreach (var child in table)
        {
            if (child is not MdTables.TableRow row)
            {
                continue;
            }
            var cells = ImmutableArray.CreateBuilder<Model.TableCell>(row.Count);
            foreach (var cellBlock in row)
            {
                var inlines = ImmutableArray<Inline>.Empty;
                if (cellBlock is MdTables.TableCell cell)
                {
                    foreach (var block in cell)
                    {
                        if (block is Md.LeafBlock leaf)
                        {
                            inlines = inlines.AddRange(InlineConverter.Convert(leaf.Inline));
                        }
                    }
                }
                cells.Add(new Model.TableCell(inlines));
            }
            rows.Add(new Model.TableRow(cells.DrainToImmutable(), row.IsHeader));
        }
        return new TableBlock(rows.DrainToImmutable());
    }

    /// <summary>The table an HTML block is, when it is the writer's table with spanned cells.</summary>
    private static TableBlock? HtmlTable(Md.HtmlBlock html)
    {
        var text = html.Lines.ToString();
        return text.StartsWith("<table", StringComparison.OrdinalIgnoreCase) ? HtmlTableReader.Read(text) : null;
    }

    private static void AddHtml(Md.HtmlBlock html, List<Block> output)
    {
        if (HtmlTable(html) is { } table)
        {
            output.Add(table);
            return;
        }
        var plain = HtmlText.Of(html.Lines.ToString());
        if (plain.Length > 0)
        {
            output.Add(new ParagraphBlock([new TextInline(plain)]));
        }
    }

    /// <summary>A code block as one paragraph, its lines separated by line breaks.</summary>
    private static void AddCode(Md.CodeBlock code, List<Block> output)
    {
        var inlines = ImmutableArray.CreateBuilder<Inline>();
        var lines = code.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines.Lines[i].Slice.ToString() ?? "";
            if (inlines.Count > 0)
            {
                inlines.Add(LineBreakInline.Instance);
            }
            if (text.Length > 0)
            {
                inlines.Add(new TextInline(text));
            }
        }
        if (inlines.Any(i => i is TextInline))
        {
            output.Add(new ParagraphBlock(inlines.ToImmutable()));
        }
    }

    /// <summary>
    /// Takes the writer's related-links section off the end of <paramref name="blocks"/>: the label paragraph, then a
    /// bullet list whose every item is one link.
    /// </summary>
    private ImmutableArray<RelatedLink> TakeRelatedLinks(List<Block> blocks)
    {
        if (blocks.Count < 2 || blocks[^2] is not ParagraphBlock { Inlines: [TextInline label] } || blocks[^1] is not ListBlock { Ordered: false } list
            || !WriterLabels.All.Any(l => l.RelatedLinks == label.Text))
        {
            return [];
        }
        var links = ImmutableArray.CreateBuilder<RelatedLink>(list.Items.Length);
        foreach (var item in list.Items)
        {
            if (item?.Blocks is not [ParagraphBlock { Inlines: [LinkInline { Inlines: [TextInline text], Title: "" } link] }])
            {
                return [];
            }
            links.Add(new RelatedLink(link.Url, text.Text == link.Url ? null : text.Text));
        }
        blocks.RemoveRange(blocks.Count - 2, 2);
        return links.MoveToImmutable();
    }
}
