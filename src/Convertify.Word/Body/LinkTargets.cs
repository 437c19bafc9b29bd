namespace Convertify.Word;

/// <summary>Turns link URLs into relationship targets Word, LibreOffice and System.IO.Packaging accept.</summary>
internal static class LinkTargets
{
    /// <summary>The escaped absolute URI of an http(s), mailto or ftp URL; null for anything else (the text stays, unlinked).</summary>
    public static string? ToTarget(string url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }
        if (uri.Scheme is not ("http" or "https" or "mailto" or "ftp"))
        {
            return null;
        }
        var target = uri.AbsoluteUri;
        return Convertify.Text.XmlSafeText.IsSafe(target) ? target : null;
    }
}
