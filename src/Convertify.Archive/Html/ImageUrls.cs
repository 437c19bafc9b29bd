using System.Globalization;

namespace Convertify.Archive.Html;

/// <summary>Image URL helpers: unwrap image proxies (weserv, thumbor) and pick the largest <c>srcset</c> candidate.</summary>
internal static class ImageUrls
{
    /// <summary>Unwraps proxies repeatedly and makes the URL absolute https where the proxy dropped the scheme.</summary>
    public static string Unwrap(string url)
    {
        Uri? parsed = null;
        return Unwrap(url, ref parsed);
    }

    /// <summary>
    /// <see cref="Unwrap(string)"/>, with <paramref name="parsed"/> the parse of <paramref name="url"/> when the caller has
    /// it (null otherwise): a proxied URL is then not parsed again, and on return <paramref name="parsed"/> is what
    /// <c>Uri.TryCreate(result, UriKind.Absolute, …)</c> would give, when known (null otherwise).
    /// </summary>
    public static string Unwrap(string url, ref Uri? parsed)
    {
        for (var i = 0; i < 5; i++)
        {
            var next = UnwrapOnce(url, parsed, out var nextParsed);
            if (next is null || next == url)
            {
                break;
            }
            url = next;
            parsed = nextParsed;
        }
        return url;
    }

    private static string? UnwrapOnce(string url, Uri? parsed, out Uri? nextParsed)
    {
        nextParsed = null;
        // A proxy's host names itself; most URLs are not proxied, and parsing them only to learn that is costly.
        if (!url.Contains("weserv.nl", StringComparison.OrdinalIgnoreCase) && !url.Contains("thumbor", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var uri = parsed;
        if (uri is null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            return null;
        }
        var host = uri.Host;
        if (host.EndsWith("weserv.nl", StringComparison.OrdinalIgnoreCase))
        {
            return UnwrapWeserv(url, out nextParsed);
        }
        if (host.Contains("thumbor", StringComparison.OrdinalIgnoreCase))
        {
            return UnwrapThumbor(uri, out nextParsed);
        }
        return null;
    }

    /// <summary>The absolute URI of <paramref name="text"/> parsed, and that parse when it is also the parse of its result (the text was canonical).</summary>
    private static string? AbsoluteUriOf(string text, out Uri? parsed)
    {
        parsed = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var absolute = uri.AbsoluteUri;
        if (string.Equals(absolute, text, StringComparison.Ordinal))
        {
            parsed = uri;
        }
        return absolute;
    }

    private static string? UnwrapWeserv(string url, out Uri? parsed)
    {
        parsed = null;
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
        return AbsoluteUriOf(value, out parsed);
    }

    private static string? UnwrapThumbor(Uri uri, out Uri? parsed)
    {
        parsed = null;
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
            return AbsoluteUriOf(inner, out parsed);
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
        // The candidates are read as spans of the srcset: only the winner becomes a string.
        var best = ReadOnlySpan<char>.Empty;
        var found = false;
        var bestSize = double.MinValue;
        var start = 0;
        for (var i = 0; i <= srcset.Length; i++)
        {
            // Candidates end at commas that follow a descriptor or URL end (URLs may hold commas).
            if (i < srcset.Length && !(srcset[i] == ',' && (i + 1 == srcset.Length || char.IsWhiteSpace(srcset[i + 1]))))
            {
                continue;
            }
            var p = srcset.AsSpan(start, i - start).Trim();
            start = i + 1;
            if (p.Length == 0)
            {
                continue;
            }
            var space = p.IndexOfAny(' ', '\t', '\n');
            var url = space < 0 ? p : p[..space];
            var descriptor = space < 0 ? [] : p[(space + 1)..].Trim();
            double size = 1;
            if (descriptor.Length > 1 && double.TryParse(descriptor[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                size = descriptor[^1] is 'x' ? n * 1000 : n;
            }
            if (size >= bestSize && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                bestSize = size;
                best = url;
                found = true;
            }
        }
        return found ? best.ToString() : null;
    }
}
