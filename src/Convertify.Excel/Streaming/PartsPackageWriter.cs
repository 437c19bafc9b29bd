using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Convertify.Conversion;

namespace Convertify.Excel;

/// <summary>
/// Writes a plain zip package of parts into a seekable scratch stream, deflating each part as it is written at a level
/// ZipArchive does not offer (its Fastest is a third larger for spreadsheet XML, its Optimal twice as slow).
/// Sizes and CRC (<see cref="Crc32"/>) are patched into each local header once the part is complete, so no data descriptors are needed.
/// </summary>
internal sealed class PartsPackageWriter
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndSignature = 0x06054b50;
    private const ushort Version = 20;
    private const ushort Deflated = 8;

    private readonly Stream _output;
    private readonly int _level;
    private readonly List<(byte[] Name, uint Crc, uint Compressed, uint Size, uint Offset)> _entries = [];
    private ChecksumStream? _open;

    /// <param name="output">A seekable stream, written from its current position (which must be 0).</param>
    /// <param name="level">The zlib compression level, 1 (fastest) to 9 (smallest).</param>
    public PartsPackageWriter(Stream output, int level)
    {
        _output = output;
        _level = level;
    }

    /// <summary>Starts a part; write its content to the returned stream and dispose it before the next part.</summary>
    public Stream BeginPart(string name)
    {
        if (_open is not null)
        {
            throw new InvalidOperationException("the previous part is still open");
        }
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var offset = _output.Position;
        Span<byte> header = stackalloc byte[30];
        header.Clear();
        _output.Write(header);
        _output.Write(nameBytes);
        // Flushes stay with the part: a compressor flushed mid-stream would write other bytes.
        _open = new ChecksumStream(new DeflateStream(_output, new ZLibCompressionOptions { CompressionLevel = _level }, leaveOpen: true),
            passFlush: false, disposed: part => Complete(nameBytes, offset, part));
        return _open;
    }

    /// <summary>Writes the central directory; the package is complete.</summary>
    public void Finish()
    {
        if (_open is not null)
        {
            throw new InvalidOperationException("a part is still open");
        }
        var start = _output.Position;
        Span<byte> header = stackalloc byte[46];
        foreach (var (name, crc, compressed, size, offset) in _entries)
        {
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], Deflated);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offset);
            _output.Write(header);
            _output.Write(name);
        }
        var end = header[..22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], checked((ushort)_entries.Count));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], checked((ushort)_entries.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], checked((uint)(_output.Position - start)));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], checked((uint)start));
        _output.Write(end);
    }

    private void Complete(byte[] name, long headerOffset, ChecksumStream part)
    {
        var end = _output.Position;
        var dataStart = headerOffset + 30 + name.Length;
        // Parts past 4 GiB would need ZIP64; no sheet within Excel's row limit comes near.
        var compressed = checked((uint)(end - dataStart));
        var size = checked((uint)part.Length);
        var offset = checked((uint)headerOffset);
        Span<byte> header = stackalloc byte[30];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Deflated);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], part.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)name.Length);
        _output.Position = headerOffset;
        _output.Write(header);
        _output.Position = end;
        _entries.Add((name, part.Crc, compressed, size, offset));
        _open = null;
    }
}
