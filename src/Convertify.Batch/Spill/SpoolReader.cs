using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Convertify.Batch.Spill;

/// <summary>
/// Reads a <see cref="RecordSpool"/>'s records by number for one thread, through windows of the scratch files kept in
/// memory: reading the records in about the order they were written costs one system call per 64 KB.
/// </summary>
internal sealed class SpoolReader
{
    private readonly SafeFileHandle _data;
    private readonly SafeFileHandle _offsets;
    private readonly byte[] _page = new byte[RecordSpool.PageEntries * 8];
    private byte[] _window = new byte[64 * 1024];
    private long _pageFirst = -1;
    private long _windowStart;
    private int _windowLength;

    internal SpoolReader(SafeFileHandle data, SafeFileHandle offsets)
    {
        _data = data;
        _offsets = offsets;
    }

    /// <summary>The record of <paramref name="number"/>, valid until the next read; false when it was never written.</summary>
    public bool TryRead(int number, out ReadOnlySpan<byte> record)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        var first = (long)number / RecordSpool.PageEntries * RecordSpool.PageEntries;
        if (first != _pageFirst)
        {
            var read = RandomAccess.Read(_offsets, _page, first * 8);
            _page.AsSpan(read).Clear();
            _pageFirst = first;
        }
        var stored = BinaryPrimitives.ReadInt64LittleEndian(_page.AsSpan((int)(number - first) * 8));
        if (stored == 0)
        {
            record = default;
            return false;
        }
        var offset = stored - 1;
        var length = BinaryPrimitives.ReadInt32LittleEndian(Window(offset, 4));
        record = Window(offset + 4, length);
        return true;
    }

    private ReadOnlySpan<byte> Window(long offset, int length)
    {
        if (offset < _windowStart || offset + length > _windowStart + _windowLength)
        {
            if (length > _window.Length)
            {
                _window = new byte[length];
            }
            _windowStart = offset;
            _windowLength = 0;
            while (_windowLength < _window.Length)
            {
                var read = RandomAccess.Read(_data, _window.AsSpan(_windowLength), offset + _windowLength);
                if (read == 0)
                {
                    break;
                }
                _windowLength += read;
            }
            if (_windowLength < length)
            {
                throw new InvalidDataException("a scratch file ended inside a record");
            }
        }
        return _window.AsSpan((int)(offset - _windowStart), length);
    }
}
