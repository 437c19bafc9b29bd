namespace Convertify.Excel;

/// <summary>Tells links into the archive (same host as the article, or an archive path <c>/articles/SITE/ID.md</c>) from external ones.</summary>
internal static class LinkClassifier
{
    /// <summary>The host of the article's URL without <c>www.</c>, or null.</summary>
    public static string? SiteHost(string? articleUrl) =>
        Uri.TryCreate(articleUrl, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? StripWww(uri.Host) : null;

    public static bool IsInternal(string url, string? siteHost)
    {
        if (url.StartsWith("/articles/", StringComparison.Ordinal))
        {
            return true;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        // The archive's own article paths: /articles/<site>/<id>.md on whatever host serves the archive.
        if (uri.AbsolutePath.Contains("/articles/", StringComparison.Ordinal) && uri.AbsolutePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return siteHost is not null && uri.Host.Length > 0 && string.Equals(StripWww(uri.Host), siteHost, StringComparison.OrdinalIgnoreCase);
    }

    private static string StripWww(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
