using System.Text.Json;

namespace Convertify.Batch.Incremental;

/// <summary>
/// One line of the manifest or its journal: <c>{"input":…,"sha256":…,"tool":…,"options":…,"outputs":[…]}</c>, or
/// <c>{"input":…,"removed":true}</c> in the journal for an input that was forgotten.
/// </summary>
internal static class ManifestLine
{
    /// <summary>How lines are written: compact, non-ASCII paths as they are.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonReaderOptions ReaderOptions = new();

    // Every entry of a run names the same tool and options: one string each, not one per input.
    private static string? s_tool;
    private static string? s_options;

    /// <summary>Writes a line without its newline (<paramref name="entry"/> null: a removal); the writer is reset after it.</summary>
    public static void Write(Utf8JsonWriter json, string input, ManifestEntry? entry)
    {
        json.WriteStartObject();
        json.WriteString("input", input);
        if (entry is null)
        {
            json.WriteBoolean("removed", true);
        }
        else
        {
            json.WriteString("sha256", entry.Sha256.ToString());
            json.WriteString("tool", entry.Tool);
            json.WriteString("options", entry.Options);
            json.WriteStartArray("outputs");
            foreach (var output in entry.Outputs)
            {
                json.WriteStringValue(output);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        json.Reset();
    }

    /// <summary>Reads a whole line; <paramref name="entry"/> is null for a removal. False when the line is damaged or incomplete.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out string input, out ManifestEntry? entry)
    {
        input = "";
        entry = null;
        try
        {
            var json = new Utf8JsonReader(line, ReaderOptions);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            string? sha = null, tool = null, options = null;
            List<string>? outputs = null;
            var removed = false;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("input"u8))
                {
                    json.Read();
                    input = json.GetString() ?? "";
                }
                else if (json.ValueTextEquals("sha256"u8))
                {
                    json.Read();
                    sha = json.GetString();
                }
                else if (json.ValueTextEquals("tool"u8))
                {
                    json.Read();
                    tool = Shared(ref json, ref s_tool);
                }
                else if (json.ValueTextEquals("options"u8))
                {
                    json.Read();
                    options = Shared(ref json, ref s_options);
                }
                else if (json.ValueTextEquals("outputs"u8))
                {
                    json.Read();
                    if (json.TokenType != JsonTokenType.StartArray)
                    {
                        return false;
                    }
                    outputs = [];
                    while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                    {
                        outputs.Add(json.GetString() ?? "");
                    }
                }
                else if (json.ValueTextEquals("removed"u8))
                {
                    json.Read();
                    removed = true;
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }
            if (json.TokenType != JsonTokenType.EndObject || input.Length == 0)
            {
                return false;
            }
            if (removed)
            {
                return true;
            }
            if (tool is null || options is null || outputs is null)
            {
                return false;
            }
            // A digest that does not parse matches nothing: that input is converted again.
            Sha256Digest.TryParse(sha, out var digest);
            entry = new ManifestEntry(digest, tool, options, outputs.ToArray());
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Shared(ref Utf8JsonReader json, ref string? last)
    {
        var cached = Volatile.Read(ref last);
        if (cached is not null && json.ValueTextEquals(cached))
        {
            return cached;
        }
        var value = string.Intern(json.GetString() ?? "");
        Volatile.Write(ref last, value);
        return value;
    }
}
