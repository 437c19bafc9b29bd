namespace Convertify.Batch.Sources;

/// <summary>
/// The file extensions a source lists as inputs (the registered readers' <c>FormatInfo.Extensions</c>), compared
/// without regard to case; <c>.md</c> alone when none are given.
/// </summary>
internal sealed class ExtensionSet
{
    private readonly string[] _extensions;

    public ExtensionSet(IEnumerable<string>? extensions)
    {
        _extensions = [.. (extensions ?? []).Where(e => e.Length > 1 && e[0] == '.').Distinct(StringComparer.OrdinalIgnoreCase)];
        if (_extensions.Length == 0)
        {
            _extensions = [".md"];
        }
    }

    /// <summary>The extensions, with their dots, in the order given.</summary>
    public IReadOnlyList<string> All => _extensions;

    /// <summary>Whether a file or entry name ends with one of the extensions.</summary>
    public bool Matches(string name)
    {
        foreach (var extension in _extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
