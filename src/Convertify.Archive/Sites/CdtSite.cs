using AngleSharp.Dom;
using Convertify.Archive.Html;

namespace Convertify.Archive.Sites;

/// <summary>
/// cdt: the archive card (a collapsible "CDT 档案卡" <c>su-spoiler</c> box repeating title, author, date and copyright)
/// is removed, its author kept.
/// </summary>
internal sealed class CdtSite() : SiteProfile("cdt", "中国数字时代", "chinadigitaltimes.net")
{
    public override bool IsRemovedBlock(IElement element) =>
        element.GetAttribute("class") is { } c && c.Contains("su-spoiler", StringComparison.Ordinal)
        && c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("su-spoiler");

    public override void RemoveBlock(IElement block, BodyMetadata metadata, WarningLog warnings)
    {
        foreach (var strong in block.QuerySelectorAll("strong"))
        {
            if (strong.TextContent.Trim() is not ("作者：" or "作者:"))
            {
                continue;
            }
            var value = new System.Text.StringBuilder();
            for (var n = strong.NextSibling; n is not null && n is not IElement { LocalName: "br" or "strong" }; n = n.NextSibling)
            {
                value.Append(n.TextContent);
            }
            foreach (var author in AuthorNames.Clean(value.ToString()))
            {
                if (!metadata.Authors.Contains(author))
                {
                    metadata.Authors.Add(author);
                }
            }
        }
        var holder = block.ParentElement;
        block.Parent?.RemoveChild(block);
        // Its floating wrapper is left empty.
        if (holder is not null && holder.LocalName == "div" && holder.TextContent.Trim().Length == 0 && holder.ChildElementCount == 0)
        {
            holder.Parent?.RemoveChild(holder);
        }
        warnings.Add("boilerplate.info-card", "archive info card (CDT 档案卡) removed; its author kept in the metadata");
    }
}
