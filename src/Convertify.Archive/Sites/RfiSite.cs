using AngleSharp.Dom;
using Convertify.Archive.Dates;
using Convertify.Archive.Html;

namespace Convertify.Archive.Sites;

/// <summary>rfi: the date is a bare <c>&lt;div&gt;26/09/2023 - 10:44&lt;/div&gt;</c> (no <c>&lt;i&gt;</c>).</summary>
internal sealed class RfiSite() : SiteProfile("rfi", "法广", "rfi.fr")
{
    public override bool TryLiftLeading(IElement element, LeadingMetadata lead)
    {
        if (element.LocalName == "div" && element.ChildElementCount == 0 && element.TextContent is { Length: > 0 and < 64 } dateText
            && lead.Metadata.Date is null && BodyDateParser.Parse(dateText) is { } date)
        {
            lead.Metadata.Date = date;
            lead.RemoveWithArtefacts(element);
            return true;
        }
        return false;
    }
}
