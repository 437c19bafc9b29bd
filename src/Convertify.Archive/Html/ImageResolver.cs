using System.Globalization;
using AngleSharp.Dom;

namespace Convertify.Archive.Html;

/// <summary>
/// Finds the real URL of an image element: lazy-loading attributes, the largest srcset candidate, <c>&lt;picture&gt;</c> sources,
/// proxies unwrapped; drops <c>data:</c> placeholders, tracking pixels and icons, and alt text that does not describe the image.
/// </summary>
internal sealed class ImageResolver(UrlResolver urls)
{
    private static readonly string[] LazyAttributes = ["data-src", "data-lazy-src", "data-original", "data-actualsrc", "data-hi-res-src", "data-url", "data-full-src"];
    private static readonly string[] SrcsetAttributes = ["srcset", "data-srcset", "data-lazy-srcset"];

    private readonly Dictionary<IElement, ResolvedImage> _cache = new(ReferenceEqualityComparer.Instance);

    public ResolvedImage Resolve(IElement element)
    {
        if (_cache.TryGetValue(element, out var cached))
        {
            return cached;
        }
        var result = element.LocalName == "picture" ? ResolvePicture(element) : ResolveImg(element);
        if (result.DropCode != "image.emoji")
        {
            result = result with { Alt = AltText.Describing(result.Alt, result.Url ?? element.AttributeValue("src")) };
        }
        _cache[element] = result;
        return result;
    }

    private ResolvedImage ResolvePicture(IElement picture)
    {
        IElement? img = null;
        string? fromSources = null;
        foreach (var child in picture.Children)
        {
            if (child.LocalName == "img")
            {
                img ??= child;
            }
            else if (child.LocalName == "source")
            {
                var candidate = ImageUrls.Largest(child.AttributeValue("srcset") ?? child.AttributeValue("data-srcset")) ?? child.AttributeValue("src");
                if (!string.IsNullOrWhiteSpace(candidate) && !candidate.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    fromSources = candidate;
                }
            }
        }
        var fromImg = img is null ? null : ResolveImg(img);
        if (fromImg is { IsReal: true })
        {
            return fromImg;
        }
        var alt = img?.AttributeValue("alt")?.Trim() ?? string.Empty;
        if (fromSources is not null && Finish(fromSources) is { } url)
        {
            return new ResolvedImage(url, alt, null);
        }
        return fromImg ?? new ResolvedImage(null, alt, "image.placeholder-dropped");
    }

