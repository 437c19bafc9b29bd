using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Convertify.Batch.Spill;

/// <summary>
/// Records of any length kept in a scratch file and found again by number: what a run holds per input lives here
/// instead of in memory, so the memory a run needs does not grow with the archive. Records are written once each, by
/// any thread, in any order (nearly sequential orders cost one system call per 64 KB); they are read with a
/// <see cref="SpoolReader"/> once writing is done.
/// </summary>
internal sealed class RecordSpool : IDisposable
{
    /// <summary>Offsets per page of the offsets file (4 KB), for the spool and its readers.</summary>
    internal const int PageEntries = 512;
    private readonly Lock _gate = new();
    private readonly SafeFileHandle _data;
    private readonly SafeFileHandle _offsets;
    private readonly byte[] _pending = new byte[64 * 1024];
    private readonly byte[] _page = new byte[PageEntries * 8];
    private int _pendingLength;
    private long _dataLength;
    private long _pageFirst = -1;
    private bool _pageDirty;
    private int _count;

    /// <summary>Creates the spool in the first of <paramref name="folders"/> that can hold a scratch file (the system's temporary folder when none).</summary>
    public RecordSpool(params string?[] folders)
    {
        string?[] where = folders.Length > 0 ? folders : [Path.GetTempPath()];
        _data = ScratchFile.Open(where);
        try
        {
            _offsets = ScratchFile.Open(where);
        }
        catch
        {
            _data.Dispose();
            throw;
        }
    }

    /// <summary>One more than the highest number written.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Writes a record under the next free number and returns it.</summary>
    public int Append(ReadOnlySpan<byte> record)
    {
        lock (_gate)
        {
            var number = _count;
            WriteLocked(number, record);
            return number;
        }
    }

    /// <summary>Writes the record of <paramref name="number"/> (each number once).</summary>
    public void Write(int number, ReadOnlySpan<byte> record)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        lock (_gate)
        {
            WriteLocked(number, record);
        }
    }

    /// <summary>A reader of its own for one thread; it sees what was written before it was opened.</summary>
    public SpoolReader OpenReader()
    {
        lock (_gate)
        {
            FlushLocked();
        }
        return new SpoolReader(_data, _offsets);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _data.Dispose();
        _offsets.Dispose();
    }

    private void WriteLocked(int number, ReadOnlySpan<byte> record)
    {
        if (_pendingLength + 4 + record.Length > _pending.Length)
        {
            FlushData();
        }
        var offset = _dataLength + _pendingLength;
        if (4 + record.Length > _pending.Length)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, record.Length);
            RandomAccess.Write(_data, length, _dataLength);
            RandomAccess.Write(_data, record, _dataLength + 4);
            _dataLength += 4 + record.Length;
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(_pending.AsSpan(_pendingLength), record.Length);
            record.CopyTo(_pending.AsSpan(_pendingLength + 4));
            _pendingLength += 4 + record.Length;
        }
        // Stored plus one: a zero in the offsets file is a number never written.
        SetOffset(number, offset + 1);
        _count = Math.Max(_count, number + 1);
    }

    private void SetOffset(int number, long value)
    {
        var first = (long)number / PageEntries * PageEntries;
        if (first != _pageFirst)
        {
            if (Math.Abs(first - _pageFirst) > PageEntries && _pageFirst >= 0)
            {
                // Far from the page in memory (a worker that took long): one small write instead of moving the page.
                Span<byte> bytes = stackalloc byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
                RandomAccess.Write(_offsets, bytes, number * 8L);
                return;
            }
            FlushPage();
            Array.Clear(_page);
            // Numbers written while another page was in memory are on disk: the page starts from what is there.
            RandomAccess.Read(_offsets, _page, first * 8);
            _pageFirst = first;
        }
        BinaryPrimitives.WriteInt64LittleEndian(_page.AsSpan((int)(number - first) * 8), value);
        _pageDirty = true;
    }

    private void FlushData()
    {
        if (_pendingLength > 0)
        {
            RandomAccess.Write(_data, _pending.AsSpan(0, _pendingLength), _dataLength);
            _dataLength += _pendingLength;
            _pendingLength = 0;
        }
    }

    private void FlushPage()
    {
        if (_pageDirty)
        {
            RandomAccess.Write(_offsets, _page, _pageFirst * 8);
            _pageDirty = false;
        }
    }

    private void FlushLocked()
    {
        FlushData();
        FlushPage();
    }
}
