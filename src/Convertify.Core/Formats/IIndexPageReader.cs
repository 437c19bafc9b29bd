namespace Convertify.Formats;

/// <summary>
/// Reads an archive's index pages, which list articles with the title and day they were shown under. A batch uses them
/// to cross-check what the articles say; the format that defines them provides this reader.
/// </summary>
public interface IIndexPageReader
{
    /// <summary>Whether the input at <paramref name="relativePath"/> (forward slashes, from the archive root) is an index page rather than an article.</summary>
    bool IsIndexPage(string relativePath);

    /// <summary>The entries of an index page; lines that are not entries are ignored.</summary>
    IReadOnlyList<IndexPageEntry> Read(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>The id an index page would list an article file under; null when its name has none.</summary>
    string? ArticleId(string fileName);
}
