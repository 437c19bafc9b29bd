using System.Globalization;
using System.Text.Json;
using Convertify.Batch.Output;
using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>Writes a <see cref="BatchReport"/> as <c>convertify-report.json</c> (UTF-8, indented, no reflection).</summary>
public static class ReportJsonWriter
{
    /// <summary>Writes the report to <paramref name="output"/>.</summary>
    public static void Write(BatchReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var options = report.Options;
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", "convertify");
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();
        json.WriteString("input", report.Input);
        json.WriteString("output", report.OutputDirectory);
        json.WriteStartObject("options");
        WriteStrings(json, "formats", options.Formats);
        json.WriteNumber("jobs", options.EffectiveJobs);
        WriteStrings(json, "sites", options.Sites);
        WriteStrings(json, "languages", options.Languages);
        WriteDate(json, "since", options.Since);
        WriteDate(json, "until", options.Until);
        json.WriteBoolean("force", options.Force);
        json.WriteBoolean("failFast", options.FailFast);
        if (options.Shard is { } shard)
        {
            json.WriteString("shard", shard.ToString());
        }
        else
        {
            json.WriteNull("shard");
        }
        json.WriteEndObject();
        json.WriteBoolean("cancelled", report.Cancelled);
        json.WriteNumber("exitCode", report.ExitCode);
        json.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 3));
        var totals = report.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("found", totals.Found);
        json.WriteNumber("converted", totals.Converted);
        json.WriteNumber("unchanged", totals.Unchanged);
        json.WriteNumber("skipped", totals.Skipped);
        json.WriteNumber("failed", totals.Failed);
        json.WriteNumber("cancelled", totals.Cancelled);
        json.WriteEndObject();
        if (report.CatalogPath is not null)
        {
            json.WriteString("catalog", report.CatalogPath);
        }
        else
        {
            json.WriteNull("catalog");
        }
        if (report.CatalogError is not null)
        {
            json.WriteString("catalogError", report.CatalogError);
        }
        json.WriteStartArray("inputs");
        var writer = new ReportInputWriter(json);
        if (report.Inputs is SpooledInputs spooled)
        {
            // A run's inputs are written from their records: no result and no strings are made for each one.
            spooled.ForEachRecord(record => writer.Write(InputRecord.ReadView(record), spooled.Extensions));
        }
        else
        {
            var record = new RecordWriter();
            foreach (var input in report.Inputs)
            {
                writer.Write(InputRecord.ReadView(InputRecord.Write(record, input)), (input.Outputs as OutputNames)?.Extensions ?? []);
            }
        }
        json.WriteEndArray();
        json.WriteStartArray("duplicates");
        if (report.Duplicates is SpooledList<BatchDuplicate> groups)
        {
            groups.ForEachRecord(record => WriteDuplicate(json, record));
        }
        else
        {
            var record = new RecordWriter();
            foreach (var duplicate in report.Duplicates)
            {
                WriteDuplicate(json, DuplicateRecord.Write(record, duplicate));
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The status as written in the report (<c>converted</c>, <c>unchanged</c>, <c>skipped</c>, <c>failed</c>, <c>cancelled</c>).</summary>
    public static string StatusName(BatchStatus status) => status switch
    {
        BatchStatus.Converted => "converted",
        BatchStatus.Unchanged => "unchanged",
        BatchStatus.Skipped => "skipped",
        BatchStatus.Failed => "failed",
        _ => "cancelled",
    };

    /// <summary>A group from its <see cref="DuplicateRecord"/>.</summary>
    private static void WriteDuplicate(Utf8JsonWriter json, ReadOnlySpan<byte> record)
    {
        var reader = new RecordReader(record);
        json.WriteStartObject();
        json.WriteString("kind", reader.StringSpan());
        json.WriteString("key", reader.StringSpan());
        json.WriteStartArray("paths");
        for (var count = reader.Int32(); count > 0; count--)
        {
            json.WriteStringValue(reader.StringSpan());
            FlushWhenFull(json);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Utf8JsonWriter holds everything until flushed: a report of many inputs would sit in memory whole.</summary>
    internal static void FlushWhenFull(Utf8JsonWriter json)
    {
        if (json.BytesPending > 64 * 1024)
        {
            json.Flush();
        }
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
