using AngleSharp.Dom;
using Convertify.Archive.Html;

namespace Convertify.Archive.Sites;

/// <summary>bbc: a short list of name and desk right before the time stamp is the byline (lifted when the time stamp comes).</summary>
internal sealed class BbcSite() : SiteProfile("bbc", "BBC", "bbc.com", "bbc.co.uk")
{
    public override bool TryLiftLeading(IElement element, LeadingMetadata lead)
    {
        if (element.LocalName != "ul" || lead.Byline is not null || !IsBylineList(element))
        {
            return false;
        }
        lead.Byline = element;
        return true;
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
}
