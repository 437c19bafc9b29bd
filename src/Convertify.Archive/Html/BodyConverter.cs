using System.Buffers;
using System.Collections.Immutable;
using AngleSharp.Dom;
using Convertify.Errors;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>
/// Turns the cleaned body DOM into typed blocks. The walk recurses at most <see cref="ArchiveReaderOptions.MaxNestingDepth"/>
/// levels; deeper content is kept as plain text. Figures nested in paragraphs or inline wrappers are lifted to block level.
/// </summary>
internal sealed class BodyConverter
{
    private const int GenericFigureMaxText = 300; // must stay below NodeStats.TextLengthCap

    private readonly string _path;
    private readonly ArchiveReaderOptions _options;
    private readonly UrlResolver _urls;
    private readonly ImageResolver _images;
    private readonly WarningLog _warnings;
    private readonly Dictionary<IElement, NodeStats> _stats;
    private readonly List<RelatedLink> _related = [];
    private readonly HashSet<string> _relatedSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _figureUrls = new(StringComparer.Ordinal);
    private int _blockCount;
    private bool _depthWarned;

    public BodyConverter(string path, ArchiveReaderOptions options, UrlResolver urls, ImageResolver images, WarningLog warnings, Dictionary<IElement, NodeStats> stats)
    {
        _path = path;
        _options = options;
        _urls = urls;
        _images = images;
        _warnings = warnings;
        _stats = stats;
    }

    public ImmutableArray<RelatedLink> RelatedLinks => [.. _related];

    public ImmutableArray<Block> Convert(IElement root)
    {
        var context = new BlockContext();
        WalkChildren(root, context, 0);
        Flush(context);
        return [.. context.Blocks];
    }

