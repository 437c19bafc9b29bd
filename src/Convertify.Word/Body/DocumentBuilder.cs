using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Word;

/// <summary>Builds <c>word/document.xml</c> for one article: title and metadata block, then the body block by block.</summary>
internal sealed partial class DocumentBuilder
{
    /// <summary>Text width of the A4 page with 2.54 cm margins, in twentieths of a point.</summary>
    public const int TextWidthTwips = 11906 - 2 * 1440;

    private const int MaxListLevel = 8;

    private readonly Article _article;
    private readonly LanguageProfile _profile;
    private readonly ImageResolver _images;
    private readonly InlineWriter _inlines;
    private readonly int _headingBase;
    private readonly W.Body _body = new();
    private bool _lastWasTable;

    public DocumentBuilder(Article article, LanguageProfile profile, ImageResolver images)
        : this(article, profile, images, new PartRelationships(), new NumberingPart(), 0, 0)
    {
    }

    /// <summary>
    /// A builder that shares the relationships and numbering of a document holding several articles (a dossier); its media
    /// parts are numbered after <paramref name="mediaBefore"/> and its drawing ids after <paramref name="drawingsBefore"/>.
    /// </summary>
    public DocumentBuilder(Article article, LanguageProfile profile, ImageResolver images,
        PartRelationships relationships, NumberingPart numbering, int mediaBefore, uint drawingsBefore)
    {
        _article = article;
        _profile = profile;
        _images = images;
        Relationships = relationships;
        Numbering = numbering;
        _mediaBefore = mediaBefore;
        _drawingId = drawingsBefore;
        _inlines = new InlineWriter(Relationships, profile.IsCjk);
        _headingBase = MinimumHeadingLevel(article.Body) ?? 1;
    }

    public PartRelationships Relationships { get; }

    public NumberingPart Numbering { get; }

    /// <summary>The last drawing id used.</summary>
    public uint LastDrawingId => _drawingId;

    public List<ConversionWarning> Warnings { get; } = [];

    /// <summary>Images to store as media parts: part name under <c>word/</c> and the image.</summary>
    public List<(string Target, EmbeddedImage Image)> Media { get; } = [];

    /// <summary>Builds the document element.</summary>
    public W.Document Build()
    {
        AppendMetadataBlock();
        AppendBlocks(_article.Body.IsDefault ? [] : _article.Body, new Context(0, false));
        AppendRelatedLinks();
        if (_lastWasTable)
        {
            _body.AppendChild(new W.Paragraph());
        }
        _body.AppendChild(new W.SectionProperties(
            new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = PartRelationships.FooterId },
            new W.PageSize { Width = 11906U, Height = 16838U },
            new W.PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
        var document = new W.Document(_body);
        document.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        if (Media.Count > 0)
        {
            document.AddNamespaceDeclaration("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
            document.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
            document.AddNamespaceDeclaration("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        }
        return document;
    }

    /// <summary>
    /// The body blocks and related links only, as top-level elements (no title, metadata block or section properties):
    /// the part of the article a dossier takes as it is.
    /// </summary>
    public IReadOnlyList<OpenXmlElement> BuildBody()
    {
        AppendBlocks(_article.Body.IsDefault ? [] : _article.Body, new Context(0, false));
        AppendRelatedLinks();
        if (_lastWasTable)
        {
            _body.AppendChild(new W.Paragraph());
        }
        var elements = _body.ChildElements.ToList();
        _body.RemoveAllChildren();
        return elements;
    }

    /// <summary>Where a block sits: list depth (for indentation) and whether it is quoted.</summary>
    private readonly record struct Context(int ListDepth, bool InQuote);

    private void AppendMetadataBlock()
    {
        var m = _article.Metadata;
        var title = Paragraph(StyleIds.Title);
        _inlines.AppendText(title, m.Title);
        Add(title);

        var parts = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(m.Site.DisplayName))
        {
            parts.Add(m.Site.DisplayName);
        }
        parts.Add(_profile.FormatPublished(m.Published));
        var authors = m.Authors.IsDefault ? [] : m.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray();
        if (authors.Length > 0)
        {
            parts.Add(string.Join(_profile.IsCjk ? "、" : ", ", authors));
        }
        var subtitle = Paragraph(StyleIds.Subtitle);
        _inlines.AppendText(subtitle, string.Join(LanguageProfile.SubtitleSeparator, parts));
        Add(subtitle);

        if (!string.IsNullOrWhiteSpace(m.OriginalUrl))
        {
            var source = Paragraph(StyleIds.Metadata);
            _inlines.AppendText(source, _profile.SourceLabel);
            _inlines.AppendLink(source, m.OriginalUrl, m.OriginalUrl);
            Add(source);
        }
        if (m.OriginalSource is { } origin && !string.IsNullOrWhiteSpace(origin.Name))
        {
            var original = Paragraph(StyleIds.Metadata);
            _inlines.AppendText(original, _profile.OriginalSourceLabel);
            if (string.IsNullOrWhiteSpace(origin.Url))
            {
                _inlines.AppendText(original, origin.Name);
            }
            else
            {
                _inlines.AppendLink(original, origin.Url, origin.Name);
            }
            Add(original);
        }
        var tags = m.Tags.IsDefault ? [] : m.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        if (tags.Length > 0)
        {
            var line = Paragraph(StyleIds.Metadata);
            _inlines.AppendText(line, _profile.TagsLabel + string.Join(_profile.IsCjk ? "、" : ", ", tags));
            Add(line);
        }
        var id = Paragraph(StyleIds.Metadata);
        _inlines.AppendText(id, _profile.IdLabel + m.Id);
        Add(id);
        Add(Paragraph(StyleIds.Separator));
    }

    private void AppendBlocks(IEnumerable<Block> blocks, Context context)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    AppendParagraph(p.Inlines, context);
                    break;
                case HeadingBlock h:
                    AppendHeading(h, context);
                    break;
                case QuoteBlock q:
                    AppendBlocks(q.Blocks.IsDefault ? [] : q.Blocks, context with { InQuote = true });
                    break;
                case ListBlock l:
                    AppendList(l, context);
                    break;
                case TableBlock t:
                    AppendTable(t);
                    break;
                case FigureBlock f:
                    AppendFigure(f);
                    break;
                case EmbedBlock e:
                    AppendEmbed(e, context);
                    break;
                case RuleBlock:
                    Add(Paragraph(StyleIds.Separator));
                    break;
            }
        }
    }