    private ResolvedImage ResolveImg(IElement img)
    {
        var alt = img.AttributeValue("alt")?.Trim() ?? string.Empty;
        if (HtmlNames.IsEmoji(img))
        {
            return new ResolvedImage(null, alt, "image.emoji");
        }
        if (HtmlNames.IsGluedImage(img))
        {
            return new ResolvedImage(RecoverGlued(img), alt, "html.malformed");
        }
        if (IsPixel(img))
        {
            return new ResolvedImage(null, alt, "image.tracking-pixel-dropped");
        }
        if (IsRule(img))
        {
            return new ResolvedImage(null, alt, "image.separator-dropped");
        }
        var raw = LargestSrcset(img) ?? LazySource(img);
        var src = img.AttributeValue("src");
        var srcIsData = src is not null && src.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase);
        if (raw is null && !string.IsNullOrWhiteSpace(src) && !srcIsData)
        {
            raw = src;
        }
        if (raw is null)
        {
            return new ResolvedImage(null, alt, srcIsData ? "image.placeholder-dropped" : "image.missing-source");
        }
        var url = Finish(raw, out var parsed);
        if (url is null)
        {
            return new ResolvedImage(null, alt, "image.invalid-url");
        }
        var path = parsed is not null ? parsed.AbsolutePath : Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url;
        if (IsIcon(path))
        {
            return new ResolvedImage(null, alt, "image.icon-dropped");
        }
        if (IsShareCard(path))
        {
            return new ResolvedImage(null, alt, "image.share-card-dropped");
        }
        return new ResolvedImage(url, alt, null);
    }

    /// <summary>The largest candidate of the first srcset attribute that has one.</summary>
    private static string? LargestSrcset(IElement img)
    {
        foreach (var name in SrcsetAttributes)
        {
            if (ImageUrls.Largest(img.AttributeValue(name)) is { } largest)
            {
                return largest;
            }
        }
        return null;
    }

    /// <summary>The first lazy-loading attribute that holds something other than a <c>data:</c> placeholder.</summary>
    private static string? LazySource(IElement img)
    {
        foreach (var name in LazyAttributes)
        {
            var value = img.AttributeValue(name);
            if (!string.IsNullOrWhiteSpace(value) && !value.AsSpan().TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    private string? Finish(string raw) => Finish(raw, out _);

    /// <summary>
    /// The image's absolute http(s) URL, and <paramref name="parsed"/>: what <c>Uri.TryCreate(url, UriKind.Absolute, …)</c>
    /// gives when that is already known (the URL was in canonical form), so the caller need not parse it again.
    /// </summary>
    private string? Finish(string raw, out Uri? parsed)
    {
        parsed = null;
        var resolved = urls.Resolve(raw.Trim(), out var resolvedUri);
        if (resolved is null || !resolved.StartsWith("http", StringComparison.Ordinal))
        {
            return null;
        }
        // resolvedUri is the parse of resolved; Unwrap hands back the parse of what it returns when it has it.
        var unwrappedUri = resolvedUri;
        var unwrapped = ImageUrls.Unwrap(resolved, ref unwrappedUri);
        var u = unwrappedUri ?? (Uri.TryCreate(unwrapped, UriKind.Absolute, out var fresh) ? fresh : null);
        if (u is null || u.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var url = u.AbsoluteUri;
        if (string.Equals(url, unwrapped, StringComparison.Ordinal))
        {
            parsed = u;
        }
        return url;
    }

    private static bool IsPixel(IElement img) =>
        Dimension(img.AttributeValue("width")) is 0 or 1 && Dimension(img.AttributeValue("height")) is 0 or 1;

    /// <summary>A strip declared at most 30 pixels high and 15 times as wide as it is high: a drawn rule between sections (bbc's grey line), not a picture.</summary>
    private static bool IsRule(IElement img) =>
        Dimension(img.AttributeValue("height")) is > 0 and <= 30 and var height && Dimension(img.AttributeValue("width")) >= 15 * height;

    private static int Dimension(string? value)
    {
        if (value is null)
        {
            return -1;
        }
        var v = value.Trim().TrimEnd('x', 'p');
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    private static bool IsIcon(string path)
    {
        var file = path.AsSpan(path.LastIndexOf('/') + 1);
        return file.StartsWith("icon", StringComparison.OrdinalIgnoreCase) || path.Contains("/icons/", StringComparison.OrdinalIgnoreCase)
            || file.Contains("spacer.", StringComparison.OrdinalIgnoreCase) || file.Contains("pixel.", StringComparison.OrdinalIgnoreCase)
            || file.StartsWith("blank.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A site's generic social-media card that feeds put where an article has no picture of its own
    /// (rfi: <c>static.rfi.fr/meta_og_twcards/RFI_FB.png</c>): not an image of the article.
    /// </summary>
    private static bool IsShareCard(string path) =>
        path.Contains("/meta_og", StringComparison.OrdinalIgnoreCase) || path.Contains("twcards/", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/og-default", StringComparison.OrdinalIgnoreCase) || path.Contains("/default-share", StringComparison.OrdinalIgnoreCase);

    /// <summary>Recovers a URL from a tag the parser read as an odd element name (<c>&lt;imgsrc=…</c> not caught by <see cref="MarkupRepair"/>).</summary>
    private string? RecoverGlued(IElement img) =>
        img.Attributes.Select(a => a.Value.Contains("//", StringComparison.Ordinal) ? Finish(a.Value) : null).FirstOrDefault(url => url is not null);
}
