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
    private static bool IsBylineList(IElement ul) =>
        ul.ChildElementCount is > 0 and <= 3
        && ul.Children.All(li => li.LocalName == "li" && li.QuerySelector("a, img") is null && HtmlText.LengthAtMost(li, 40));
}
