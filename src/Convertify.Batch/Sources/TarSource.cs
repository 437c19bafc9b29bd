using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Convertify.Formats;

namespace Convertify.Batch.Sources;

/// <summary>
/// The input entries (<c>*.md</c>, or every extension of the registered readers) of a .tar, .tar.gz or .tgz file, streamed in archive order without unpacking.
/// Unsafe names, symbolic and hard links, devices and entries declaring more than <see cref="ArticleInput.MaxBytes"/>
/// are refused; a corrupt or truncated stream ends the source with one failed entry naming the archive.
/// </summary>
internal sealed class TarSource : IArchiveSource
{
    private readonly string _path;
    private readonly bool _gzip;
    private readonly ExtensionSet _extensions;

    /// <summary>Reads the tar file at <paramref name="path"/>; <paramref name="gzip"/> when it is gzip-compressed.</summary>
    /// <param name="path">The tar file.</param>
    /// <param name="gzip">Whether it is gzip-compressed.</param>
    /// <param name="extensions">The extensions of input entries, with their dots (the readers' <c>FormatInfo.Extensions</c>); null: <c>.md</c>.</param>
    public TarSource(string path, bool gzip, IEnumerable<string>? extensions = null)
    {
        _extensions = new ExtensionSet(extensions);
        ArgumentNullException.ThrowIfNull(path);
        _path = Path.GetFullPath(path);
        _gzip = gzip;
    }

    /// <inheritdoc />
    public string Description => _path;

    /// <inheritdoc />
    public IReadOnlyList<string>? KnownPaths => null;

    /// <inheritdoc />
    public IEnumerable<ArchiveEntry> Entries(CancellationToken cancellationToken)
    {
        var archiveName = Path.GetFileName(_path);
        Stream file;
        try
        {
            file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ArchiveEntry.Refused(archiveName, "cannot open archive: " + e.Message)];
        }
        return Read(file, archiveName, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private IEnumerable<ArchiveEntry> Read(Stream file, string archiveName, CancellationToken cancellationToken)
    {
        using var _ = file;
        using var stream = _gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)new BufferedStream(file);
        using var reader = new TarReader(stream, leaveOpen: true);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TarEntry? entry;
            string? corrupt = null;
            try
            {
                entry = reader.GetNextEntry(copyData: false);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException or InvalidOperationException)
            {
                entry = null;
                corrupt = (_gzip ? "corrupt or truncated .tar.gz archive: " : "corrupt or truncated .tar archive: ") + e.Message;
            }
            if (corrupt is not null)
            {
                yield return ArchiveEntry.Refused(archiveName, corrupt);
                yield break;
            }
            if (entry is null)
            {
                yield break;
            }
            var result = Classify(entry, cancellationToken);
            if (result is not null)
            {
                yield return result;
            }
        }
    }

    private ArchiveEntry? Classify(TarEntry entry, CancellationToken cancellationToken)
    {
        if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
        {
            return null;
        }
        var relative = EntryPath.Sanitize(entry.Name, out var reason);
        var name = relative ?? EntryPath.Printable(entry.Name);
        if (reason is not null)
        {
            return ArchiveEntry.Refused(name, reason);
        }
        switch (entry.EntryType)
        {
            case TarEntryType.SymbolicLink:
                return ArchiveEntry.Refused(name, $"symbolic link entry (to '{EntryPath.Printable(entry.LinkName)}'); links are not followed");
            case TarEntryType.HardLink:
                return ArchiveEntry.Refused(name, $"hard link entry (to '{EntryPath.Printable(entry.LinkName)}'); links are not followed");
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                break;
            default:
                return _extensions.Matches(name)
                    ? ArchiveEntry.Refused(name, $"not a regular file ({entry.EntryType})")
                    : null;
        }
        if (!_extensions.Matches(name))
        {
            return null;
        }
        if (entry.Length > ArticleInput.MaxBytes)
        {
            return ArchiveEntry.Refused(name, string.Create(CultureInfo.InvariantCulture,
                $"entry declares {entry.Length:N0} bytes; an article is at most {ArticleInput.MaxBytes:N0} bytes"));
        }
        try
        {
            var data = entry.DataStream;
            var input = data is null
                ? new ArticleInput(name, ReadOnlyMemory<byte>.Empty)
                : ArticleInput.FromStreamAsync(name, data, cancellationToken).GetAwaiter().GetResult();
            return ArchiveEntry.Loaded(name, input);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or Errors.ArticleFormatException)
        {
            return ArchiveEntry.Refused(name, e is Errors.ArticleFormatException f ? f.Detail : "unreadable entry: " + e.Message);
        }
    }
}
