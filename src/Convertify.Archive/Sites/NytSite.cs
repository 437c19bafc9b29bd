using AngleSharp.Dom;
using Convertify.Archive.Html;

namespace Convertify.Archive.Sites;

/// <summary>nyt: from 2021-04 the authors are an <c>&lt;address&gt;</c> before the time stamp.</summary>
internal sealed class NytSite() : SiteProfile("nyt", "纽约时报", "nytimes.com")
{
    public override bool TryLiftLeading(IElement element, LeadingMetadata lead)
    {
        if (element.LocalName != "address")
        {
            return false;
        }
        lead.AddAuthors(element.TextContent);
        lead.Remove(element);
        return true;
    }
}
