using Convertify.Archive;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Fuzz.Targets;

/// <summary>The archive reader with the one exception it documents turned into "no article".</summary>
internal sealed class FuzzReader
{
    /// <summary>
    /// The path every input is read under. The folder names no known site, so the site comes from the header's URL,
    /// as it does for a fixture of any outlet.
    /// </summary>
    public const string DefaultPath = "articles/fuzz/1048000.md";

    private readonly ArchiveArticleReader _reader = new();

    /// <summary>The article, or null when the reader gave a typed format error.</summary>
    public Article? Read(byte[] input, string path = DefaultPath)
    {
        try
        {
            return _reader.Read(new ArticleInput(path, input));
        }
        catch (ArticleFormatException)
        {
            return null;
        }
    }
}
