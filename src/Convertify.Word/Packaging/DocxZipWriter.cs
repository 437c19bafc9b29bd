using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml;
using Convertify.Conversion;

namespace Convertify.Word;

/// <summary>
/// Writes a .docx package byte for byte as <see cref="ZipArchive"/> does on a seekable stream with deflated
/// (<see cref="CompressionLevel.Fastest"/>) entries dated 1980-01-01, but compresses each part that is the same in every
/// document (content types, relationships, styles, settings, fonts, footer, app properties) only once per process.
/// Each deflated entry costs a zlib stream of a few hundred kilobytes to set up, so reusing them roughly halves the cost
/// of a typical document. Used only for seekable outputs without media; everything else goes through ZipArchive.
/// </summary>
internal sealed class DocxZipWriter
{
    private const ushort VersionNeeded = 20;
    private const ushort VersionMadeBy = (3 << 8) | VersionNeeded; // Unix, as ZipArchive writes on Linux
    private const ushort Flags = 6;                                  // "super fast" deflate option bits (Fastest)
    private const ushort Deflated = 8;
    private const ushort Stored = 0;
    private const ushort DosTime = 0;
    private const ushort DosDate = (0 << 9) | (1 << 5) | 1;         // 1980-01-01
    private const uint UnixFileAttributes = 0x81A4u << 16;           // regular file, 0644

    private static readonly ConditionalWeakTable<byte[], DeflatedPart> Cache = new();

    [ThreadStatic]
    private static MemoryStream? t_deflated;

    [ThreadStatic]
    private static MemoryStream? t_stored;

    [ThreadStatic]
    private static (byte[] Data, DeflatedPart Part)? t_lastRepeated;

    private readonly Stream _output;
    private readonly List<(byte[] Name, uint Crc, int Compressed, int Length, long Offset, bool IsStored)> _entries = [];

    public DocxZipWriter(Stream output) => _output = output;

    /// <summary>A part that is the same in every document, compressed once and kept with its source bytes.</summary>
    public void AddShared(string name, byte[] data)
    {
        var part = Cache.GetValue(data, static d => DeflatedPart.Of(d));
        Write(name, part.Crc, part.Compressed, part.Length);
    }

    /// <summary>
    /// A part that is often the same from one document to the next (the numbering of a document without lists): when
    /// it equals the previous one this thread wrote, its compressed form is reused.
    /// </summary>
    public void AddRepeated(string name, byte[] data)
    {
        if (t_lastRepeated is not { } last || !last.Data.AsSpan().SequenceEqual(data))
        {
            last = (data, DeflatedPart.Of(data));
            t_lastRepeated = last;
        }
        Write(name, last.Part.Crc, last.Part.Compressed, last.Part.Length);
    }

    /// <summary>
    /// A part of this document only, written through an <see cref="XmlWriter"/> straight into the compressor with the
    /// same calls as ZipArchive's entry stream gets (the writer's flush is a deflate sync flush, which shows in the bytes).
    /// </summary>
    public void AddXml(string name, XmlWriterSettings settings, Action<XmlWriter> write)
    {
        var deflated = t_deflated ??= new MemoryStream();
        deflated.SetLength(0);
        var checksum = new ChecksumStream(new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true));
        using (checksum)
        {
            using var writer = XmlWriter.Create(checksum, settings);
            write(writer);
            writer.Flush();
        }
        Write(name, checksum.Crc, deflated.GetBuffer().AsSpan(0, (int)deflated.Length), checked((int)checksum.Length));
        if (deflated.Capacity > 4 * 1024 * 1024)
        {
            t_deflated = null;
        }
    }

    /// <summary>
    /// A small part of this document only, stored without compression as ZipArchive stores a
    /// <see cref="CompressionLevel.NoCompression"/> entry: setting up a zlib stream costs more than deflating a
    /// part of a few hundred bytes saves.
    /// </summary>
    public void AddXmlStored(string name, XmlWriterSettings settings, Action<XmlWriter> write)
    {
        var stored = t_stored ??= new MemoryStream();
        stored.SetLength(0);
        using (var writer = XmlWriter.Create(stored, settings))
        {
            write(writer);
            writer.Flush();
        }
        var data = stored.GetBuffer().AsSpan(0, (int)stored.Length);
        Write(name, Crc32.Compute(data), data, data.Length, isStored: true);
    }

    /// <summary>Writes the central directory and its end record.</summary>
    public void Finish()
    {
        var start = _output.Position;
        Span<byte> header = stackalloc byte[46];
        foreach (var (name, crc, compressed, length, offset, isStored) in _entries)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionMadeBy);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], VersionNeeded);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], isStored ? (ushort)0 : Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], isStored ? Stored : Deflated);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], DosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], DosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 0); // extra field
            BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 0); // comment
            BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 0); // disk
            BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0); // internal attributes
            BinaryPrimitives.WriteUInt32LittleEndian(header[38..], UnixFileAttributes);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offset);
            _output.Write(header);
            _output.Write(name);
        }
        var size = _output.Position - start;
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)start);
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], 0);
        _output.Write(end);
    }

    private void Write(string name, uint crc, ReadOnlySpan<byte> compressed, int length, bool isStored = false)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        var offset = _output.Position;
        Span<byte> header = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], isStored ? (ushort)0 : Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], isStored ? Stored : Deflated);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)compressed.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);
        _output.Write(header);
        _output.Write(nameBytes);
        _output.Write(compressed);
        _entries.Add((nameBytes, crc, compressed.Length, length, offset, isStored));
    }

    /// <summary>A part's deflated bytes, CRC and length.</summary>
    private sealed class DeflatedPart
    {
        public required byte[] Compressed { get; init; }
        public required uint Crc { get; init; }
        public required int Length { get; init; }

        public static DeflatedPart Of(byte[] data)
        {
            using var buffer = new MemoryStream();
            using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(data);
            }
            return new DeflatedPart { Compressed = buffer.ToArray(), Crc = Crc32.Compute(data), Length = data.Length };
        }
    }
}
