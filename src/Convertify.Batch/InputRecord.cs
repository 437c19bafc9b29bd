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
        var view = ReadView(record);
        var path = new string(view.Path);
        IReadOnlyList<string>? outputs = view.StandardOutputs ? new OutputNames(path, extensions)
            : view.Outputs.IsEmpty ? null : new RecordReader(view.Outputs).Strings();
        var warnings = view.Warnings.IsEmpty ? null : new RecordReader(view.Warnings).Strings();
        return new BatchInputResult(path, view.Status, view.HasReason ? new string(view.Reason) : null, view.HasId ? new string(view.Id) : null,
            outputs, warnings, view.HasDuplicateOf ? new string(view.DuplicateOf) : null);
    }

    /// <summary>The result's fields in place (nothing is allocated).</summary>
    public static InputResultView ReadView(ReadOnlySpan<byte> record)
    {
        var reader = new RecordReader(record);
        return ReadResultFields(ref reader, out _);
    }

    /// <summary>
    /// Writes the result in <paramref name="record"/> with <paramref name="duplicateOf"/> (when <paramref name="linked"/>) as
    /// the input it repeats and <paramref name="messages"/> added to its warnings, without the article summary, and
    /// without making the result's strings.
    /// </summary>
    public static ReadOnlySpan<byte> WriteAmended(RecordWriter writer, ReadOnlySpan<byte> record, bool linked, ReadOnlySpan<char> duplicateOf,
        IReadOnlyList<string>? messages)
    {
        var view = ReadView(record);
        var fields = (Fields)record[1] & ~Fields.Summary;
        fields |= linked ? Fields.DuplicateOf : 0;
        fields |= messages is { Count: > 0 } ? Fields.Warnings : 0;
        writer.Clear();
        writer.Byte((byte)view.Status);
        writer.Byte((byte)fields);
        writer.String(view.Path);
        writer.OptionalString(view.HasReason, view.Reason);
        writer.OptionalString(view.HasId, view.Id);
        if (fields.HasFlag(Fields.Outputs))
        {
            writer.Bytes(view.Outputs);
        }
        if (fields.HasFlag(Fields.Warnings))
        {
            var existing = view.Warnings.IsEmpty ? 0 : new RecordReader(view.Warnings).Int32();
            writer.Int32(existing + (messages?.Count ?? 0));
            if (existing > 0)
            {
                writer.Bytes(view.Warnings[4..]);
            }
            foreach (var message in messages ?? [])
            {
                writer.String(message);
            }
        }
        writer.OptionalString(linked || view.HasDuplicateOf, linked ? duplicateOf : view.DuplicateOf);
        return writer.Written;
    }

    /// <summary>The article summary in <paramref name="record"/>; null when the input was not read as an article.</summary>
    public static ArticleSummary? ReadSummary(ReadOnlySpan<byte> record) => TryReadSummary(record, out var view) ? view.ToSummary() : null;

    /// <summary>The article summary's fields, read in place (nothing is allocated); false when there is none.</summary>
    public static bool TryReadSummary(ReadOnlySpan<byte> record, out InputSummaryView summary)
    {
        var reader = new RecordReader(record);
        var result = ReadResultFields(ref reader, out var fields);
        if (!fields.HasFlag(Fields.Summary))
        {
            summary = default;
            return false;
        }
        var title = reader.StringSpan();
        var url = reader.StringSpan();
        var isText = reader.Byte() == 1;
        var keyText = isText ? reader.StringSpan() : default;
        var keyValue = isText ? default : reader.UInt128();
        summary = new InputSummaryView(result.Path, title, url, isText, keyValue, keyText, reader.Date(), reader.Date());
        return true;
    }

    /// <summary>Reads the result's fields, leaving <paramref name="reader"/> where the summary (if any) starts.</summary>
    private static InputResultView ReadResultFields(scoped ref RecordReader reader, out Fields fields)
    {
        var status = (BatchStatus)reader.Byte();
        fields = (Fields)reader.Byte();
        var path = reader.StringSpan();
        var hasReason = reader.OptionalStringSpan(out var reason);
        var hasId = reader.OptionalStringSpan(out var id);
        var outputs = fields.HasFlag(Fields.Outputs) ? reader.StringsBlock() : default;
        var warnings = fields.HasFlag(Fields.Warnings) ? reader.StringsBlock() : default;
        var hasDuplicateOf = reader.OptionalStringSpan(out var duplicateOf);
        return new InputResultView(status, path, hasReason, reason, hasId, id, fields.HasFlag(Fields.StandardOutputs), outputs, warnings,
            hasDuplicateOf, duplicateOf);
    }

    /// <summary>The input's status, without reading the rest.</summary>
    public static BatchStatus StatusOf(ReadOnlySpan<byte> record) => (BatchStatus)record[0];
}
