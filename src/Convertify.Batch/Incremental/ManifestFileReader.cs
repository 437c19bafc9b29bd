using System.Text.Json;

namespace Convertify.Batch.Incremental;

/// <summary>
/// Streams a manifest file (<c>{"version":2}</c>, then one line per input sorted by path) forward. Lines that are
/// damaged, without an entry or not in strictly ascending ordinal order are skipped, so what it gives is always sorted and unique: a merge
/// join over it stays correct, and a skipped input is only converted again.
/// </summary>
internal sealed class ManifestFileReader : IDisposable
{
    private const int Version = 2;
    private readonly LineReader _lines;
    private string? _input;
    private ManifestEntry? _entry;

    private ManifestFileReader(LineReader lines) => _lines = lines;

    /// <summary>The input of the line the reader is on.</summary>
    public string Input => _input ?? throw new InvalidOperationException("the reader is not on a line");

    /// <summary>The entry of the line the reader is on.</summary>
    public ManifestEntry Entry => _entry ?? throw new InvalidOperationException("the reader is not on a line");

    /// <summary>The line the reader is on; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Line => _lines.Current;

    /// <summary>A reader of <paramref name="path"/>; null when it is missing, unreadable or of another version.</summary>
    public static ManifestFileReader? Open(string path)
    {
        FileStream stream;
        try
        {
            // Others may replace the file while it is read (a manifest being saved): the reader keeps the old one.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var lines = new LineReader(stream);
        try
        {
            if (lines.MoveNext() && IsHeader(lines.Current))
            {
                return new ManifestFileReader(lines);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        lines.Dispose();
        return null;
    }

    /// <summary>Writes the header line.</summary>
    public static void WriteHeader(Stream stream)
    {
        stream.Write("{\"version\":2}\n"u8);
    }

    /// <summary>Moves to the next usable line; false at the end.</summary>
    public bool MoveNext()
    {
        while (_lines.MoveNext())
        {
            if (ManifestLine.TryRead(_lines.Current, out var input, out var entry) && entry is not null &&
                (_input is null || string.CompareOrdinal(input, _input) > 0))
            {
                _input = input;
                _entry = entry;
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private static bool IsHeader(ReadOnlySpan<byte> line)
    {
        try
        {
            var json = new Utf8JsonReader(line);
            return json.Read() && json.TokenType == JsonTokenType.StartObject &&
                   json.Read() && json.TokenType == JsonTokenType.PropertyName && json.ValueTextEquals("version"u8) &&
                   json.Read() && json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var version) && version == Version;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
