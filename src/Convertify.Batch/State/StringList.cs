using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Convertify.Batch.State;

/// <summary>A list of strings in one column of the state database, as a JSON array.</summary>
internal static class StringList
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The column's text; null for no list.</summary>
    public static string? Encode(IEnumerable<string>? values)
    {
        if (values is null)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The list in a column's text; null for none.</summary>
    /// <exception cref="JsonException">The text is not an array of strings.</exception>
    public static string[]? Decode(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        var values = new List<string>();
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("not a list");
        }
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            values.Add(json.GetString() ?? throw new JsonException("not a string"));
        }
        return [.. values];
    }
}
