namespace Convertify.Excel;

/// <summary>A URL normalised for duplicate detection: scheme and host lower case, default port, fragment and trailing slash dropped.</summary>
internal static class UrlKey
{
    public static string Of(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return trimmed.TrimEnd('/');
        }
        var path = uri.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }
        if (path == "/")
        {
            path = string.Empty;
        }
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return uri.Scheme.ToLowerInvariant() + "://" + uri.Host.ToLowerInvariant() + port + path + uri.Query;
    }
}