    private void WalkChildren(INode parent, BlockContext context, int depth)
    {
        var nodes = parent.ChildNodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            Walk(nodes[i], context, depth);
            if (context.FigureAwaitingCaption >= 0)
            {
                i = TryAttachCaption(nodes, i, context);
            }
        }
    }

    private void Walk(INode node, BlockContext context, int depth)
    {
        switch (node)
        {
            case IText text:
                AppendText(text.Data, context);
                break;
            case IElement element:
                Visit(element, context, depth + 1);
                break;
        }
    }

    private void AppendText(string data, BlockContext context)
    {
        if (data.Contains("**", StringComparison.Ordinal))
        {
            data = data.Replace("**", "", StringComparison.Ordinal);
            _warnings.Add("text.markdown-removed", "stray Markdown '**' removed from the text");
        }
        context.Inline.AppendText(data);
        if (context.Inline.HasContent)
        {
            context.FigureAwaitingCaption = -1;
        }
    }

    private void Visit(IElement e, BlockContext context, int depth)
    {
        if (depth > _options.MaxNestingDepth)
        {
            if (!_depthWarned)
            {
                _warnings.Add("limit.depth", $"markup nested deeper than {_options.MaxNestingDepth} levels was read as plain text");
                _depthWarned = true;
            }
            AppendPlainText(e, context);
            return;
        }
        var name = e.LocalName;
        if (HtmlNames.IsDropped(name))
        {
            return;
        }
        if (HtmlNames.IsBoilerplate(e, out var reason))
        {
            // Not HasVisibleText: the statistics pass counts nothing inside boilerplate, so it would always say no.
            if (!HtmlText.LengthAtMost(e, 0) || reason == "ad")
            {
                _warnings.Add("boilerplate." + reason, reason switch
                {
                    "ad" => "ad slot removed",
                    "share" => "share buttons removed",
                    _ => "screen-reader-only or hidden text removed",
                });
            }
            return;
        }
        switch (name)
        {
            case "noscript":
                VisitNoscript(e, context);
                return;
            case "br":
                if (context.Inline.LineBreak())
                {
                    Flush(context);
                }
                return;
            case "hr":
                Flush(context);
                AddBlock(context, new RuleBlock());
                return;
            case "wbr":
                return;
        }
        if (name == "img" && HtmlNames.IsEmoji(e))
        {
            AppendText(e.GetAttribute("alt")!, context);
            return;
        }
        if (HtmlNames.IsImage(e))
        {
            EmitFigureUnit(e, context, imageOnly: true);
            return;
        }
        if (IsFigureUnit(e) || IsImagelessFigure(e))
        {
            EmitFigureUnit(e, context, imageOnly: false);
            return;
        }
        switch (name)
        {
            case "p":
                if (!IsDateline(context.Inline))
                {
                    Flush(context);
                }
                WalkChildren(e, context, depth);
                Flush(context);
                return;
            case "ul" or "ol":
                VisitList(e, context, depth);
                return;
            case "blockquote":
                VisitQuote(e, context, depth);
                return;
            case "table":
                VisitTable(e, context, depth);
                return;
            case "video" or "audio" or "iframe":
                VisitEmbed(e, context);
                return;
            case "a":
                VisitLink(e, context, depth);
                return;
            case "strong" or "b":
                if (HtmlNames.StyleOf(e) == InlineStyle.Normal)
                {
                    WalkChildren(e, context, depth);
                    return;
                }
                VisitWrapper(e, context, depth, InlineBuilder.FrameKind.Strong);
                return;
            case "em" or "i" or "cite" or "dfn" or "var":
                VisitWrapper(e, context, depth, InlineBuilder.FrameKind.Emphasis);
                return;
            case "span" or "font":
                switch (HtmlNames.StyleOf(e))
                {
                    case InlineStyle.Bold:
                        VisitWrapper(e, context, depth, InlineBuilder.FrameKind.Strong);
                        return;
                    case InlineStyle.Italic:
                        VisitWrapper(e, context, depth, InlineBuilder.FrameKind.Emphasis);
                        return;
                }
                WalkChildren(e, context, depth);
                return;
        }
        if (HtmlNames.IsHeading(name))
        {
            VisitHeading(e, context, depth);
            return;
        }
        if (HtmlNames.IsBlockContainer(name))
        {
            Flush(context);
            WalkChildren(e, context, depth);
            Flush(context);
            return;
        }
        // Inline wrappers (span, font, small, u, …) and unknown tags vanish, their content stays.
        WalkChildren(e, context, depth);
    }

    /// <summary>
    /// A short loose text ending in a dash (voa's <c>华盛顿 — </c>) or 电 before the first paragraph is its dateline:
    /// the author meant it as the paragraph's opening words, so it is not made a paragraph of its own.
    /// </summary>
    private static bool IsDateline(InlineBuilder inline) =>
        inline.HasContent && inline.Depth == 0 && inline.Length <= 24 && inline.LastChar is '—' or '–' or '-' or '电';

    private void VisitWrapper(IElement e, BlockContext context, int depth, InlineBuilder.FrameKind kind)
    {
        context.Inline.Open(kind);
        WalkChildren(e, context, depth);
        context.Inline.Close();
    }

    private void VisitLink(IElement e, BlockContext context, int depth)
    {
        var rawHref = e.GetAttribute("href");
        var href = _urls.Resolve(rawHref);
        if (href is null)
        {
            if (!string.IsNullOrWhiteSpace(rawHref) && rawHref.Trim() is not "#" && !rawHref.StartsWith('#'))
            {
                _warnings.Add("link.dropped", "links with unusable targets (javascript:, placeholders, other schemes) kept as text");
            }
            WalkChildren(e, context, depth);
            return;
        }
        var isShare = IsShareUrl(href);
        if (isShare || IsFeedServiceUrl(href))
        {
            if (!HasVisibleText(e))
            {
                return;
            }
        }
        var title = e.GetAttribute("title")?.Trim() ?? string.Empty;
        if (title.StartsWith("Link: ", StringComparison.Ordinal) || title == href)
        {
            title = string.Empty;
        }
        var blocksBefore = _blockCount;
        context.Inline.Open(InlineBuilder.FrameKind.Link, href, title);
        WalkChildren(e, context, depth);
        if (!context.Inline.Close() && _blockCount == blocksBefore && !isShare && _relatedSeen.Add(href))
        {
            _related.Add(new RelatedLink(href, title.Length == 0 ? null : title));
        }
    }

    private static readonly SearchValues<string> ShareUrlMarkers = SearchValues.Create(
        ["facebook.com/dialog/share", "facebook.com/sharer", "/intent/tweet", "twitter.com/share", "addtoany.com", "web.whatsapp.com/send",
            "linkedin.com/share", "t.me/share", "weibo.com/share", "reddit.com/submit", "telegram.me/share"],
        StringComparison.OrdinalIgnoreCase);

    private static bool IsShareUrl(string url) => url.AsSpan().IndexOfAny(ShareUrlMarkers) >= 0;

    private static bool IsFeedServiceUrl(string url) => url.Contains("feedx.", StringComparison.OrdinalIgnoreCase);

    private void VisitHeading(IElement e, BlockContext context, int depth)
    {
        Flush(context);
        var (inlines, others) = FlattenToInlines(e, depth);
        if (inlines.Length > 0)
        {
            // A heading is already strong: a bold wrapper around all of it adds nothing.
            var content = inlines.Length == 1 && inlines[0] is StrongInline only ? only.Inlines : inlines;
            AddBlock(context, new HeadingBlock(e.LocalName[1] - '0', content));
        }
        foreach (var block in others)
        {
            AddBlock(context, block);
        }
    }

    /// <summary>The content of an element that holds only inline content (a heading, a table cell): its paragraphs joined by line breaks, and the other blocks found inside, to be lifted out.</summary>
    private (ImmutableArray<Inline> Inlines, List<Block> Others) FlattenToInlines(IElement e, int depth)
    {
        var inner = new BlockContext();
        WalkChildren(e, inner, depth);
        Flush(inner);
        var inlines = ImmutableArray.CreateBuilder<Inline>();
        var others = new List<Block>();
        foreach (var block in inner.Blocks)
        {
            if (block is ParagraphBlock p)
            {
                if (inlines.Count > 0)
                {
                    inlines.Add(LineBreakInline.Instance);
                }
                inlines.AddRange(p.Inlines);
            }
            else
            {
                others.Add(block);
            }
        }
        return (inlines.ToImmutable(), others);
    }

    private void VisitList(IElement e, BlockContext context, int depth)
    {
        Flush(context);
        var items = ImmutableArray.CreateBuilder<ListItem>();
        BlockContext? loose = null;
        var nodes = e.ChildNodes;
        for (var nodeIndex = 0; nodeIndex < nodes.Length; nodeIndex++)
        {
            var node = nodes[nodeIndex];
            if (node is IElement { LocalName: "li" } li)
            {
                if (loose is not null)
                {
                    AddItem(items, loose);
                    loose = null;
                }
                var item = new BlockContext();
                WalkChildren(li, item, depth + 1);
                Flush(item);
                AddItem(items, item);
            }
            else
            {
                loose ??= new BlockContext();
                Walk(node, loose, depth);
            }
        }
        if (loose is not null)
        {
            AddItem(items, loose);
        }
        if (items.Count > 0)
        {
            var ordered = e.LocalName == "ol";
            var start = ordered && int.TryParse(e.GetAttribute("start"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;
            AddBlock(context, new ListBlock(ordered, items.ToImmutable(), start));
        }
    }

    private static void AddItem(ImmutableArray<ListItem>.Builder items, BlockContext item)
    {
        var inline = item.Inline.Take();
        if (inline.Length > 0)
        {
            item.Blocks.Add(new ParagraphBlock(inline));
        }
        if (item.Blocks.Count > 0)
        {
            items.Add(new ListItem([.. item.Blocks]));
        }
    }

    private void VisitQuote(IElement e, BlockContext context, int depth)
    {
        Flush(context);
        var inner = new BlockContext();
        WalkChildren(e, inner, depth);
        Flush(inner);
        if (inner.Blocks.Count > 0)
        {
            AddBlock(context, new QuoteBlock([.. inner.Blocks]));
        }
    }

    private void VisitTable(IElement table, BlockContext context, int depth)
    {
        Flush(context);
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        var lifted = new List<Block>();
        var caption = string.Empty;
        var childNodes = table.ChildNodes;
        for (var childIndex = 0; childIndex < childNodes.Length; childIndex++)
        {
            if (childNodes[childIndex] is not IElement child)
            {
                continue;
            }
            switch (child.LocalName)
            {
                case "caption":
                    caption = TextAccumulatorOf(child);
                    break;
                case "tr":
                    AddRow(child, header: false);
                    break;
                case "thead" or "tbody" or "tfoot":
                    var trNodes = child.ChildNodes;
                    for (var trIndex = 0; trIndex < trNodes.Length; trIndex++)
                    {
                        if (trNodes[trIndex] is not IElement tr)
                        {
                            continue;
                        }
                        if (tr.LocalName == "tr")
                        {
                            AddRow(tr, child.LocalName == "thead");
                        }
                    }
                    break;
            }
        }
        if (rows.Count > 0)
        {
            AddBlock(context, new TableBlock(rows.ToImmutable(), caption));
        }
        else if (caption.Length > 0)
        {
            AddBlock(context, new ParagraphBlock([new TextInline(caption)]));
        }
        foreach (var block in lifted)
        {
            AddBlock(context, block);
        }

        void AddRow(IElement tr, bool header)
        {
            var cells = ImmutableArray.CreateBuilder<TableCell>();
            var allHeaders = true;
            var cellNodes = tr.ChildNodes;
            for (var cellIndex = 0; cellIndex < cellNodes.Length; cellIndex++)
            {
                if (cellNodes[cellIndex] is not IElement cell)
                {
                    continue;
                }
                if (cell.LocalName is not ("td" or "th"))
                {
                    continue;
                }
                allHeaders &= cell.LocalName == "th";
                var (inlines, others) = FlattenToInlines(cell, depth + 2);
                lifted.AddRange(others);
                cells.Add(new TableCell(inlines, Span(cell.GetAttribute("colspan")), Span(cell.GetAttribute("rowspan"))));
            }
            if (cells.Count > 0)
            {
                rows.Add(new TableRow(cells.ToImmutable(), header || allHeaders));
            }
        }
    }

    private static int Span(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 1 and < 1000 ? n : 1;

    private void VisitEmbed(IElement e, BlockContext context)
    {
        var raw = e.GetAttribute("src") ?? e.GetAttribute("data-src");
        if (string.IsNullOrWhiteSpace(raw))
        {
            var childNodes = e.ChildNodes;
            for (var childIndex = 0; childIndex < childNodes.Length; childIndex++)
            {
                if (childNodes[childIndex] is not IElement child)
                {
                    continue;
                }
                if (child.LocalName == "source" && !string.IsNullOrWhiteSpace(child.GetAttribute("src")))
                {
                    raw = child.GetAttribute("src");
                    break;
                }
            }
        }
        var url = _urls.Resolve(raw);
        if (url is null || !url.StartsWith("http", StringComparison.Ordinal))
        {
            _warnings.Add("embed.dropped", $"<{e.LocalName}> without a usable source removed");
            return;
        }
        var kind = e.LocalName switch
        {
            "video" => EmbedKind.Video,
            "audio" => EmbedKind.Audio,
            _ => IsSocialHost(url) ? EmbedKind.Post : EmbedKind.Frame,
        };
        Flush(context);
        AddBlock(context, new EmbedBlock(kind, url, e.GetAttribute("title")?.Trim() ?? string.Empty));
    }

    private static bool IsSocialHost(string url) =>
        url.Contains("twitter.com", StringComparison.OrdinalIgnoreCase) || url.Contains("//x.com", StringComparison.OrdinalIgnoreCase)
        || url.Contains("facebook.com", StringComparison.OrdinalIgnoreCase) || url.Contains("instagram.com", StringComparison.OrdinalIgnoreCase);

    private void VisitNoscript(IElement e, BlockContext context)
    {
        // A parser without scripting reads <noscript> content as markup: keep only the real images (lazy-loading fallbacks).
        var stack = new Stack<IElement>();
        stack.Push(e);
        var found = new List<IElement>();
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            var childNodes = current.ChildNodes;
            for (var childIndex = childNodes.Length - 1; childIndex >= 0; childIndex--)
            {
                if (childNodes[childIndex] is not IElement child)
                {
                    continue;
                }
                if (HtmlNames.IsImage(child))
                {
                    found.Add(child);
                }
                else
                {
                    stack.Push(child);
                }
            }
        }
        foreach (var image in found)
        {
            EmitFigureUnit(image, context, imageOnly: true);
        }
    }

    private bool IsFigureUnit(IElement e)
    {
        if (!_stats.TryGetValue(e, out var stats) || stats.Images != 1)
        {
            return false;
        }
        if (HtmlNames.IsExplicitFigure(e))
        {
            return true;
        }
        if (e.LocalName is "body" or "ul" or "ol" or "li" or "table" or "blockquote" or "a" || HtmlNames.IsHeading(e.LocalName))
        {
            return false;
        }
        return !stats.TextBeforeImage && stats.TextLength <= GenericFigureMaxText && stats.Blocks <= 2;
    }

    /// <summary>A &lt;figure&gt; whose image the feed lost (nyt's literal "Image" label and a caption): its caption is kept as text.</summary>
    private bool IsImagelessFigure(IElement e) =>
        e.LocalName == "figure" && _stats.TryGetValue(e, out var stats) && stats.Images == 0 && stats.Blocks == 0 && stats.TextLength > 0;

    /// <summary>Emits one figure for an image or a figure wrapper; its other text becomes caption and credit.</summary>
    private void EmitFigureUnit(IElement unit, BlockContext context, bool imageOnly)
    {
        var image = imageOnly ? unit : FindImage(unit);
        var resolved = image is null ? null : _images.Resolve(image);
        string caption = string.Empty, credit = string.Empty;
        if (!imageOnly)
        {
            (caption, credit) = CaptionCollector.Collect(unit, image);
        }
        if (resolved is null || !resolved.IsReal)
        {
            if (resolved?.DropCode is { } code)
            {
                _warnings.Add(code, code switch
                {
                    "image.placeholder-dropped" => "lazy-loading placeholder image without a real source dropped",
                    "image.tracking-pixel-dropped" => "tracking pixel dropped",
                    "image.icon-dropped" => "decorative icon image dropped",
                    "image.share-card-dropped" => "the site's generic social-media card image dropped",
                    "html.malformed" => "malformed image tag could not be recovered",
                    _ => "image without a usable source dropped",
                });
            }
            if (caption.Length > 0 || credit.Length > 0)
            {
                Flush(context);
                var text = credit.Length == 0 ? caption : caption.Length == 0 ? credit : caption + " " + credit;
                AddBlock(context, new ParagraphBlock([new TextInline(text)]));
            }
            return;
        }
        if (resolved.DropCode == "html.malformed")
        {
            _warnings.Add("html.malformed", "image URL recovered from a malformed tag");
        }
        var url = resolved.Url!;
        if (!_figureUrls.Add(url))
        {
            _warnings.Add("image.duplicate-dropped", "repeated image (lazy-loading duplicate) dropped");
            if ((caption.Length > 0 || credit.Length > 0) && !AttachCaption(context, url, caption, credit))
            {
                // The image was shown earlier with another caption: keep this caption's words as text.
                Flush(context);
                var text = credit.Length == 0 ? caption : caption.Length == 0 ? credit : caption + " " + credit;
                AddBlock(context, new ParagraphBlock([new TextInline(text)]));
            }
            return;
        }
        Flush(context);
        AddBlock(context, new FigureBlock(url, resolved.Alt, caption, credit));
        context.FigureAwaitingCaption = caption.Length == 0 ? context.Blocks.Count - 1 : -1;
    }

    /// <summary>Gives a recent figure of the same image the caption it lacked; false when that would lose words.</summary>
    private static bool AttachCaption(BlockContext context, string url, string caption, string credit)
    {
        for (var i = context.Blocks.Count - 1; i >= 0 && i >= context.Blocks.Count - 3; i--)
        {
            if (context.Blocks[i] is FigureBlock f && f.ImageUrl == url)
            {
                var captionFits = caption.Length == 0 || f.Caption.Length == 0 || f.Caption == caption;
                var creditFits = credit.Length == 0 || f.Credit.Length == 0 || f.Credit == credit;
                if (!captionFits || !creditFits)
                {
                    return false;
                }
                context.Blocks[i] = f with
                {
                    Caption = f.Caption.Length == 0 ? caption : f.Caption,
                    Credit = f.Credit.Length == 0 ? credit : f.Credit,
                };
                return true;
            }
        }
        return false;
    }

    private IElement? FindImage(IElement unit)
    {
        var stack = new Stack<IElement>();
        stack.Push(unit);
        IElement? fallback = null;
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            var childNodes = current.ChildNodes;
            for (var childIndex = childNodes.Length - 1; childIndex >= 0; childIndex--)
            {
                if (childNodes[childIndex] is not IElement child)
                {
                    continue;
                }
                if (HtmlNames.IsImage(child))
                {
                    if (_images.Resolve(child).IsReal)
                    {
                        return child;
                    }
                    fallback ??= child;
                }
                else if (!HtmlNames.IsDropped(child.LocalName))
                {
                    stack.Push(child);
                }
            }
        }
        return fallback;
    }

    /// <summary>After a figure, a caption-like next sibling (&lt;small&gt;, &lt;figcaption&gt;, a caption class, a small centred span) becomes its caption.</summary>
    private int TryAttachCaption(INodeList nodes, int current, BlockContext context)
    {
        var nextIndex = current + 1;
        while (nextIndex < nodes.Length && (nodes[nextIndex] is IText t && string.IsNullOrWhiteSpace(t.Data) || nodes[nextIndex] is IComment))
        {
            nextIndex++;
        }
        var next = nextIndex < nodes.Length ? nodes[nextIndex] : null;
        if (next is not IElement element || !CaptionCollector.IsCaptionLike(element)
            || (_stats.TryGetValue(element, out var nextStats) && nextStats.Images > 0))
        {
            if (next is IElement || next is IText)
            {
                context.FigureAwaitingCaption = -1;
            }
            return current;
        }
        var index = context.FigureAwaitingCaption;
        context.FigureAwaitingCaption = -1;
        if (index < 0 || index != context.Blocks.Count - 1 || context.Inline.HasContent || context.Blocks[index] is not FigureBlock figure)
        {
            return current;
        }
        var (caption, credit) = CaptionCollector.Collect(element, null);
        if (caption.Length > 0 || credit.Length > 0)
        {
            context.Blocks[index] = figure with { Caption = caption, Credit = figure.Credit.Length == 0 ? credit : figure.Credit };
        }
        return nextIndex;
    }

    private void Flush(BlockContext context)
    {
        var inlines = context.Inline.Take();
        if (inlines.Length > 0)
        {
            AddBlock(context, new ParagraphBlock(inlines));
        }
    }

    private void AddBlock(BlockContext context, Block block)
    {
        if (++_blockCount > _options.MaxBlocks)
        {
            throw new ArticleFormatException(_path, FormatProblem.LimitExceeded, $"the body has more than {_options.MaxBlocks:N0} blocks");
        }
        context.Blocks.Add(block);
        context.FigureAwaitingCaption = -1;
    }

    private void AppendPlainText(IElement e, BlockContext context)
    {
        var stack = new Stack<INode>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                context.Inline.AppendText(t.Data);
                continue;
            }
            if (node is IElement el && (HtmlNames.IsDropped(el.LocalName)))
            {
                continue;
            }
            if (node is IElement { LocalName: "br" })
            {
                context.Inline.AppendText(" ");
                continue;
            }
            var childNodes = node.ChildNodes;
            for (var childIndex = childNodes.Length - 1; childIndex >= 0; childIndex--)
            {
                var child = childNodes[childIndex];
                stack.Push(child);
            }
        }
    }

    private bool HasVisibleText(IElement e) => _stats.TryGetValue(e, out var s) ? s.TextLength > 0 : !HtmlText.LengthAtMost(e, 0);

    private static string TextAccumulatorOf(IElement e) => TextAccumulator.Normalize(e.TextContent);
}
