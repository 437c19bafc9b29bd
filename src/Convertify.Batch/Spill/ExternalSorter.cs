using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Convertify.Batch.Spill;

/// <summary>
/// Sorts records of any length with bounded memory: records collect in a buffer, which is sorted and written to a
/// scratch file as a run whenever it reaches the memory limit; <see cref="Sort"/> merges the runs. Fewer records than
/// the limit never touch the disk. The sort is stable: records that compare equal come out in the order they were added.
/// </summary>
internal sealed class ExternalSorter : IDisposable
{
    private const int FirstBufferSize = 64 * 1024;
    private readonly RecordComparison _comparison;
    private readonly int _memoryLimit;
    private readonly string?[] _folders;
    private readonly List<(int Start, int Length)> _records = [];
    private readonly List<(long Start, long End)> _runs = [];
    private byte[] _buffer = [];
    private int _used;
    private SafeFileHandle? _file;
    private long _fileLength;
    private bool _sorted;

    /// <summary>Creates a sorter.</summary>
    /// <param name="comparison">The order.</param>
    /// <param name="memoryLimit">How many bytes of records are held before a run goes to disk.</param>
    /// <param name="folders">Where the scratch file may go, in order of preference (the system's temporary folder when none).</param>
    public ExternalSorter(RecordComparison comparison, int memoryLimit = 16 << 20, params string?[] folders)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLimit, 16);
        _comparison = comparison;
        _memoryLimit = memoryLimit;
        _folders = folders.Length > 0 ? folders : [Path.GetTempPath()];
    }

    /// <summary>How many records were added.</summary>
    public long Count { get; private set; }

    /// <summary>How many runs went to disk (0 when everything fit in memory).</summary>
    public int SpilledRuns => _runs.Count;

    /// <summary>Adds a record (copied).</summary>
    public void Add(ReadOnlySpan<byte> record)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (_sorted)
        {
            throw new InvalidOperationException("the records were sorted already");
        }
        if (_used + record.Length > _buffer.Length)
        {
            if (_records.Count > 0 && _used + record.Length > _memoryLimit)
            {
                Spill();
            }
            if (_used + record.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_used + record.Length, Math.Min(_memoryLimit, Math.Max(FirstBufferSize, _buffer.Length * 2))));
            }
        }
        record.CopyTo(_buffer.AsSpan(_used));
        _records.Add((_used, record.Length));
        _used += record.Length;
        Count++;
    }

    /// <summary>Sorts what was added and reads it back in order; once only.</summary>
    public RecordCursor Sort()
    {
        if (_sorted)
        {
            throw new InvalidOperationException("the records were sorted already");
        }
        _sorted = true;
        if (_runs.Count == 0)
        {
            SortBuffer();
            return new BufferCursor(this);
        }
        if (_records.Count > 0)
        {
            Spill();
        }
        _buffer = [];
        return new MergeCursor(this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        _buffer = null!;
    }

    private void SortBuffer()
    {
        var buffer = _buffer;
        var comparison = _comparison;
        // Records lie in the buffer in the order they came: their start breaks ties, which makes the sort stable.
        CollectionsMarshal.AsSpan(_records).Sort((a, b) =>
        {
            var order = comparison(buffer.AsSpan(a.Start, a.Length), buffer.AsSpan(b.Start, b.Length));
            return order != 0 ? order : a.Start.CompareTo(b.Start);
        });
    }

    private void Spill()
    {
        SortBuffer();
        _file ??= ScratchFile.Open(_folders);
        var start = _fileLength;
        var output = new byte[Math.Min(1 << 20, Math.Max(4096, _used + 4 * _records.Count))];
        var filled = 0;
        foreach (var (recordStart, length) in _records)
        {
            if (filled + 4 + length > output.Length)
            {
                Flush(output.AsSpan(0, filled));
                filled = 0;
                if (4 + length > output.Length)
                {
                    output = new byte[4 + length];
                }
            }
            BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(filled), length);
            _buffer.AsSpan(recordStart, length).CopyTo(output.AsSpan(filled + 4));
            filled += 4 + length;
        }
        Flush(output.AsSpan(0, filled));
        _runs.Add((start, _fileLength));
        _records.Clear();
        _used = 0;

        void Flush(ReadOnlySpan<byte> bytes)
        {
            RandomAccess.Write(_file, bytes, _fileLength);
            _fileLength += bytes.Length;
        }
    }

    private sealed class BufferCursor(ExternalSorter sorter) : RecordCursor
    {
        private int _at = -1;

        public override ReadOnlySpan<byte> Current
        {
            get
            {
                var (start, length) = sorter._records[_at];
                return sorter._buffer.AsSpan(start, length);
            }
        }

        public override bool MoveNext() => ++_at < sorter._records.Count;
    }

    private sealed class MergeCursor : RecordCursor
    {
        private readonly RunReader[] _readers;
        private readonly PriorityQueue<int, int> _queue;
        private int _current = -1;

        public MergeCursor(ExternalSorter sorter)
        {
            _readers = [.. sorter._runs.Select(r => new RunReader(sorter._file!, r.Start, r.End))];
            var readers = _readers;
            var comparison = sorter._comparison;
            // Runs were written in the order their records came: the run's number breaks ties, which keeps the merge stable.
            _queue = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) =>
            {
                var order = comparison(readers[a].Current, readers[b].Current);
                return order != 0 ? order : a.CompareTo(b);
            }));
            for (var i = 0; i < _readers.Length; i++)
            {
                if (_readers[i].MoveNext())
                {
                    _queue.Enqueue(i, i);
                }
            }
        }

        public override ReadOnlySpan<byte> Current => _readers[_current].Current;

        public override bool MoveNext()
        {
            if (_current >= 0 && _readers[_current].MoveNext())
            {
                _queue.Enqueue(_current, _current);
            }
            return _queue.TryDequeue(out _current, out _);
        }
    }

    /// <summary>Reads one run back through a buffer of its own.</summary>
    private sealed class RunReader(SafeFileHandle file, long start, long end)
    {
        private byte[] _buffer = new byte[64 * 1024];
        private long _next = start;
        private int _filled;
        private int _at;
        private int _recordStart;
        private int _recordLength;

        public ReadOnlySpan<byte> Current => _buffer.AsSpan(_recordStart, _recordLength);

        public bool MoveNext()
        {
            if (!Ensure(4))
            {
                return false;
            }
            var length = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_at));
            if (!Ensure(4 + length))
            {
                throw new InvalidDataException("a scratch file ended inside a record");
            }
            _recordStart = _at + 4;
            _recordLength = length;
            _at += 4 + length;
            return true;
        }

        /// <summary>Makes <paramref name="count"/> bytes from the read position available in the buffer; false at the run's end.</summary>
        private bool Ensure(int count)
        {
            if (_filled - _at >= count)
            {
                return true;
            }
            var kept = _filled - _at;
            if (count > _buffer.Length)
            {
                var larger = new byte[count];
                _buffer.AsSpan(_at, kept).CopyTo(larger);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_at, kept).CopyTo(_buffer);
            }
            _at = 0;
            _filled = kept;
            while (_filled < count && _next < end)
            {
                var read = RandomAccess.Read(file, _buffer.AsSpan(_filled, (int)Math.Min(_buffer.Length - _filled, end - _next)), _next);
                if (read == 0)
                {
                    break;
                }
                _filled += read;
                _next += read;
            }
            return _filled >= count;
        }
    }
}
