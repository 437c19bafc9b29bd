using System.Buffers;
using AngleSharp.Dom;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Links: kept inline, or, when empty, kept as the article's related links; share and feed-service links without text dropped.</summary>
internal sealed partial class BodyConverter
{
    private void VisitLink(IElement e, BlockContext context, int depth)
    {
        var rawHref = e.AttributeValue("href");
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
        var title = e.AttributeValue("title")?.Trim() ?? string.Empty;
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
}
