using System.Collections.Immutable;
using AngleSharp.Dom;
using Convertify.Errors;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>
/// Turns the cleaned body DOM into typed blocks. The walk recurses at most <see cref="ArchiveReaderOptions.MaxNestingDepth"/>
/// levels; deeper content is kept as plain text. Figures nested in paragraphs or inline wrappers are lifted to block level.
/// </summary>
internal sealed partial class BodyConverter
{
    private readonly string _path;
    private readonly ArchiveReaderOptions _options;
    private readonly UrlResolver _urls;
    private readonly ImageResolver _images;
    private readonly WarningLog _warnings;
    private readonly Dictionary<IElement, NodeStats> _stats;

    // The boilerplate elements the statistics pass met, with their reasons; null when it did not go inside the root.
    private readonly Dictionary<IElement, string>? _boilerplate;
    private readonly List<RelatedLink> _related = [];
    private readonly HashSet<string> _relatedSeen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _figureUrls = new(StringComparer.Ordinal);
    private int _blockCount;
    private bool _depthWarned;

    public BodyConverter(string path, ArchiveReaderOptions options, UrlResolver urls, ImageResolver images, WarningLog warnings, Dictionary<IElement, NodeStats> stats,
        Dictionary<IElement, string>? boilerplate)
    {
        _path = path;
        _options = options;
        _urls = urls;
        _images = images;
        _warnings = warnings;
        _stats = stats;
        _boilerplate = boilerplate;
    }

    public ImmutableArray<RelatedLink> RelatedLinks => [.. _related];

    public ImmutableArray<Block> Convert(IElement root) => [.. ConvertChildren(root, 0).Blocks];

    /// <summary>The content of <paramref name="parent"/> converted on its own: its blocks, the last paragraph flushed.</summary>
    private BlockContext ConvertChildren(INode parent, int depth)
    {
        var inner = new BlockContext();
        WalkChildren(parent, inner, depth);
        Flush(inner);
        return inner;
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
        if (IsBoilerplate(e, out var reason))
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
            AppendText(e.AttributeValue("alt")!, context);
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
        var inner = ConvertChildren(e, depth);
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
                AddItem(items, ConvertChildren(li, depth + 1));
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
            var start = ordered && int.TryParse(e.AttributeValue("start"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;
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
        var inner = ConvertChildren(e, depth);
        if (inner.Blocks.Count > 0)
        {
            AddBlock(context, new QuoteBlock([.. inner.Blocks]));
        }
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

    private static void AppendPlainText(IElement e, BlockContext context)
    {
        var stack = new Stack<INode>();
        stack.Push(e);
        while (stack.TryPop(out var node))
        {
            switch (node)
            {
                case IText t:
                    context.Inline.AppendText(t.Data);
                    break;
                case IElement el when HtmlNames.IsDropped(el.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    context.Inline.AppendText(" ");
                    break;
                default:
                    for (var childIndex = node.ChildNodes.Length - 1; childIndex >= 0; childIndex--)
                    {
                        stack.Push(node.ChildNodes[childIndex]);
                    }
                    break;
            }
        }
    }

    /// <summary><see cref="HtmlNames.IsBoilerplate"/>, from what the statistics pass found when it met every element.</summary>
    private bool IsBoilerplate(IElement e, out string? reason) =>
        _boilerplate is null ? HtmlNames.IsBoilerplate(e, out reason) : _boilerplate.TryGetValue(e, out reason);

    private bool HasVisibleText(IElement e) => _stats.TryGetValue(e, out var s) ? s.TextLength > 0 : !HtmlText.LengthAtMost(e, 0);
}
