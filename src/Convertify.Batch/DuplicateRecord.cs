using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>
/// A duplicate group as a record of a run's scratch files: its kind, its key, then its paths as a list of strings. The
/// report's JSON is written from it, whether the group came from a run or from a <see cref="BatchDuplicate"/>.
/// </summary>
internal static class DuplicateRecord
{
    /// <summary>Starts a record for a group of <paramref name="count"/> paths; the caller writes each with <see cref="RecordWriter.String"/>.</summary>
    public static void Start(RecordWriter writer, string kind, string key, int count)
    {
        writer.Clear().String(kind);
        writer.String(key);
        writer.Int32(count);
    }

    /// <summary>The record of <paramref name="duplicate"/>.</summary>
    public static ReadOnlySpan<byte> Write(RecordWriter writer, BatchDuplicate duplicate)
    {
        Start(writer, duplicate.Kind, duplicate.Key, duplicate.Paths.Count);
        foreach (var path in duplicate.Paths)
        {
            writer.String(path);
        }
        return writer.Written;
    }

    /// <summary>The group in <paramref name="record"/>.</summary>
    public static BatchDuplicate Read(ReadOnlySpan<byte> record)
    {
        var reader = new RecordReader(record);
        var kind = reader.String();
        var key = reader.String();
        return new BatchDuplicate(kind, key, reader.Strings());
    }
}
