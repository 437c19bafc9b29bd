using Convertify.Model;

namespace Convertify.Archive.Sites;

/// <summary>
/// The archive's known sites, by folder code and by URL host; unknown sites fall back to the host. A new outlet is
/// one line here, or one <see cref="SiteProfile"/> subclass in its own file when its markup needs rules.
/// </summary>
internal static class SiteCatalog
{
    public static readonly SiteProfile[] Profiles =
    [
        new("reuters", "路透", "reuters.com"),
        new NytSite(),
        new("voa", "美国之音", "voachinese.com", "voanews.com", "voacantonese.com"),
        new("ft", "金融时报", "ft.com", "ftchinese.com", "ftacademy.cn"),
        new BbcSite(),
        new RfiSite(),
        new("dw", "德国之声", "dw.com"),
        new("rfa", "自由亚洲电台", "rfa.org"),
        new CdtSite(),
    ];

    /// <summary>The site of an article whose folder, URL and path name none.</summary>
    public static readonly SiteInfo Unknown = new("unknown", "unknown");

    /// <summary>The site a folder names, by its code (<c>dw</c>) or its name (<c>德国之声</c>, the 2020 layout); case-insensitive.</summary>
    public static SiteInfo? FromFolder(string? folder) =>
        string.IsNullOrEmpty(folder) ? null : Array.Find(Profiles, site =>
            string.Equals(site.Code, folder, StringComparison.OrdinalIgnoreCase) || string.Equals(site.Name, folder, StringComparison.OrdinalIgnoreCase))?.Info;

    public static SiteInfo? FromHost(string? host) =>
        string.IsNullOrEmpty(host) ? null : Array.Find(Profiles, site => site.Hosts.Any(known =>
            host.Equals(known, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase)))?.Info;

    /// <summary>
    /// The site: from the folder when it names a known site, else the URL host (a known site's, else the host itself),
    /// else the <c>articles/&lt;site&gt;/</c> folder as named; null when none of them gives one.
    /// </summary>
    public static SiteInfo? Resolve(string? folder, Uri? url, bool isArchiveFolder)
    {
        var host = url?.Host;
        var site = FromFolder(folder) ?? FromHost(host);
        if (site is not null)
        {
            return site;
        }
        if (!string.IsNullOrEmpty(host))
        {
            var h = host.ToLowerInvariant();
            return new SiteInfo(h, h);
        }
        return isArchiveFolder && !string.IsNullOrEmpty(folder) ? new SiteInfo(folder.ToLowerInvariant(), folder) : null;
    }
}
