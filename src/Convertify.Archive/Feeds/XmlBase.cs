using System.Xml.Linq;

namespace Convertify.Archive.Feeds;

/// <summary>Resolves URLs against <c>xml:base</c> (RFC 3986 references, as XML Base says).</summary>
internal static class XmlBase
{
    /// <summary>The base in effect at <paramref name="element"/>: <paramref name="outer"/> refined by every <c>xml:base</c> from the detached root down.</summary>
    public static Uri? At(XElement element, Uri? outer)
    {
        var chain = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute(FeedNames.XmlBase)?.Value is { } value)
            {
                chain.Add(value);
            }
        }
        var current = outer;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            current = Combine(current, chain[i]);
        }
        return current;
    }

    /// <summary><paramref name="reference"/> resolved against <paramref name="baseUri"/>; the base stays when the reference is unusable.</summary>
    public static Uri? Combine(Uri? baseUri, string? reference) =>
        Resolve(baseUri, reference, httpOnly: false) ?? baseUri;

    /// <summary>An absolute URL for <paramref name="reference"/>, or null when it is empty or cannot be made absolute.</summary>
    public static Uri? Resolve(Uri? baseUri, string? reference, bool httpOnly = true)
    {
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        Uri? resolved = null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !(absolute.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            resolved = absolute;
        }
        else if (baseUri is not null && Uri.TryCreate(baseUri, text, out var relative))
        {
            resolved = relative;
        }
        if (resolved is null)
        {
            return null;
        }
        return !httpOnly || resolved.Scheme is "http" or "https" ? resolved : null;
    }
}
