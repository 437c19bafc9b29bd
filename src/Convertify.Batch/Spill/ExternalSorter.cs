using System.Buffers;
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
    // Records are kept in chunks below the large object heap's threshold, reused after each spill and shared between
    // sorters through the array pool: one growing array left every size it had passed through as garbage on the large
    // object heap, and chunks made anew for each sort at a run's end survived their first collections, which made the
    // GC grow its budget; both showed in the peak memory.
    private const int ChunkSize = 64 * 1024;

    // What the index of one record costs beside its bytes, counted against the limit: a sort of short records (the
    // report's links are 9 bytes) held more than twice its limit otherwise.
    private const int IndexEntrySize = 12;

    // A merge reads each run through a buffer of its share of the limit, within these bounds: the merge of many runs
    // stays within the limit instead of growing with the number of runs.
    private const int MinMergeBuffer = 4 * 1024;
    private const int MaxMergeBuffer = 64 * 1024;
    private readonly RecordComparison _comparison;
    private readonly int _memoryLimit;
    private readonly string?[] _folders;
    private readonly List<(int Chunk, int Start, int Length)> _records = [];
    private readonly List<byte[]> _chunks = [];
    private readonly List<(long Start, long End)> _runs = [];
    private int _chunk = -1;
    private int _chunkUsed;
    private long _used;
    private bool _disposed;
    private SafeFileHandle? _file;
    private long _fileLength;
    private bool _sorted;

    /// <summary>Creates a sorter.</summary>
    /// <param name="comparison">The order.</param>
    /// <param name="memoryLimit">How many bytes of records, with their index, are held before a run goes to disk; a merge reads its runs within it too.</param>
    /// <param name="folders">Where the scratch file may go, in order of preference (the system's temporary folder when none).</param>
    public ExternalSorter(RecordComparison comparison, int memoryLimit = 4 << 20, params string?[] folders)
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
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sorted)
        {
            throw new InvalidOperationException("the records were sorted already");
        }
        if (_records.Count > 0 && _used + record.Length + IndexEntrySize > _memoryLimit)
        {
            Spill();
        }
        if (_chunk < 0 || _chunkUsed + record.Length > _chunks[_chunk].Length)
        {
            _chunk++;
            _chunkUsed = 0;
            if (record.Length > ChunkSize)
            {
                // A record larger than a chunk gets one of its own, which is not kept for reuse.
                _chunks.Insert(_chunk, new byte[record.Length]);
            }
            else if (_chunk == _chunks.Count)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            }
        }
        record.CopyTo(_chunks[_chunk].AsSpan(_chunkUsed));
        _records.Add((_chunk, _chunkUsed, record.Length));
        _chunkUsed += record.Length;
        _used += record.Length + IndexEntrySize;
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
        ReturnChunks();
        return new MergeCursor(this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        if (!_disposed)
        {
            ReturnChunks();
        }
        _disposed = true;
    }

    private void ReturnChunks()
    {
        foreach (var chunk in _chunks)
        {
            if (chunk.Length == ChunkSize)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
        _chunks.Clear();
    }

    private void SortBuffer()
    {
        var chunks = _chunks;
        var comparison = _comparison;
        // Records lie in the chunks in the order they came: their place breaks ties, which makes the sort stable.
        CollectionsMarshal.AsSpan(_records).Sort((a, b) =>
        {
            var order = comparison(chunks[a.Chunk].AsSpan(a.Start, a.Length), chunks[b.Chunk].AsSpan(b.Start, b.Length));
            return order != 0 ? order : a.Chunk != b.Chunk ? a.Chunk.CompareTo(b.Chunk) : a.Start.CompareTo(b.Start);
        });
    }

    private void Spill()
    {
        SortBuffer();
        _file ??= ScratchFile.Open(_folders);
        var start = _fileLength;
        var pooled = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var output = pooled;
        var filled = 0;
        foreach (var (chunk, recordStart, length) in _records)
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
            _chunks[chunk].AsSpan(recordStart, length).CopyTo(output.AsSpan(filled + 4));
            filled += 4 + length;
        }
        Flush(output.AsSpan(0, filled));
        ArrayPool<byte>.Shared.Return(pooled);
        _runs.Add((start, _fileLength));
        _records.Clear();
        _chunks.RemoveAll(c => c.Length != ChunkSize);
        _chunk = -1;
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
                var (chunk, start, length) = sorter._records[_at];
                return sorter._chunks[chunk].AsSpan(start, length);
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
            var buffer = Math.Clamp(sorter._memoryLimit / sorter._runs.Count, MinMergeBuffer, MaxMergeBuffer);
            _readers = [.. sorter._runs.Select(r => new RunReader(sorter._file!, r.Start, r.End, buffer))];
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
    private sealed class RunReader(SafeFileHandle file, long start, long end, int bufferSize)
    {
        private byte[] _buffer = new byte[bufferSize];
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
