using System.Globalization;
using System.IO.Compression;
using Convertify.Formats;

namespace Convertify.Batch.Sources;

/// <summary>
/// The input entries (<c>*.md</c>, or every extension of the registered readers) of a .zip file, read from the archive without unpacking it, in path order.
/// Unsafe names, symbolic links and entries declaring more than <see cref="ArticleInput.MaxBytes"/> are refused.
/// </summary>
internal sealed class ZipSource : IArchiveSource
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private readonly string _path;
    private readonly ExtensionSet _extensions;
    private ZipArchive? _archive;
    private string? _openError;
    private List<(string Name, ZipArchiveEntry? Entry, string? Error)>? _found;

    /// <summary>Reads the zip file at <paramref name="path"/>.</summary>
    /// <param name="path">The zip file.</param>
    /// <param name="extensions">The extensions of input entries, with their dots (the readers' <c>FormatInfo.Extensions</c>); null: <c>.md</c>.</param>
    public ZipSource(string path, IEnumerable<string>? extensions = null)
    {
        _extensions = new ExtensionSet(extensions);
        ArgumentNullException.ThrowIfNull(path);
        _path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public string Description => _path;

    /// <inheritdoc />
    public IReadOnlyList<string>? KnownPaths => Found().Select(f => f.Item1).ToList();

    /// <inheritdoc />
    public IEnumerable<ArchiveEntry> Entries(CancellationToken cancellationToken)
    {
        foreach (var (name, entry, error) in Found())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null || entry is null)
            {
                yield return ArchiveEntry.Refused(name, error ?? "unreadable entry");
                continue;
            }
            ArchiveEntry result;
            try
            {
                using var stream = entry.Open();
                var input = ArticleInput.FromStreamAsync(name, stream, cancellationToken).GetAwaiter().GetResult();
                result = ArchiveEntry.Loaded(name, input);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or Errors.ArticleFormatException)
            {
                result = ArchiveEntry.Refused(name, e is Errors.ArticleFormatException f ? f.Detail : "corrupt zip entry: " + e.Message);
            }
            yield return result;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _archive?.Dispose();

    private List<(string, ZipArchiveEntry?, string?)> Found()
    {
        if (_found is not null)
        {
            return _found;
        }
        var found = new List<(string, ZipArchiveEntry?, string?)>();
        try
        {
            _archive = ZipFile.OpenRead(_path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _openError = "not a readable zip file: " + e.Message;
            found.Add((Path.GetFileName(_path), null, _openError));
            _found = found;
            return found;
        }
        foreach (var entry in _archive.Entries)
        {
            var raw = entry.FullName;
            if (raw.EndsWith('/') && entry.Length == 0)
            {
                continue;
            }
            var relative = EntryPath.Sanitize(raw, out var reason);
            var name = relative ?? EntryPath.Printable(raw);
            var isLink = ((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink;
            if (reason is not null)
            {
                found.Add((name, null, reason));
            }
            else if (isLink)
            {
                found.Add((name, null, "symbolic link entry; links are not followed"));
            }
            else if (!_extensions.Matches(name))
            {
                continue;
            }
            else if (entry.Length > ArticleInput.MaxBytes)
            {
                found.Add((name, null, string.Create(CultureInfo.InvariantCulture,
                    $"entry declares {entry.Length:N0} bytes; an article is at most {ArticleInput.MaxBytes:N0} bytes")));
            }
            else
            {
                found.Add((name, entry, null));
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        _found = found;
        return found;
    }
}