    private void AppendParagraph(ImmutableArray<Inline> inlines, Context context)
    {
        var paragraph = context.InQuote ? Paragraph(StyleIds.Quote)
            : context.ListDepth > 0 ? IndentedListParagraph(context.ListDepth - 1)
            : Paragraph(StyleIds.BodyText);
        _inlines.Append(paragraph, inlines);
        if (paragraph.ChildElements.Count > 1)
        {
            Add(paragraph);
        }
    }

    private void AppendHeading(HeadingBlock heading, Context context)
    {
        var level = Math.Clamp(heading.Level - _headingBase + 1, 1, 3);
        var paragraph = Paragraph(context.InQuote ? StyleIds.Quote : StyleIds.Heading(level));
        _inlines.Append(paragraph, heading.Inlines);
        if (paragraph.ChildElements.Count > 1)
        {
            Add(paragraph);
        }
    }

    private void AppendList(ListBlock list, Context context)
    {
        var level = Math.Min(context.ListDepth, MaxListLevel);
        var numberingId = list.Ordered ? Numbering.AddOrderedList(level, Math.Max(0, list.Start)) : NumberingPart.BulletNumberingId;
        var inner = context with { ListDepth = context.ListDepth + 1 };
        foreach (var item in list.Items.IsDefault ? [] : list.Items)
        {
            var blocks = item.Blocks.IsDefault ? [] : item.Blocks;
            var paragraph = ListParagraph(level, numberingId);
            var rest = blocks.AsSpan();
            if (rest.Length > 0 && rest[0] is ParagraphBlock first)
            {
                _inlines.Append(paragraph, first.Inlines);
                rest = rest[1..];
            }
            else if (rest.Length > 0 && rest[0] is HeadingBlock heading)
            {
                _inlines.Append(paragraph, heading.Inlines);
                rest = rest[1..];
            }
            Add(paragraph);
            AppendBlocks(rest.ToArray(), inner);
        }
    }

    private void AppendEmbed(EmbedBlock embed, Context context)
    {
        var paragraph = context.InQuote ? Paragraph(StyleIds.Quote) : Paragraph(StyleIds.BodyText);
        _inlines.AppendText(paragraph, "[" + _profile.EmbedLabel(embed.Kind) + "] ");
        var title = XmlSafeText.Clean(embed.Title ?? string.Empty).Trim();
        _inlines.AppendLink(paragraph, embed.Url, title.Length > 0 ? title : embed.Url);
        Add(paragraph);
    }

    private void AppendRelatedLinks()
    {
        var links = _article.RelatedLinks.IsDefault ? [] : _article.RelatedLinks;
        if (links.Length == 0)
        {
            return;
        }
        var heading = Paragraph(StyleIds.Heading(2));
        _inlines.AppendText(heading, _profile.RelatedLinksHeading);
        Add(heading);
        foreach (var link in links)
        {
            var paragraph = ListParagraph(0, NumberingPart.BulletNumberingId);
            var title = XmlSafeText.Clean(link.Title ?? string.Empty).Trim();
            _inlines.AppendLink(paragraph, link.Url, title.Length > 0 ? title : link.Url);
            Add(paragraph);
        }
    }

    private void Add(OpenXmlElement element)
    {
        if (element is W.Table && _lastWasTable)
        {
            // Two adjacent tables would merge into one; an empty paragraph keeps them apart.
            _body.AppendChild(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = StyleIds.TableText })));
        }
        _body.AppendChild(element);
        _lastWasTable = element is W.Table;
    }

    private static W.Paragraph Paragraph(string style) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));

    private static W.Paragraph ListParagraph(int level, int numberingId) =>
        new(new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = StyleIds.ListParagraph },
            new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = numberingId })));

    private static W.Paragraph IndentedListParagraph(int level) =>
        new(new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = StyleIds.ListParagraph },
            new W.Indentation { Left = (720 + Math.Min(level, MaxListLevel) * 360).ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    private static int? MinimumHeadingLevel(ImmutableArray<Block> blocks)
    {
        int? minimum = null;
        foreach (var block in blocks.IsDefault ? [] : blocks)
        {
            var level = block switch
            {
                HeadingBlock h => h.Level,
                QuoteBlock q => MinimumHeadingLevel(q.Blocks),
                ListBlock l => l.Items.IsDefault ? null : l.Items.Select(i => MinimumHeadingLevel(i.Blocks)).Min(),
                _ => null,
            };
            if (level is { } value && (minimum is null || value < minimum))
            {
                minimum = value;
            }
        }
        return minimum;
    }
}
