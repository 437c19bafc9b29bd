namespace Convertify.Batch.Output;

/// <summary>
/// The output files of one input (its path with each format's extension instead of <c>.md</c>), made when read: a run
/// keeps one list per input until its report is written, and the names themselves would cost more than the input.
/// </summary>
internal sealed class OutputNames(string inputPath, string[] extensions) : IReadOnlyList<string>
{
    public string this[int index] => string.Concat(Stem(inputPath), extensions[index]);

    /// <summary>The extensions the names are made with.</summary>
    public string[] Extensions => extensions;

    /// <summary>What an output name starts with: the input's path without <c>.md</c>; the format's extension follows.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> inputPath) =>
        inputPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? inputPath[..^3] : inputPath;

    public int Count => extensions.Length;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < extensions.Length; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
