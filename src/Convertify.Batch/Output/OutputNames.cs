namespace Convertify.Batch.Output;

/// <summary>
/// The output files of one input (its path with each format's extension instead of <c>.md</c>), made when read: the
/// state database keeps only whether an input has them, and the report makes them again from its path. An article of
/// an input that holds many (<c>feeds/voa.xml#123</c>) gets <c>feeds/voa/123.md</c>: the input's path without its
/// extension as a folder, the article's name in it.
/// </summary>
internal sealed class OutputNames(string inputPath, string[] extensions, bool item = false) : IReadOnlyList<string>
{
    /// <summary>What joins an input's path and one of its articles' names in an item's path (<c>feeds/voa.xml#123</c>).</summary>
    public const char ItemSeparator = '#';

    private readonly string _stem = item ? ItemStem(inputPath) : MarkdownStem(inputPath);

    public string this[int index] => string.Concat(_stem, extensions[index]);

    public int Count => extensions.Length;

    /// <summary>The path of article <paramref name="slug"/> of the input at <paramref name="inputPath"/>.</summary>
    public static string ItemPath(string inputPath, string slug) => inputPath + ItemSeparator + slug;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < extensions.Length; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static string MarkdownStem(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    private static string ItemStem(string itemPath)
    {
        var separator = itemPath.LastIndexOf(ItemSeparator);
        var input = itemPath[..separator];
        var slug = itemPath[(separator + 1)..];
        var nameStart = input.LastIndexOf('/') + 1;
        var dot = input.LastIndexOf('.');
        var folder = dot > nameStart ? input[..dot] : input;
        return folder + "/" + slug;
    }
}
