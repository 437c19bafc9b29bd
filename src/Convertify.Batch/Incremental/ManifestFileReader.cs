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
    private readonly bool _entries;
    private char[] _input = new char[256];
    private char[] _next = new char[256];
    private int _inputLength = -1;
    private string? _inputString;
    private ManifestEntry? _entry;

    private ManifestFileReader(LineReader lines, bool entries)
    {
        _lines = lines;
        _entries = entries;
    }

    /// <summary>The input of the line the reader is on.</summary>
    public string Input => _inputString ??= new string(InputSpan);

    /// <summary>The input of the line the reader is on, valid until the next <see cref="MoveNext"/> (no string is made).</summary>
    public ReadOnlySpan<char> InputSpan =>
        _inputLength >= 0 ? _input.AsSpan(0, _inputLength) : throw new InvalidOperationException("the reader is not on a line");

    /// <summary>The entry of the line the reader is on (when the reader was opened to read entries).</summary>
    public ManifestEntry Entry => _entry ?? throw new InvalidOperationException("the reader is not on a line or reads no entries");

    /// <summary>The line the reader is on; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Line => _lines.Current;

    /// <summary>A reader of <paramref name="path"/>; null when it is missing, unreadable or of another version.</summary>
    /// <param name="path">The manifest file.</param>
    /// <param name="entries">Whether to make each line's <see cref="Entry"/> (the lines are checked either way).</param>
    public static ManifestFileReader? Open(string path, bool entries = true)
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
                return new ManifestFileReader(lines, entries);
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
            if (ManifestLine.TryRead(_lines.Current, _entries, ref _next, out var length, out var entry, out var removed) && !removed &&
                (_inputLength < 0 || _next.AsSpan(0, length).SequenceCompareTo(InputSpan) > 0))
            {
                (_input, _next) = (_next, _input);
                _inputLength = length;
                _inputString = null;
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
