namespace Convertify.Batch.Output;

/// <summary>
/// The output files of one input (its path with each format's extension instead of <c>.md</c>), made when read: the
/// state database keeps only whether an input has them, and the report makes them again from its path.
/// </summary>
internal sealed class OutputNames(string inputPath, string[] extensions) : IReadOnlyList<string>
{
    public string this[int index] =>
        string.Concat(inputPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? inputPath.AsSpan(0, inputPath.Length - 3) : inputPath, extensions[index]);

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
