using System.Text;
using System.Text.Json;
using Convertify.Conversion;

namespace Convertify.Batch.Incremental;

/// <summary>
/// What earlier runs wrote into an output folder: per input, the SHA-256 of its bytes, the tool version, the options hash
/// and its outputs. During a run every change is appended to a journal (<c>.convertify-manifest.journal</c>, one JSON
/// line per input, flushed about once a second); the end of the run writes the whole manifest atomically and removes
/// the journal. An entry reaches the journal only after all its outputs are in place, and a torn last line is ignored,
/// so a run killed at any moment leaves a manifest and journal that never claim an output that is not complete, and
/// a run of many inputs costs one appended line per input instead of rewriting a large file again and again.
/// </summary>
internal sealed class BatchManifest
{
    public const string FileName = ".convertify-manifest.json";
    public const string JournalFileName = ".convertify-manifest.journal";
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<string, ManifestEntry> _entries;
    private readonly object _gate = new();
    private readonly string _path;
    private readonly string _journalPath;
    private readonly MemoryStream _pending = new();
    private long _lastFlushTicks = Environment.TickCount64;
    private bool _dirty;

    private BatchManifest(string path, Dictionary<string, ManifestEntry> entries, bool dirty)
    {
        _path = path;
        _journalPath = Path.Combine(Path.GetDirectoryName(path)!, JournalFileName);
        _entries = entries;
        _dirty = dirty;
    }

    /// <summary>Loads the manifest of an output folder and replays its journal; an unreadable or missing manifest is empty.</summary>
    public static BatchManifest Load(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(path))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                if (document.RootElement.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object)
                {
                    foreach (var input in inputs.EnumerateObject())
                    {
                        entries[input.Name] = ReadEntry(input.Value);
                    }
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            entries.Clear();
        }
        var replayed = Replay(Path.Combine(outputDirectory, JournalFileName), entries);
        return new BatchManifest(path, entries, replayed);
    }

    private static ManifestEntry ReadEntry(JsonElement value)
    {
        Sha256Digest.TryParse(value.GetProperty("sha256").GetString(), out var sha);
        // Every entry of a run names the same tool and options: one string each, not one per input.
        return new ManifestEntry(sha,
            string.Intern(value.GetProperty("tool").GetString() ?? ""),
            string.Intern(value.GetProperty("options").GetString() ?? ""),
            value.GetProperty("outputs").EnumerateArray().Select(o => o.GetString() ?? "").ToArray());
    }

    /// <summary>Applies the journal a killed run left: complete lines only; true when there was one.</summary>
    private static bool Replay(string journalPath, Dictionary<string, ManifestEntry> entries)
    {
        byte[] journal;
        try
        {
            if (!File.Exists(journalPath))
            {
                return false;
            }
            journal = File.ReadAllBytes(journalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var rest = journal.AsSpan();
        int end;
        while ((end = rest.IndexOf((byte)'\n')) >= 0)
        {
            var line = rest[..end];
            rest = rest[(end + 1)..];
            try
            {
                using var document = JsonDocument.Parse(line.ToArray());
                var root = document.RootElement;
                var input = root.GetProperty("input").GetString();
                if (string.IsNullOrEmpty(input))
                {
                    continue;
                }
                if (root.TryGetProperty("removed", out _))
                {
                    entries.Remove(input);
                }
                else
                {
                    entries[input] = ReadEntry(root);
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // A line the killed run did not finish, or damage: that input is simply converted again.
            }
        }
        return true;
    }

    /// <summary>True when the input was converted before from the same bytes with the same tool and options, and every output still exists.</summary>
    public bool IsUnchanged(string relativePath, ManifestEntry current, string outputDirectory)
    {
        ManifestEntry? previous;
        lock (_gate)
        {
            _entries.TryGetValue(relativePath, out previous);
        }
        return previous is not null &&
               previous.Sha256 == current.Sha256 &&
               previous.Tool == current.Tool &&
               previous.Options == current.Options &&
               previous.Outputs.SequenceEqual(current.Outputs, StringComparer.Ordinal) &&
               previous.Outputs.All(o => File.Exists(Path.Combine(outputDirectory, o)));
    }

    /// <summary>Records an input whose outputs are all in place.</summary>
    public void Set(string relativePath, ManifestEntry entry)
    {
        lock (_gate)
        {
            _entries[relativePath] = entry;
            _dirty = true;
            Append(relativePath, entry);
        }
    }

    /// <summary>Forgets an input (before its outputs are rewritten, or when it failed).</summary>
    public void Remove(string relativePath)
    {
        lock (_gate)
        {
            if (_entries.Remove(relativePath))
            {
                _dirty = true;
                Append(relativePath, null);
            }
        }
    }

    private void Append(string relativePath, ManifestEntry? entry)
    {
        using (var json = new Utf8JsonWriter(_pending, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("input", relativePath);
            if (entry is null)
            {
                json.WriteBoolean("removed", true);
            }
            else
            {
                WriteFields(json, entry);
            }
            json.WriteEndObject();
        }
        _pending.WriteByte((byte)'\n');
    }

    /// <summary>Appends the journal lines recorded since the last flush when <paramref name="interval"/> has passed.</summary>
    public void SaveIfDue(TimeSpan interval)
    {
        if (Environment.TickCount64 - Interlocked.Read(ref _lastFlushTicks) >= interval.TotalMilliseconds)
        {
            Flush();
        }
    }

    private void Flush()
    {
        byte[] lines;
        lock (_gate)
        {
            Interlocked.Exchange(ref _lastFlushTicks, Environment.TickCount64);
            if (_pending.Length == 0)
            {
                return;
            }
            lines = _pending.ToArray();
            _pending.SetLength(0);
            // Appending outside the lock would let two flushes reorder lines; flushes are rare and short.
            using var journal = new FileStream(_journalPath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            journal.Write(lines);
        }
    }

    /// <summary>Writes the whole manifest atomically when something changed, then removes the journal.</summary>
    public void Save()
    {
        KeyValuePair<string, ManifestEntry>[] snapshot;
        lock (_gate)
        {
            if (!_dirty && File.Exists(_path))
            {
                return;
            }
            Flush();
            snapshot = [.. _entries];
            _dirty = false;
        }
        Array.Sort(snapshot, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        AtomicFile.Write(_path, stream => WriteTo(stream, snapshot));
        try
        {
            File.Delete(_journalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Replaying it again next time gives the same entries.
        }
    }

    private static void WriteFields(Utf8JsonWriter json, ManifestEntry entry)
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

    private static void WriteTo(Stream stream, KeyValuePair<string, ManifestEntry>[] entries)
    {
        using var json = new Utf8JsonWriter(stream, JsonOptions with { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteStartObject("inputs");
        foreach (var (path, entry) in entries)
        {
            json.WriteStartObject(path);
            WriteFields(json, entry);
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
