using Convertify.Formats;

namespace Convertify.Batch.Sources;

/// <summary>
/// One input found in an archive source: a sanitized relative path and a way to get its bytes,
/// or the reason the entry was refused (unsafe name, link, too large, unreadable).
/// </summary>
internal sealed class ArchiveEntry
{
    private readonly ArticleInput? _content;
    private readonly Func<CancellationToken, Task<ArticleInput>>? _load;

    private ArchiveEntry(string relativePath, string? error, ArticleInput? content, Func<CancellationToken, Task<ArticleInput>>? load)
    {
        RelativePath = relativePath;
        Error = error;
        _content = content;
        _load = load;
    }

    /// <summary>The sanitized relative path with forward slashes (<c>articles/voa/1008880.md</c>); for a refused entry, its name made printable.</summary>
    public string RelativePath { get; }

    /// <summary>Why the entry was refused; null for a usable entry.</summary>
    public string? Error { get; }

    /// <summary>True for a usable entry.</summary>
    public bool IsUsable => Error is null;

    /// <summary>An entry whose bytes are already read (archive streams are read in order by one reader).</summary>
    public static ArchiveEntry Loaded(string relativePath, ArticleInput content) => new(relativePath, null, content, null);

    /// <summary>An entry read when it is processed (files on disk).</summary>
    public static ArchiveEntry Deferred(string relativePath, Func<CancellationToken, Task<ArticleInput>> load) => new(relativePath, null, null, load);

    /// <summary>An entry refused with a reason.</summary>
    public static ArchiveEntry Refused(string name, string error) => new(name, error, null, null);

    /// <summary>The entry's bytes, as an input whose path is <see cref="RelativePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The entry was refused.</exception>
    public async Task<ArticleInput> LoadAsync(CancellationToken cancellationToken)
    {
        if (_content is not null)
        {
            return _content;
        }
        if (_load is null)
        {
            throw new InvalidOperationException($"{RelativePath}: {Error}");
        }
        return await _load(cancellationToken).ConfigureAwait(false);
    }
}
