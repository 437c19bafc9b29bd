using AngleSharp.Dom;

namespace Convertify.Archive.Html;

/// <summary>The feed service's footer (<c>&lt;br&gt;&lt;hr&gt;&lt;div&gt;获取更多RSS：…feedx…&lt;/div&gt;</c>), which ends many bodies of every site.</summary>
internal static class FeedFooter
{
    /// <summary>The feed service's footer line, <c>获取更多RSS</c> or <c>獲取更多RSS</c>: one search for what both share.</summary>
    public static bool IsFooterText(string text)
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

    /// <summary>Removes the footers the survey found: each element holding the footer line, with the rules and breaks before it.</summary>
    public static void Remove(IElement body, List<IElement> footers, WarningLog warnings)
    {
        foreach (var footer in footers)
        {
            if (ReferenceEquals(footer, body))
            {
                RemoveFromBody(body, warnings);
                continue;
            }
            RemoveBreaksBefore(footer);
            footer.Parent?.RemoveChild(footer);
            warnings.Add("boilerplate.feed-footer", "feed service footer (获取更多RSS) removed");
        }
    }

    private static void RemoveFromBody(IElement body, WarningLog warnings)
    {
        // The footer text sits directly in the body: drop it and everything after it, and the rule before it.
        var start = body.ChildNodes.FirstOrDefault(c =>
            c is IText t && t.Data.Contains("RSS", StringComparison.Ordinal) && t.Data.Contains("获取更多", StringComparison.Ordinal));
        if (start is null)
        {
            return;
        }
        RemoveBreaksBefore(start);
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

    /// <summary>Removes the blank text, breaks and rules right before <paramref name="node"/>.</summary>
    private static void RemoveBreaksBefore(INode node)
    {
        var prev = node.PreviousSibling;
        while (prev is not null && (prev is IText pt && string.IsNullOrWhiteSpace(pt.Data) || prev is IElement { LocalName: "br" or "hr" }))
        {
            var before = prev.PreviousSibling;
            prev.Parent?.RemoveChild(prev);
            prev = before;
        }
    }
}
