namespace Convertify.Excel;

/// <summary>Builds hyperlink targets that cannot corrupt the package: escaped, absolute http(s)/mailto, or relative paths.</summary>
internal static class Hyperlinks
{
    // Excel refuses longer hyperlink addresses.
    private const int MaxLength = 2_000;

    /// <summary>An escaped absolute URI, or null when <paramref name="url"/> is not a usable web or mail address.</summary>
    public static Uri? Absolute(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength)
        {
            return null;
        }
        // Well-formed (already escaped) addresses are used as they are: one parse, and the cell's string is shared.
        if (Uri.IsWellFormedUriString(url, UriKind.Absolute) && Uri.TryCreate(url, UriKind.Absolute, out var wellFormed))
        {
            return IsWeb(wellFormed) ? wellFormed : null;
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || !IsWeb(uri))
        {
            return null;
        }
        var escaped = uri.AbsoluteUri;
        return escaped.Length > MaxLength || !Uri.TryCreate(escaped, UriKind.Absolute, out var result) ? null : result;
    }

    /// <summary>A relative URI for a path relative to the catalogue (segments percent-escaped), or null.</summary>
    public static Uri? Relative(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var normalised = path.Replace('\\', '/');
        if (normalised.StartsWith('/') || normalised.Contains(':'))
        {
            return null;
        }
        var escaped = string.Join('/', normalised.Split('/').Select(Uri.EscapeDataString));
        if (escaped == path)
        {
            escaped = path;
        }
        return escaped.Length > MaxLength || !Uri.TryCreate(escaped, UriKind.Relative, out var result) ? null : result;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme is "http" or "https" or "mailto";
}
