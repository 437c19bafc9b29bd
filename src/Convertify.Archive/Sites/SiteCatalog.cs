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

    public static SiteInfo? FromCode(string? code) =>
        string.IsNullOrEmpty(code) ? null : Array.Find(Profiles, site => string.Equals(site.Code, code, StringComparison.OrdinalIgnoreCase))?.Info;

    public static SiteInfo? FromHost(string? host) =>
        string.IsNullOrEmpty(host) ? null : Array.Find(Profiles, site => site.Hosts.Any(known =>
            host.Equals(known, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase)))?.Info;

    /// <summary>The site: from the <c>articles/&lt;site&gt;/</c> folder when known, else the URL host.</summary>
    public static SiteInfo Resolve(string? folder, Uri? url)
    {
        var host = url?.Host;
        var site = FromCode(folder) ?? FromHost(host);
        if (site is not null)
        {
            return site;
        }
        if (!string.IsNullOrEmpty(host))
        {
            var h = host.ToLowerInvariant();
            return new SiteInfo(h, h);
        }
        var code = string.IsNullOrEmpty(folder) ? "unknown" : folder.ToLowerInvariant();
        return new SiteInfo(code, string.IsNullOrEmpty(folder) ? "unknown" : folder);
    }
}
