using AngleSharp.Dom;
using Convertify.Archive.Dates;
using Convertify.Errors;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>
/// Passes over the parsed body before conversion: lifts the leading metadata (date line, author, rfi date, nyt
/// address/time), removes the feed footer, the CDT info card and rfi's stray <c>Array</c>, and computes the subtree facts
/// the converter uses to recognise figures. All passes are iterative, so deep nesting cannot overflow the stack.
/// </summary>
internal sealed class BodyPreprocessor(string path, ArchiveReaderOptions options, ImageResolver images, WarningLog warnings)
{
    private const int LeadingScanLimit = 60;

    private int _elements;

    public BodyMetadata Metadata { get; } = new();

    public Dictionary<IElement, NodeStats> Run(IElement body)
    {
        var (footers, cards, promotions) = Survey(body);
        LiftMetadata(body);
        RemoveFeedFooter(body, footers);
        RemoveInfoCards(cards);
        RemovePromotions(promotions);
        return ComputeStats(body);
    }

    /// <summary>One pass over the tree: enforces the element limit and finds the feed footer, info cards and app promotions.</summary>
    private (List<IElement> Footers, List<IElement> Cards, List<IElement> Promotions) Survey(IElement body)
    {
        var footers = new List<IElement>();
        var cards = new List<IElement>();
        var promotions = new List<IElement>();
        var count = 0;
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (++count > options.MaxElements)
            {
                throw new ArticleFormatException(path, FormatProblem.LimitExceeded, $"the body has more than {options.MaxElements:N0} HTML elements");
            }
            if (IsInfoCard(e))
            {
                cards.Add(e);
                continue;
            }
            var nodes = e.ChildNodes;
            for (var i = 0; i < nodes.Length; i++)
            {
                switch (nodes[i])
                {
                    case IText t when IsFeedFooterText(t.Data):
                        if (footers.Count == 0 || !ReferenceEquals(footers[^1], e))
                        {
                            footers.Add(e);
                        }
                        break;
                    case IText t when IsPromotion(e, t):
                        promotions.Add(e);
                        break;
                    case IElement child:
                        stack.Push(child);
                        break;
                }
            }
        }
        _elements = count;
        return (footers, cards, promotions);
    }

    /// <summary>The feed service's footer line, <c>获取更多RSS</c> or <c>獲取更多RSS</c>: one search for what both share.</summary>
    private static bool IsFeedFooterText(string text)
    {
        for (var at = text.IndexOf("取更多RSS", StringComparison.Ordinal); at >= 0; at = text.IndexOf("取更多RSS", at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && text[at - 1] is '获' or '獲')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A site's notice asking readers to install its app or subscribe (ft: <c>来自FT中文网的温馨提示：…下载…官方应用，付费订阅</c>):
    /// a short block whose text opens with <c>来自…的温馨提示</c> and speaks of apps or subscriptions.
    /// </summary>
    private static bool IsPromotion(IElement e, IText t)
    {
        var text = t.Data.AsSpan().TrimStart();
        if (!(text.StartsWith("来自") || text.StartsWith("來自")) || (!text.Contains("温馨提示", StringComparison.Ordinal) && !text.Contains("溫馨提示", StringComparison.Ordinal)))
        {
            return false;
        }
        var whole = e.TextContent;
        return e.LocalName is "div" or "p" && whole.Length < 300
            && (whole.Contains("应用", StringComparison.Ordinal) || whole.Contains("應用", StringComparison.Ordinal)
                || whole.Contains("订阅", StringComparison.Ordinal) || whole.Contains("訂閱", StringComparison.Ordinal));
    }

    private void RemovePromotions(List<IElement> promotions)
    {
        foreach (var promotion in promotions)
        {
            promotion.Remove();
            warnings.Add("boilerplate.promotion", "site app/subscription notice removed");
        }
    }

    private static bool IsInfoCard(IElement e) =>
        e.GetAttribute("class") is { } c && c.Contains("su-spoiler", StringComparison.Ordinal)
        && c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("su-spoiler");

    private void LiftMetadata(IElement body)
    {
        var seen = 0;
        var stack = new Stack<IElement>();
        var topNodes = body.ChildNodes;
        for (var childIndex = topNodes.Length - 1; childIndex >= 0; childIndex--)
        {
            if (topNodes[childIndex] is not IElement child)
            {
                continue;
            }
            stack.Push(child);
        }
        var remove = new List<INode>();
        IElement? byline = null;
        while (stack.Count > 0 && seen++ < LeadingScanLimit)
        {
            var e = stack.Pop();
            var name = e.LocalName;
            if (name is "p" or "img" or "picture" or "figure" or "blockquote" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "iframe" or "video")
            {
                break;
            }
            if (name is "i" or "em" && e.ParentElement is { LocalName: "div" or "p" } parent && SameText(parent, e) && TryDateLine(e))
            {
                RemoveWithArtefacts(parent, remove);
                continue;
            }
            if (name == "div" && e.ChildElementCount == 0 && e.TextContent is { Length: > 0 and < 64 } dateText && Metadata.Date is null
                && BodyDateParser.Parse(dateText) is { } plain)
            {
                Metadata.Date = plain;
                RemoveWithArtefacts(e, remove);
                continue;
            }
            if (name == "address")
            {
                foreach (var author in AuthorNames.Clean(e.TextContent))
                {
                    Metadata.Authors.Add(author);
                }
                remove.Add(e);
                continue;
            }
            if (name == "time")
            {
                var attr = e.GetAttribute("datetime") ?? e.GetAttribute("pudate");
                if (Metadata.Date is null && attr is not null && BodyDateParser.Parse(attr) is { } parsed
                    && parsed.Precision != Model.DatePrecision.Day)
                {
                    Metadata.Date = parsed;
                }
                remove.Add(e);
                if (byline is not null)
                {
                    // bbc: a list of name and desk right before the time stamp is the byline.
                    foreach (var author in AuthorNames.Clean(byline.FirstElementChild?.TextContent ?? string.Empty))
                    {
                        Metadata.Authors.Add(author);
                    }
                    remove.Add(byline);
                    byline = null;
                }
                continue;
            }
            if (name is "ul" && byline is null && IsBylineList(e))
            {
                byline = e;
                continue;
            }
            if (DirectText(e) > 40)
            {
                break;
            }
            var childNodes = e.ChildNodes;
            for (var childIndex = childNodes.Length - 1; childIndex >= 0; childIndex--)
            {
                if (childNodes[childIndex] is not IElement child)
                {
                    continue;
                }
                stack.Push(child);
            }
        }
        foreach (var node in remove)
        {
            node.Parent?.RemoveChild(node);
        }
    }

    /// <summary>A short list (at most three items, no links, short lines) that could be a byline.</summary>
    private static bool IsBylineList(IElement ul)
    {
        var items = 0;
        var nodes = ul.ChildNodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is not IElement li)
            {
                continue;
            }
            if (li.LocalName != "li" || ++items > 3 || li.QuerySelector("a, img") is not null || !HtmlText.LengthAtMost(li, 40))
            {
                return false;
            }
        }
        return items > 0;
    }

    private static int DirectText(IElement e)
    {
        var n = 0;
        var children = e.ChildNodes;
        for (var childIndex = 0; childIndex < children.Length; childIndex++)
        {
            var c = children[childIndex];
            if (c is IText t)
            {
                n += t.Data.Trim().Length;
            }
        }
        return n;
    }

    private static bool SameText(IElement parent, IElement child)
    {
        var children = parent.ChildNodes;
        for (var childIndex = 0; childIndex < children.Length; childIndex++)
        {
            var c = children[childIndex];
            if (ReferenceEquals(c, child))
            {
                continue;
            }
            if (c is IText t && !string.IsNullOrWhiteSpace(t.Data))
            {
                return false;
            }
            if (c is IElement { LocalName: not "br" })
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A date line <c>&lt;i&gt;[AUTHOR&lt;br&gt;]DATE&lt;/i&gt;</c>; relative dates (<c>28 分钟前</c>) are recognised and ignored.</summary>
    private bool TryDateLine(IElement italic)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        var children = italic.ChildNodes;
        for (var childIndex = 0; childIndex < children.Length; childIndex++)
        {
            var c = children[childIndex];
            if (c is IElement { LocalName: "br" })
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c.TextContent);
            }
        }
        pieces.Add(current.ToString());
        var last = pieces.FindLastIndex(p => p.Trim().Length > 0);
        if (last < 0)
        {
            return false;
        }
        var dateText = pieces[last].Trim();
        var date = BodyDateParser.Parse(dateText);
        if (date is null && !IsRelative(dateText))
        {
            return false;
        }
        if (date is not null && Metadata.Date is null)
        {
            Metadata.Date = date;
        }
        for (var i = 0; i < last; i++)
        {
            foreach (var author in AuthorNames.Clean(pieces[i]))
            {
                Metadata.Authors.Add(author);
            }
        }
        return true;
    }

    private static bool IsRelative(string text) =>
        text.Length < 24 && (text.EndsWith('前') || text.EndsWith(" ago", StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes a date line and rfi's literal <c>Array</c> text that may follow it.</summary>
    private void RemoveWithArtefacts(IElement line, List<INode> remove)
    {
        remove.Add(line);
        var next = line.NextSibling;
        while (next is IText t && string.IsNullOrWhiteSpace(t.Data))
        {
            next = next.NextSibling;
        }
        if (next is IText artefact && artefact.Data.Trim() == "Array")
        {
            remove.Add(artefact);
            warnings.Add("text.array-artifact-removed", "stray 'Array' text after the date line removed");
        }
    }

    /// <summary>Removes the feed service's footer (<c>&lt;br&gt;&lt;hr&gt;&lt;div&gt;获取更多RSS：…feedx…&lt;/div&gt;</c>).</summary>
    private void RemoveFeedFooter(IElement body, List<IElement> footers)
    {
        foreach (var footer in footers)
        {
            if (ReferenceEquals(footer, body))
            {
                RemoveTextFooter(body);
                continue;
            }
            var prev = footer.PreviousSibling;
            while (prev is not null && (prev is IText pt && string.IsNullOrWhiteSpace(pt.Data) || prev is IElement { LocalName: "br" or "hr" }))
            {
                var before = prev.PreviousSibling;
                prev.Parent?.RemoveChild(prev);
                prev = before;
            }
            footer.Parent?.RemoveChild(footer);
            warnings.Add("boilerplate.feed-footer", "feed service footer (获取更多RSS) removed");
        }
    }

    private void RemoveTextFooter(IElement body)
    {
        // The footer text sits directly in the body: drop it and everything after it, and the rule before it.
        INode? start = null;
        var children = body.ChildNodes;
        for (var childIndex = 0; childIndex < children.Length; childIndex++)
        {
            var c = children[childIndex];
            if (c is IText t && t.Data.Contains("RSS", StringComparison.Ordinal) && t.Data.Contains("获取更多", StringComparison.Ordinal))
            {
                start = c;
                break;
            }
        }
        if (start is null)
        {
            return;
        }
        var prev = start.PreviousSibling;
        while (prev is not null && (prev is IText pt && string.IsNullOrWhiteSpace(pt.Data) || prev is IElement { LocalName: "br" or "hr" }))
        {
            var before = prev.PreviousSibling;
            body.RemoveChild(prev);
            prev = before;
        }
        var node = start;
        while (node is not null)
        {
            var next = node.NextSibling;
            var isFeedLink = node is IElement el && (el.LocalName == "br" || el.TextContent.Contains("feedx", StringComparison.OrdinalIgnoreCase))
                || node is IText && ReferenceEquals(node, start) || node is IText tx && string.IsNullOrWhiteSpace(tx.Data);
            if (!isFeedLink)
            {
                break;
            }
            body.RemoveChild(node);
            node = next;
        }
        warnings.Add("boilerplate.feed-footer", "feed service footer (获取更多RSS) removed");
    }

    /// <summary>Removes the CDT archive card (a collapsible "CDT 档案卡" box repeating title, author, date and copyright), keeping its author.</summary>
    private void RemoveInfoCards(List<IElement> cards)
    {
        foreach (var card in cards)
        {
            foreach (var strong in card.QuerySelectorAll("strong"))
            {
                var label = strong.TextContent.Trim();
                if (label is "作者：" or "作者:")
                {
                    var value = new System.Text.StringBuilder();
                    for (var n = strong.NextSibling; n is not null && n is not IElement { LocalName: "br" or "strong" }; n = n.NextSibling)
                    {
                        value.Append(n.TextContent);
                    }
                    foreach (var author in AuthorNames.Clean(value.ToString()))
                    {
                        if (!Metadata.Authors.Contains(author))
                        {
                            Metadata.Authors.Add(author);
                        }
                    }
                }
            }
            var holder = card.ParentElement;
            card.Parent?.RemoveChild(card);
            // Its floating wrapper is left empty.
            if (holder is not null && holder.LocalName == "div" && holder.TextContent.Trim().Length == 0 && holder.ChildElementCount == 0)
            {
                holder.Parent?.RemoveChild(holder);
            }
            warnings.Add("boilerplate.info-card", "archive info card (CDT 档案卡) removed; its author kept in the metadata");
        }
    }

    private Dictionary<IElement, NodeStats> ComputeStats(IElement body)
    {
        // Sized for every element the survey saw, so the table never grows while it is filled.
        var stats = new Dictionary<IElement, NodeStats>(_elements, ReferenceEqualityComparer.Instance);
        var stack = new Stack<(IElement Element, bool Done)>();
        stack.Push((body, false));
        while (stack.Count > 0)
        {
            var (e, done) = stack.Pop();
            if (!done)
            {
                stack.Push((e, true));
                if (!IsOpaque(e))
                {
                    var childNodes = e.ChildNodes;
                    for (var childIndex = 0; childIndex < childNodes.Length; childIndex++)
                    {
                        if (childNodes[childIndex] is not IElement child)
                        {
                            continue;
                        }
                        stack.Push((child, false));
                    }
                }
                continue;
            }
            stats[e] = Summarise(e, stats);
        }
        return stats;
    }

    private static bool IsOpaque(IElement e) =>
        HtmlNames.IsDropped(e.LocalName) || e.LocalName == "picture" || e.LocalName == "img";

    private NodeStats Summarise(IElement e, Dictionary<IElement, NodeStats> stats)
    {
        var name = e.LocalName;
        if (HtmlNames.IsDropped(name) || HtmlNames.IsBoilerplate(e, out _))
        {
            return default;
        }
        if (HtmlNames.IsImage(e))
        {
            var resolved = images.Resolve(e);
            return resolved.IsReal ? new NodeStats(0, 1, resolved.Url, false, 0) : default;
        }
        var noscript = name == "noscript";
        int text = 0, imageCount = 0, blocks = name is "p" or "li" or "blockquote" or "table" || HtmlNames.IsHeading(name) ? 1 : 0;
        string? first = null;
        var textBefore = false;
        var children = e.ChildNodes;
        for (var childIndex = 0; childIndex < children.Length; childIndex++)
        {
            var c = children[childIndex];
            if (c is IText t)
            {
                if (noscript)
                {
                    continue;
                }
                var visible = VisibleText.Count(t.Data, NodeStats.TextLengthCap - text);
                if (visible > 0 && imageCount == 0)
                {
                    textBefore = true;
                }
                text = Math.Min(text + visible, NodeStats.TextLengthCap);
            }
            else if (c is IElement child && stats.TryGetValue(child, out var s))
            {
                if (s.TextLength > 0 && imageCount == 0 && (s.Images == 0 || s.TextBeforeImage))
                {
                    textBefore = true;
                }
                if (noscript)
                {
                    s = s with { TextLength = 0 };
                }
                text = Math.Min(text + s.TextLength, NodeStats.TextLengthCap);
                blocks += s.Blocks;
                if (s.Images > 0)
                {
                    if (first is null)
                    {
                        first = s.FirstImage;
                        imageCount = s.Images;
                    }
                    else
                    {
                        imageCount += s.Images == 1 && s.FirstImage == first ? 0 : s.Images;
                    }
                }
            }
        }
        return new NodeStats(text, imageCount, first, textBefore, blocks);
    }
}
