using System.IO.Compression;
using System.Xml;

namespace Convertify.Packaging;

/// <summary>
/// Writes an Open Packaging Conventions package (.docx, .xlsx) through <see cref="ZipArchive"/> so that the same parts give
/// the same bytes: entries appear in the order they are added, every entry carries one fixed time, and nothing else
/// (no extra fields, no "now") reaches the file. The one ZIP path of the Word and Excel writers.
/// </summary>
internal sealed class PackageZipWriter : IDisposable
{
    /// <summary>The entry time used when none is given: the earliest a ZIP file can record.</summary>
    public static readonly DateTimeOffset DefaultEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Latest = new(2107, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _entryTime;

    /// <param name="output">Receives the package; left open.</param>
    /// <param name="entryTime">The time written on every entry, clamped to what a ZIP file can hold (1980–2107).</param>
    public PackageZipWriter(Stream output, DateTimeOffset? entryTime = null)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var time = entryTime ?? DefaultEntryTime;
        // Only the clock reading counts: ZIP stores local date and time fields with no zone.
        var utc = new DateTimeOffset(time.UtcDateTime.Ticks, TimeSpan.Zero);
        _entryTime = utc < DefaultEntryTime ? DefaultEntryTime : utc > Latest ? Latest : utc;
    }

    /// <summary>Opens a new part for writing; dispose the stream before adding the next part.</summary>
    public Stream Open(string name, CompressionLevel level = CompressionLevel.Fastest)
    {
        var entry = _zip.CreateEntry(name, level);
        entry.LastWriteTime = _entryTime;
        return entry.Open();
    }

    /// <summary>Adds a part with the given bytes.</summary>
    public void Add(string name, ReadOnlySpan<byte> data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = Open(name, level);
        stream.Write(data);
    }

    /// <summary>Adds a part written through an <see cref="XmlWriter"/> made with <paramref name="settings"/>.</summary>
    public void AddXml(string name, XmlWriterSettings settings, Action<XmlWriter> write, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = Open(name, level);
        using var writer = XmlWriter.Create(stream, settings);
        write(writer);
        writer.Flush();
    }

    /// <summary>Adds a part with the content of another package's entry (decompressed, then compressed again).</summary>
    public void Copy(ZipArchiveEntry source, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var from = source.Open();
        using var to = Open(source.FullName, level);
        from.CopyTo(to);
    }

    /// <summary>Writes the central directory.</summary>
    public void Dispose() => _zip.Dispose();
}
