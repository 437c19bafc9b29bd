using System.Collections;
using Convertify.Batch.Spill;

namespace Convertify.Batch.Sources;

/// <summary>
/// A folder's inputs in ordinal path order, each a relative path and the error that refuses it (or none), kept in a
/// scratch file and read back by number: the memory it needs does not grow with the number of inputs. As a list it is
/// the relative paths (<see cref="IArchiveSource.KnownPaths"/>); it can be read until it is disposed.
/// </summary>
internal sealed class FolderListing : IReadOnlyList<string>, IDisposable
{
    // A record: the path, then the error or none (RecordWriter.String and OptionalString).
    private readonly RecordSpool _spool;
    private readonly Lock _gate = new();
    private SpoolReader? _indexReader;

    private FolderListing(RecordSpool spool)
    {
        _spool = spool;
        Count = spool.Count;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public string this[int index]
    {
        get
        {
            lock (_gate)
            {
                return Read(_indexReader ??= _spool.OpenReader(), index).Relative;
            }
        }
    }

    /// <summary>A reader for one thread, for <see cref="Read"/>.</summary>
    public SpoolReader OpenReader() => _spool.OpenReader();

    /// <summary>Input number <paramref name="index"/> (0 to <see cref="Count"/> - 1, in path order), read with <paramref name="reader"/>.</summary>
    public (string Relative, string? Error) Read(SpoolReader reader, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (!reader.TryRead(index, out var record))
        {
            throw new InvalidDataException($"input {index} is missing from the folder's listing");
        }
        var fields = new RecordReader(record);
        var path = new string(fields.StringSpan());
        return (path, fields.OptionalStringSpan(out var error) ? new string(error) : null);
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        var reader = OpenReader();
        for (var index = 0; index < Count; index++)
        {
            yield return Read(reader, index).Relative;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public void Dispose() => _spool.Dispose();

    /// <summary>Ordinal order of the records' paths: exactly <see cref="string.CompareOrdinal(string, string)"/>'s.</summary>
    internal static int ComparePaths(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => PathOf(x).SequenceCompareTo(PathOf(y));

    private static ReadOnlySpan<char> PathOf(ReadOnlySpan<byte> record) => new RecordReader(record).StringSpan();

    /// <summary>Collects a folder's inputs in any order, sorting them with bounded memory (a scratch file past the limit).</summary>
    internal sealed class Builder : IDisposable
    {
        private readonly ExternalSorter _sorter;
        private readonly RecordWriter _record = new();

        /// <param name="memoryLimit">How many bytes of records are sorted in memory before they go to a scratch file.</param>
        public Builder(int memoryLimit)
        {
            _sorter = new ExternalSorter(ComparePaths, memoryLimit, Path.GetTempPath());
        }

        /// <summary>How many sorted runs went to the scratch file (0 when everything fit in memory).</summary>
        public int SpilledRuns => _sorter.SpilledRuns;

        /// <summary>Adds an input: its relative path, and why it is refused (null for a usable one).</summary>
        public void Add(string relative, string? error)
        {
            _record.Clear().String(relative);
            _record.OptionalString(error);
            _sorter.Add(_record.Written);
        }

        /// <summary>Sorts what was added into a listing (once).</summary>
        public FolderListing Build()
        {
            var spool = new RecordSpool(Path.GetTempPath());
            try
            {
                using var sorted = _sorter.Sort();
                var previous = new char[256];
                var previousLength = -1;
                while (sorted.MoveNext())
                {
                    var record = sorted.Current;
                    var path = PathOf(record);
                    // A path listed twice (a folder changed while it was listed) is kept once: the interface promises
                    // each entry exactly once. The sort is stable, so the first one found stays.
                    if (previousLength >= 0 && path.SequenceEqual(previous.AsSpan(0, previousLength)))
                    {
                        continue;
                    }
                    if (path.Length > previous.Length)
                    {
                        previous = new char[Math.Max(path.Length, previous.Length * 2)];
                    }
                    path.CopyTo(previous);
                    previousLength = path.Length;
                    spool.Append(record);
                }
                return new FolderListing(spool);
            }
            catch
            {
                spool.Dispose();
                throw;
            }
        }

        /// <inheritdoc />
        public void Dispose() => _sorter.Dispose();
    }
}
