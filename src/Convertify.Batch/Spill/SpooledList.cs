using System.Collections;

namespace Convertify.Batch.Spill;

/// <summary>
/// A read-only list whose items are records 0..Count-1 of a <see cref="RecordSpool"/>, made when read: a report of a
/// million inputs costs no more memory than one of ten. Enumerating reads through a reader of its own; the indexer
/// shares one under a lock.
/// </summary>
internal class SpooledList<T>(RecordSpool spool, int count, RecordDecoder<T> decode) : IReadOnlyList<T>
{
    private readonly Lock _gate = new();
    private SpoolReader? _reader;

    public int Count => count;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            lock (_gate)
            {
                _reader ??= spool.OpenReader();
                return Read(_reader, index);
            }
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        var reader = spool.OpenReader();
        for (var i = 0; i < count; i++)
        {
            yield return Read(reader, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gives each record in order without making its item (for writers that can work from the bytes).</summary>
    public void ForEachRecord(RecordAction action)
    {
        var reader = spool.OpenReader();
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryRead(i, out var record))
            {
                throw Missing(i);
            }
            action(record);
        }
    }

    private T Read(SpoolReader reader, int index) =>
        reader.TryRead(index, out var record)
            ? decode(record)
            : throw Missing(index);

    private static InvalidDataException Missing(int index) => new($"record {index} of a spooled list is missing");
}
