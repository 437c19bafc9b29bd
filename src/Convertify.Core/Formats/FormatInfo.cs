namespace Convertify.Formats;

/// <summary>Names and describes a reader or writer.</summary>
/// <param name="Name">Short name used on the command line (<c>md</c>, <c>docx</c>, <c>archive</c>).</param>
/// <param name="Description">One line for people.</param>
/// <param name="Extension">File extension with the dot (<c>.md</c>): the one a writer gives its files, a reader's usual one.</param>
public sealed record FormatInfo(string Name, string Description, string Extension)
{
    private readonly IReadOnlyList<string>? _extensions;

    /// <summary>
    /// Every extension files of this format carry, with the dot, <see cref="Extension"/> first (a feed: <c>.xml</c>,
    /// <c>.rss</c>, <c>.atom</c>). A batch lists files with these as inputs; which reader reads one is still judged from
    /// its content.
    /// </summary>
    public IReadOnlyList<string> Extensions
    {
        get => _extensions ?? [Extension];
        init => _extensions = value is null || value.Count == 0 ? null : [Extension, .. value.Where(e => !string.Equals(e, Extension, StringComparison.OrdinalIgnoreCase))];
    }
}
