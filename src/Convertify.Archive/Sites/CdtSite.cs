namespace Convertify.Archive.Sites;

/// <summary>
/// cdt: the archive card (a collapsible "CDT 档案卡" <c>su-spoiler</c> box) states the original's title, author,
/// publication date, source outlet and topics; its date, source, author and topics are kept.
/// </summary>
internal sealed class CdtSite() : SiteProfile("cdt", "中国数字时代", "chinadigitaltimes.net")
{
    private static readonly InfoBox Card = new("archive info card (CDT 档案卡)", "su-spoiler", new Dictionary<string, InfoBoxFact>(StringComparer.Ordinal)
    {
        ["作者"] = InfoBoxFact.Authors,
        ["发表日期"] = InfoBoxFact.Published,
        ["来源"] = InfoBoxFact.Source,
        ["主题归类"] = InfoBoxFact.Tags,
    });

    public override InfoBox InfoBox => Card;
}
