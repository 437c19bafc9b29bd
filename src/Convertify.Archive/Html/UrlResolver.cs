namespace Convertify.Archive.Html;

/// <summary>Resolves link and image URLs against the article URL; keeps only http, https and mailto.</summary>
internal sealed class UrlResolver(Uri? baseUri)
{
    public Uri? BaseUri { get; } = baseUri;

    /// <summary>An absolute http(s)/mailto URL, or null for empty, fragment-only, javascript: and other placeholders.</summary>
    public string? Resolve(string? href)
    {
        if (href is null)
        {
            return null;
        }
        var h = href.Trim();
        if (h.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0)
        {
            h = h.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        }
        if (h.Length == 0 || h[0] == '#' || h is "/" or "about:blank" or "null" or "undefined" or "#!")
        {
            return null;
        }
        if (h.StartsWith("//", StringComparison.Ordinal))
        {
            h = "https:" + h;
        }
        if (Uri.TryCreate(h, UriKind.Absolute, out var absolute) && !IsFileLike(absolute, h))
        {
            return Accept(absolute);
        }
        if (BaseUri is null)
        {
            return null;
        }
        var colon = h.IndexOf(':');
        if (colon > 0 && (h.IndexOfAny(['/', '?', '#']) is var stop && (stop < 0 || colon < stop)))
        {
            return null; // some other scheme (javascript:, whatsapp:, data:)
        }
        return Uri.TryCreate(BaseUri, h, out var resolved) ? Accept(resolved) : null;
    }

    private static bool IsFileLike(Uri uri, string original) =>
        uri.IsFile && !original.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static string? Accept(Uri uri)
    {
        if (uri.Scheme is "http" or "https")
        {
            return string.IsNullOrEmpty(uri.Host) ? null : uri.AbsoluteUri;
        }
        return uri.Scheme == "mailto" ? uri.OriginalString : null;
    }
}
