namespace Convertify.Archive.Header;

/// <summary>Reads the site folder and id from a path like <c>…/articles/&lt;site&gt;/&lt;id&gt;.md</c>.</summary>
internal static class ArticlePath
{
    public static (string? Folder, string Id) Split(string path)
    {
        var normalised = path.Replace('\\', '/');
        var file = normalised[(normalised.LastIndexOf('/') + 1)..];
        var id = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? file[..^3] : Path.GetFileNameWithoutExtension(file);
        if (id.Length == 0)
        {
            id = file;
        }
        var parts = normalised.Split('/');
        if (parts.Length >= 3 && parts[^3] == "articles" && parts[^2].Length > 0)
        {
            return (parts[^2], id);
        }
        return (null, id);
    }
}
