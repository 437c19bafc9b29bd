namespace Convertify.Batch.Output;

/// <summary>
/// The output files of one input (its path with each format's extension instead of <c>.md</c>), made when read: a run
/// keeps one list per input until its report is written, and the names themselves would cost more than the input.
/// </summary>
internal sealed class OutputNames(string inputPath, string[] extensions) : IReadOnlyList<string>
{
    public string this[int index]
    {
        get
        {
            var extension = extensions[index];
            return inputPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                ? string.Concat(inputPath.AsSpan(0, inputPath.Length - 3), extension)
                : inputPath + extension;
        }
    }

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
