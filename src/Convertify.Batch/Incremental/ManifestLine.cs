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

    [ThreadStatic]
    private static char[]? t_input;

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
        var chars = t_input ??= new char[256];
        var read = TryRead(line, keepEntry: true, ref chars, out var length, out entry, out _);
        t_input = chars;
        input = read ? new string(chars, 0, length) : "";
        return read;
    }

    /// <summary>
    /// Reads a whole line, its input into <paramref name="input"/> (grown when too small) and, when
    /// <paramref name="keepEntry"/>, its entry; the fields of the entry are checked either way. False when the line is
    /// damaged or incomplete.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> line, bool keepEntry, ref char[] input, out int inputLength, out ManifestEntry? entry,
        out bool removed)
    {
        inputLength = 0;
        entry = null;
        removed = false;
        try
        {
            var json = new Utf8JsonReader(line, ReaderOptions);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            string? sha = null, tool = null, options = null;
            List<string>? outputs = null;
            bool hasTool = false, hasOptions = false, hasOutputs = false;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("input"u8))
                {
                    json.Read();
                    inputLength = CopyString(ref json, ref input);
                }
                else if (json.ValueTextEquals("sha256"u8))
                {
                    json.Read();
                    sha = keepEntry ? json.GetString() : CheckString(ref json, allowNull: true);
                }
                else if (json.ValueTextEquals("tool"u8))
                {
                    json.Read();
                    tool = keepEntry ? Shared(ref json, ref s_tool) : CheckString(ref json, allowNull: false);
                    hasTool = true;
                }
                else if (json.ValueTextEquals("options"u8))
                {
                    json.Read();
                    options = keepEntry ? Shared(ref json, ref s_options) : CheckString(ref json, allowNull: false);
                    hasOptions = true;
                }
                else if (json.ValueTextEquals("outputs"u8))
                {
                    json.Read();
                    if (json.TokenType != JsonTokenType.StartArray)
                    {
                        return false;
                    }
                    outputs = keepEntry ? [] : null;
                    hasOutputs = true;
                    while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                    {
                        var output = keepEntry ? json.GetString() ?? "" : CheckString(ref json, allowNull: true);
                        outputs?.Add(output!);
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
            if (json.TokenType != JsonTokenType.EndObject || inputLength == 0)
            {
                return false;
            }
            if (removed)
            {
                return true;
            }
            if (!hasTool || !hasOptions || !hasOutputs)
            {
                return false;
            }
            if (keepEntry)
            {
                // A digest that does not parse matches nothing: that input is converted again.
                Sha256Digest.TryParse(sha, out var digest);
                entry = new ManifestEntry(digest, tool!, options!, outputs!.ToArray());
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The string token's text copied into <paramref name="buffer"/> (a null token is empty); its length.</summary>
    private static int CopyString(ref Utf8JsonReader json, ref char[] buffer)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return 0;
        }
        // Unescaped UTF-16 is never longer than the token's UTF-8 bytes.
        var most = json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;
        if (buffer.Length < most)
        {
            buffer = new char[Math.Max(most, buffer.Length * 2)];
        }
        return json.CopyString(buffer);
    }

    /// <summary>Throws as <see cref="Utf8JsonReader.GetString"/> would for a token that is not a string (or null, when allowed); makes no string.</summary>
    private static string? CheckString(ref Utf8JsonReader json, bool allowNull) =>
        json.TokenType == JsonTokenType.String || (allowNull && json.TokenType == JsonTokenType.Null)
            ? null
            : throw new InvalidOperationException("not a string");

    private static string Shared(ref Utf8JsonReader json, ref string? last)
    {
        // The tool and the options are always written as strings: anything else is damage, whichever string came before.
        CheckString(ref json, allowNull: false);
        var cached = Volatile.Read(ref last);
        if (cached is not null && json.ValueTextEquals(cached))
        {
            return cached;
        }
        var value = string.Intern(json.GetString()!);
        Volatile.Write(ref last, value);
        return value;
    }
}
