using Convertify.Archive.Indexes;

namespace Convertify.Archive.Header;

/// <summary>
/// What an article's path says: the folder that holds it, whether that is an archive site folder
/// (<c>…/articles/&lt;site&gt;/</c>), and the archive id: the file stem, or its leading digits when the stem is
/// <c>&lt;digits&gt;_&lt;title&gt;</c> (the 2020 layout, <c>德国之声/1046273_贝多芬….md</c>).
/// </summary>
internal readonly record struct ArticlePath(string? Folder, bool IsArchiveFolder, string ArchiveId)
{
    public static ArticlePath Parse(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var file = parts[^1];
        var stem = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? file[..^3] : Path.GetFileNameWithoutExtension(file);
        if (stem.Length == 0)
        {
            stem = file;
        }
        var folder = parts.Length >= 2 && parts[^2].Length > 0 ? parts[^2] : null;
        var isArchiveFolder = folder is not null && parts.Length >= 3 && parts[^3] == "articles";
        return new ArticlePath(folder, isArchiveFolder, ArchiveIndexPages.IdOf(stem) ?? stem);
    }
}
