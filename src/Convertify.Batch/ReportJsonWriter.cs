using System.Globalization;
using System.Text.Json;

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
        if (options.Selection is { } selection)
        {
            json.WriteString("select", selection.Source);
        }
        json.WriteBoolean("force", options.Force);
        json.WriteBoolean("failFast", options.FailFast);
        json.WriteBoolean("failOnEmpty", options.FailOnEmpty);
        if (options.Shard is { } shard)
        {
            json.WriteString("shard", shard.ToString());
        }
        else
        {
            json.WriteNull("shard");
        }
        if (options.WriterSettings.Length > 0)
        {
            json.WriteString("writerSettings", options.WriterSettings);
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
        json.WriteStartArray("filteredOut");
        foreach (var filter in report.FilteredOut)
        {
            json.WriteStartObject();
            json.WriteString("filter", filter.Filter);
            json.WriteNumber("removed", filter.Removed);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (report.SelectedNotFound.Count > 0)
        {
            WriteStrings(json, "selectedNotFound", report.SelectedNotFound);
        }
        json.WriteBoolean("noArticleMatched", report.NoArticleMatched);
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
        foreach (var input in report.Inputs)
        {
            WriteInput(json, input);
        }
        json.WriteEndArray();
        json.WriteStartArray("duplicates");
        foreach (var duplicate in report.Duplicates)
        {
            json.WriteStartObject();
            json.WriteString("kind", duplicate.Kind);
            json.WriteString("key", duplicate.Key);
            WriteStrings(json, "paths", duplicate.Paths);
            json.WriteEndObject();
            FlushWhenFull(json);
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

    private static void WriteInput(Utf8JsonWriter json, BatchInputResult input)
    {
        json.WriteStartObject();
        json.WriteString("path", input.Path);
        json.WriteString("status", StatusName(input.Status));
        if (input.Reason is not null)
        {
            json.WriteString("reason", input.Reason);
        }
        if (input.Id is not null)
        {
            json.WriteString("id", input.Id);
        }
        // Empty lists are left out, as the report always has.
        if (input.Outputs is { Count: > 0 } outputs)
        {
            WriteStrings(json, "outputs", outputs);
        }
        if (input.DuplicateOf is not null)
        {
            json.WriteString("duplicateOf", input.DuplicateOf);
        }
        if (input.Warnings is { Count: > 0 } warnings)
        {
            WriteStrings(json, "warnings", warnings);
        }
        json.WriteEndObject();
        FlushWhenFull(json);
    }

    /// <summary>Utf8JsonWriter holds everything until flushed: a report of many inputs would sit in memory whole.</summary>
    private static void FlushWhenFull(Utf8JsonWriter json)
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
            FlushWhenFull(json);
        }
        json.WriteEndArray();
    }
}
