namespace Convertify.Archive.Html;

/// <summary>Resolves link and image URLs against the article URL; keeps only http, https and mailto.</summary>
internal sealed class UrlResolver(Uri? baseUri)
{
    public Uri? BaseUri { get; } = baseUri;

    /// <summary>An absolute http(s)/mailto URL, or null for empty, fragment-only, javascript: and other placeholders.</summary>
    public string? Resolve(string? href) => Resolve(href, out _);

    /// <summary>
    /// <see cref="Resolve(string?)"/>, and the <see cref="Uri"/> that <c>Uri.TryCreate(result, UriKind.Absolute, …)</c> would
    /// give, when this resolution already parsed exactly that text (an absolute URL that was already in canonical form);
    /// null otherwise. Lets a caller that parses the result again skip the parse.
    /// </summary>
    public string? Resolve(string? href, out Uri? parsed)
    {
        parsed = null;
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
            var accepted = Accept(absolute);
            if (accepted is not null && string.Equals(accepted, h, StringComparison.Ordinal))
            {
                // Same text, same parse: Uri.TryCreate is a pure function of its input.
                parsed = absolute;
            }
            return accepted;
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
