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
    private PartStream? _open;

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
        _open = new PartStream(this, nameBytes, offset,
            new DeflateStream(_output, new ZLibCompressionOptions { CompressionLevel = _level }, leaveOpen: true));
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

    private void Complete(PartStream part)
    {
        var end = _output.Position;
        var dataStart = part.HeaderOffset + 30 + part.Name.Length;
        // Parts past 4 GiB would need ZIP64; no sheet within Excel's row limit comes near.
        var compressed = checked((uint)(end - dataStart));
        var size = checked((uint)part.Length);
        var offset = checked((uint)part.HeaderOffset);
        Span<byte> header = stackalloc byte[30];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Deflated);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], part.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)part.Name.Length);
        _output.Position = part.HeaderOffset;
        _output.Write(header);
        _output.Position = end;
        _entries.Add((part.Name, part.Crc, compressed, size, offset));
        _open = null;
    }

    /// <summary>Counts and checksums what is written, and deflates it into the package.</summary>
    private sealed class PartStream(PartsPackageWriter owner, byte[] name, long headerOffset, DeflateStream deflate) : Stream
    {
        private uint _crc = 0xFFFFFFFFu;
        private bool _disposed;

        public byte[] Name => name;

        public long HeaderOffset => headerOffset;

        public uint Crc => ~_crc;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        private long _length;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _crc = Crc32.Update(_crc, buffer);
            _length += buffer.Length;
            deflate.Write(buffer);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                deflate.Dispose();
                owner.Complete(this);
            }
            base.Dispose(disposing);
        }
    }
}
