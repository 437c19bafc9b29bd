namespace Convertify.Conversion;

/// <summary>
/// A write-only stream that passes what is written to another stream, counting the bytes and their CRC-32, as a ZIP
/// writer needs for each entry (the Word and Excel package writers).
/// </summary>
public sealed class ChecksumStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _passFlush;
    private readonly Action<ChecksumStream>? _disposed;
    private uint _crc = 0xFFFFFFFFu;
    private long _length;
    private bool _isDisposed;

    /// <summary>Creates the stream.</summary>
    /// <param name="inner">Where the bytes go; disposed with this stream.</param>
    /// <param name="passFlush">Whether <see cref="Flush"/> flushes <paramref name="inner"/> (a compressor flushed mid-stream writes other bytes).</param>
    /// <param name="disposed">Called once, after <paramref name="inner"/> is disposed, when this stream is.</param>
    public ChecksumStream(Stream inner, bool passFlush = true, Action<ChecksumStream>? disposed = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _passFlush = passFlush;
        _disposed = disposed;
    }

    /// <summary>CRC-32 of the bytes written so far.</summary>
    public uint Crc => ~_crc;

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <summary>Bytes written so far.</summary>
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc = Crc32.Update(_crc, buffer);
        _length += buffer.Length;
        _inner.Write(buffer);
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (_passFlush)
        {
            _inner.Flush();
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_isDisposed)
        {
            _isDisposed = true;
            _inner.Dispose();
            _disposed?.Invoke(this);
        }
        base.Dispose(disposing);
    }
}
