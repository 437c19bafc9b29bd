using System.Buffers;

namespace Convertify.Excel;

/// <summary>Builds hyperlink targets that cannot corrupt the package: escaped, absolute http(s)/mailto, or relative paths.</summary>
internal static class Hyperlinks
{
    // Excel refuses longer hyperlink addresses (its limit is 2,079 characters).
    private const int MaxLength = 2_000;

    /// <summary>The most hyperlinks Excel takes on one worksheet; with more it repairs the file and drops them all.</summary>
    public const int MaxPerSheet = 65_530;

    // What Uri.EscapeDataString leaves as it is, and the path separator.
    private static readonly SearchValues<char> PathSafe =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    /// <summary>The target of a hyperlink to an absolute web or mail address, escaped; null when <paramref name="url"/> is not usable.</summary>
    public static string? Absolute(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength)
        {
            return null;
        }
        // A well-formed (already escaped) address is used as it is: one parse, and the cell's string is shared.
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsWellFormedOriginalString())
        {
            return IsWeb(uri) ? url : null;
        }
        var trimmed = url.Trim();
        if ((trimmed.Length != url.Length && !Uri.TryCreate(trimmed, UriKind.Absolute, out uri)) || uri is null || !IsWeb(uri))
        {
            return null;
        }
        var escaped = uri.AbsoluteUri;
        return escaped.Length > MaxLength || !Uri.TryCreate(escaped, UriKind.Absolute, out _) ? null : escaped;
    }

    /// <summary>The target of a hyperlink to a path relative to the catalogue (segments percent-escaped), or null.</summary>
    public static string? Relative(string? path)
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
        if (!normalised.AsSpan().ContainsAnyExcept(PathSafe))
        {
            // Nothing to escape (the usual exported path): no splitting, no new string.
            return normalised.Length > MaxLength ? null : normalised;
        }
        var escaped = string.Join('/', normalised.Split('/').Select(Uri.EscapeDataString));
        return escaped.Length > MaxLength || !Uri.TryCreate(escaped, UriKind.Relative, out _) ? null : escaped;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme is "http" or "https" or "mailto";
}
