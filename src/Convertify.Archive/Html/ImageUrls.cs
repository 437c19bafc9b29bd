using System.Globalization;

namespace Convertify.Archive.Html;

/// <summary>Image URL helpers: unwrap image proxies (weserv, thumbor) and pick the largest <c>srcset</c> candidate.</summary>
internal static class ImageUrls
{
    /// <summary>Unwraps proxies repeatedly and makes the URL absolute https where the proxy dropped the scheme.</summary>
    public static string Unwrap(string url)
    {
        for (var i = 0; i < 5; i++)
        {
            var next = UnwrapOnce(url);
            if (next is null || next == url)
            {
                break;
            }
            url = next;
        }
        return url;
    }

    private static string? UnwrapOnce(string url)
    {
        // A proxy's host names itself; most URLs are not proxied, and parsing them only to learn that is costly.
        if (!url.Contains("weserv.nl", StringComparison.OrdinalIgnoreCase) && !url.Contains("thumbor", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host;
        if (host.EndsWith("weserv.nl", StringComparison.OrdinalIgnoreCase))
        {
            return UnwrapWeserv(url);
        }
        if (host.Contains("thumbor", StringComparison.OrdinalIgnoreCase))
        {
            return UnwrapThumbor(uri);
        }
        return null;
    }

    private static string? UnwrapWeserv(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0)
        {
            return null;
        }
        var query = url[(q + 1)..];
        var key = query.StartsWith("url=", StringComparison.Ordinal) ? 0 : query.IndexOf("&url=", StringComparison.Ordinal);
        if (key < 0)
        {
            return null;
        }
        var value = query[(query.IndexOf('=', key) + 1)..];
        // An unencoded '?' means the rest (with its '&' parameters) is the original's query; otherwise '&' starts weserv's own parameters.
        var innerQuery = value.IndexOf('?');
        var amp = value.IndexOf('&');
        if (amp >= 0 && (innerQuery < 0 || amp < innerQuery))
        {
            value = value[..amp];
        }
        if (value.Contains('%'))
        {
            value = Uri.UnescapeDataString(value);
        }
        value = value.Trim();
        if (value.StartsWith("ssl:", StringComparison.OrdinalIgnoreCase))
        {
            value = "https://" + value[4..];
        }
        else if (value.StartsWith("//", StringComparison.Ordinal))
        {
            value = "https:" + value;
        }
        else if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            value = "https://" + value;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var inner) ? inner.AbsoluteUri : null;
    }

    private static string? UnwrapThumbor(Uri uri)
    {
        var path = uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        var unsafeAt = path.IndexOf("/unsafe/", StringComparison.Ordinal);
        var rest = unsafeAt >= 0 ? path[(unsafeAt + 8)..] : path.TrimStart('/');
        var http = rest.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (http >= 0 && (rest.AsSpan(http).StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.AsSpan(http).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.AsSpan(http).StartsWith("http%3A", StringComparison.OrdinalIgnoreCase) || rest.AsSpan(http).StartsWith("https%3A", StringComparison.OrdinalIgnoreCase)))
        {
            var inner = rest[http..];
            if (inner.Contains("%3A", StringComparison.OrdinalIgnoreCase))
            {
                inner = Uri.UnescapeDataString(inner);
            }
            return Uri.TryCreate(inner, UriKind.Absolute, out var u) ? u.AbsoluteUri : null;
        }
        // Options (WxH, fit-in, filters:…, smart) precede the image path, which thumbor loads from its origin.
        var segments = rest.Split('/');
        var first = 0;
        while (first < segments.Length - 1 && IsThumborOption(segments[first]))
        {
            first++;
        }
        var imagePath = string.Join('/', segments[first..]);
        // FT Chinese's thumbor serves its picture store, whose public host is i.ftimg.net.
        if (uri.Host.EndsWith("ftacademy.cn", StringComparison.OrdinalIgnoreCase) && imagePath.StartsWith("picture/", StringComparison.Ordinal))
        {
            return "https://i.ftimg.net/" + imagePath;
        }
        return null;
    }

    private static bool IsThumborOption(string segment) =>
        segment.Length == 0 || segment is "fit-in" or "smart" or "full-fit-in" or "adaptive-fit-in" || segment.StartsWith("filters:", StringComparison.Ordinal)
        || segment.StartsWith("trim", StringComparison.Ordinal) || IsSize(segment);

    private static bool IsSize(string s)
    {
        var x = s.IndexOf('x');
        return x >= 0 && s.Replace("x", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal)
            .All(char.IsAsciiDigit);
    }

    /// <summary>The largest candidate of a srcset (by width or density descriptor; later wins ties), or null.</summary>
    public static string? Largest(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }
        string? best = null;
        var bestSize = double.MinValue;
        foreach (var part in SplitCandidates(srcset))
        {
            var p = part.Trim();
            if (p.Length == 0)
            {
                continue;
            }
            var space = p.IndexOfAny([' ', '\t', '\n']);
            var url = space < 0 ? p : p[..space];
            var descriptor = space < 0 ? "" : p[(space + 1)..].Trim();
            double size = 1;
            if (descriptor.Length > 1 && double.TryParse(descriptor[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                size = descriptor[^1] is 'x' ? n * 1000 : n;
            }
            if (size >= bestSize && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                bestSize = size;
                best = url;
            }
        }
        return best;
    }

    /// <summary>Splits srcset candidates at commas that follow a descriptor or URL end (URLs may hold commas).</summary>
    private static IEnumerable<string> SplitCandidates(string srcset)
    {
        var start = 0;
        for (var i = 0; i < srcset.Length; i++)
        {
            if (srcset[i] == ',' && (i + 1 == srcset.Length || char.IsWhiteSpace(srcset[i + 1])))
            {
                yield return srcset[start..i];
                start = i + 1;
            }
        }
        yield return srcset[start..];
    }
}
