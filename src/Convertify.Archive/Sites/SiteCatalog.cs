using Convertify.Model;

namespace Convertify.Archive.Sites;

/// <summary>The archive's known sites, by folder code and by URL host; unknown sites fall back to the host.</summary>
internal static class SiteCatalog
{
    private static readonly (string Code, string Name, string[] Hosts)[] Known =
    [
        ("reuters", "路透", ["reuters.com"]),
        ("nyt", "纽约时报", ["nytimes.com"]),
        ("voa", "美国之音", ["voachinese.com", "voanews.com", "voacantonese.com"]),
        ("ft", "金融时报", ["ft.com", "ftchinese.com", "ftacademy.cn"]),
        ("bbc", "BBC", ["bbc.com", "bbc.co.uk"]),
        ("rfi", "法广", ["rfi.fr"]),
        ("dw", "德国之声", ["dw.com"]),
        ("rfa", "自由亚洲电台", ["rfa.org"]),
        ("cdt", "中国数字时代", ["chinadigitaltimes.net"]),
    ];

    public static SiteInfo? FromCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        foreach (var site in Known)
        {
            if (string.Equals(site.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return new SiteInfo(site.Code, site.Name);
            }
        }
        return null;
    }

    public static SiteInfo? FromHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }
        foreach (var site in Known)
        {
            foreach (var known in site.Hosts)
            {
                if (host.Equals(known, StringComparison.OrdinalIgnoreCase)
                    || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase))
                {
                    return new SiteInfo(site.Code, site.Name);
                }
            }
        }
        return null;
    }

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
