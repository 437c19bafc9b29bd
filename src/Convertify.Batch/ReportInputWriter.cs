using System.Text.Json;
using Convertify.Batch.Output;
using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>Writes the report's entry for one input from its fields in place, with output names made in a buffer it reuses.</summary>
internal sealed class ReportInputWriter(Utf8JsonWriter json)
{
    private char[] _name = new char[256];

    /// <param name="input">The input's result.</param>
    /// <param name="extensions">The run's output extensions, for <see cref="InputResultView.StandardOutputs"/>.</param>
    public void Write(InputResultView input, string[] extensions)
    {
        json.WriteStartObject();
        json.WriteString("path", input.Path);
        json.WriteString("status", ReportJsonWriter.StatusName(input.Status));
        if (input.HasReason)
        {
            json.WriteString("reason", input.Reason);
        }
        if (input.HasId)
        {
            json.WriteString("id", input.Id);
        }
        if (input.StandardOutputs && extensions.Length > 0)
        {
            json.WriteStartArray("outputs");
            var stem = OutputNames.Stem(input.Path);
            foreach (var extension in extensions)
            {
                if (_name.Length < stem.Length + extension.Length)
                {
                    _name = new char[stem.Length + extension.Length];
                }
                stem.CopyTo(_name);
                extension.CopyTo(_name.AsSpan(stem.Length));
                json.WriteStringValue(_name.AsSpan(0, stem.Length + extension.Length));
            }
            json.WriteEndArray();
        }
        else
        {
            WriteStrings("outputs", input.Outputs);
        }
        if (input.HasDuplicateOf)
        {
            json.WriteString("duplicateOf", input.DuplicateOf);
        }
        WriteStrings("warnings", input.Warnings);
        json.WriteEndObject();
        ReportJsonWriter.FlushWhenFull(json);
    }

    /// <summary>A list of strings as spooled (nothing when absent or empty, as the report has always left them out).</summary>
    private void WriteStrings(string name, ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty)
        {
            return;
        }
        var reader = new RecordReader(block);
        var count = reader.Int32();
        if (count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        for (; count > 0; count--)
        {
            json.WriteStringValue(reader.StringSpan());
        }
        json.WriteEndArray();
    }
}
