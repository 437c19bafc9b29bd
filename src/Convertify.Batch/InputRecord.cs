using Convertify.Batch.Output;
using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>
/// One input's result, and the summary of its article when it was read, as a record of a run's scratch files: what a
/// run learns of each input waits there for the report instead of in memory.
/// </summary>
internal static class InputRecord
{
    [Flags]
    private enum Fields : byte
    {
        None = 0,
        Reason = 1,
        Id = 2,
        StandardOutputs = 4,
        Outputs = 8,
        Warnings = 16,
        DuplicateOf = 32,
        Summary = 64,
    }

    /// <summary>Writes <paramref name="result"/> (and <paramref name="summary"/>, when there is one) into <paramref name="writer"/>.</summary>
    public static ReadOnlySpan<byte> Write(RecordWriter writer, BatchInputResult result, ArticleSummary? summary = null)
    {
        var fields = Fields.None;
        fields |= result.Reason is null ? 0 : Fields.Reason;
        fields |= result.Id is null ? 0 : Fields.Id;
        // Output names made from the path again when read: they are most of a result's bytes otherwise.
        fields |= result.Outputs switch { null => 0, OutputNames => Fields.StandardOutputs, _ => Fields.Outputs };
        fields |= result.Warnings is null ? 0 : Fields.Warnings;
        fields |= result.DuplicateOf is null ? 0 : Fields.DuplicateOf;
        fields |= summary is null ? 0 : Fields.Summary;
        writer.Clear();
        writer.Byte((byte)result.Status);
        writer.Byte((byte)fields);
        writer.String(result.Path);
        writer.OptionalString(result.Reason);
        writer.OptionalString(result.Id);
        if (fields.HasFlag(Fields.Outputs))
        {
            writer.Strings(result.Outputs!);
        }
        if (result.Warnings is { } warnings)
        {
            writer.Strings(warnings);
        }
        writer.OptionalString(result.DuplicateOf);
        if (summary is not null)
        {
            writer.String(summary.Title);
            writer.String(summary.OriginalUrl);
            if (summary.ContentKey.Text is { } text)
            {
                writer.Byte(1);
                writer.String(text);
            }
            else
            {
                writer.Byte(0);
                writer.UInt128(summary.ContentKey.Value);
            }
            writer.Date(summary.Published);
            writer.Date(summary.FeedTime);
        }
        return writer.Written;
    }

    /// <summary>The result in <paramref name="record"/>; <paramref name="extensions"/> are the run's output extensions.</summary>
    public static BatchInputResult ReadResult(ReadOnlySpan<byte> record, string[] extensions)
    {
        var reader = new RecordReader(record);
        var status = (BatchStatus)reader.Byte();
        var fields = (Fields)reader.Byte();
        var path = reader.String();
        var reason = reader.OptionalString();
        var id = reader.OptionalString();
        IReadOnlyList<string>? outputs = fields.HasFlag(Fields.StandardOutputs) ? new OutputNames(path, extensions)
            : fields.HasFlag(Fields.Outputs) ? reader.Strings() : null;
        var warnings = fields.HasFlag(Fields.Warnings) ? reader.Strings() : null;
        // The summary that may follow is read by TryReadSummary where it is needed; the result does not hold it.
        return new BatchInputResult(path, status, reason, id, outputs, warnings, reader.OptionalString());
    }

    /// <summary>The article summary in <paramref name="record"/>; null when the input was not read as an article.</summary>
    public static ArticleSummary? ReadSummary(ReadOnlySpan<byte> record) => TryReadSummary(record, out var view) ? view.ToSummary() : null;

    /// <summary>The article summary's fields, read in place (nothing is allocated); false when there is none.</summary>
    public static bool TryReadSummary(ReadOnlySpan<byte> record, out InputSummaryView summary)
    {
        var reader = new RecordReader(record);
        reader.Byte();
        var fields = (Fields)reader.Byte();
        var path = reader.StringSpan();
        if (!fields.HasFlag(Fields.Summary))
        {
            summary = default;
            return false;
        }
        reader.OptionalStringSpan();
        reader.OptionalStringSpan();
        if (fields.HasFlag(Fields.Outputs))
        {
            reader.SkipStrings();
        }
        if (fields.HasFlag(Fields.Warnings))
        {
            reader.SkipStrings();
        }
        reader.OptionalStringSpan();
        var title = reader.StringSpan();
        var url = reader.StringSpan();
        var isText = reader.Byte() == 1;
        var keyText = isText ? reader.StringSpan() : default;
        var keyValue = isText ? default : reader.UInt128();
        summary = new InputSummaryView(path, title, url, isText, keyValue, keyText, reader.Date(), reader.Date());
        return true;
    }

    /// <summary>The input's status, without reading the rest.</summary>
    public static BatchStatus StatusOf(ReadOnlySpan<byte> record) => (BatchStatus)record[0];
}
