using System.Text.Json;
using Convertify.Conversion;

namespace Convertify.Batch.Incremental;

/// <summary>
/// What earlier runs wrote into an output folder: per input, the SHA-256 of its bytes, the tool version, the options hash
/// and its outputs. An entry is recorded only after all its outputs are in place, and the file is replaced atomically,
/// so a run killed at any moment leaves a manifest that never claims an output that is not complete.
/// </summary>
internal sealed class BatchManifest
{
    public const string FileName = ".convertify-manifest.json";
    private readonly Dictionary<string, ManifestEntry> _entries;
    private readonly object _gate = new();
    private readonly object _saveGate = new();
    private readonly string _path;
    private long _lastSaveTicks;
    private long _lastSaveDuration;
    private bool _dirty;

    private BatchManifest(string path, Dictionary<string, ManifestEntry> entries)
    {
        _path = path;
        _entries = entries;
    }

    /// <summary>Loads the manifest of an output folder; an unreadable or missing manifest is empty.</summary>
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
                        var value = input.Value;
                        var outputs = value.GetProperty("outputs").EnumerateArray().Select(o => o.GetString() ?? "").ToArray();
                        entries[input.Name] = new ManifestEntry(
                            value.GetProperty("sha256").GetString() ?? "",
                            value.GetProperty("tool").GetString() ?? "",
                            value.GetProperty("options").GetString() ?? "",
                            outputs);
                    }
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            entries.Clear();
        }
        return new BatchManifest(path, entries);
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
        }
    }

    /// <summary>Forgets an input (before its outputs are rewritten, or when it failed).</summary>
    public void Remove(string relativePath)
    {
        lock (_gate)
        {
            _dirty |= _entries.Remove(relativePath);
        }
    }

    /// <summary>
    /// Saves when something changed and the last save is older than <paramref name="interval"/>, or than twenty times
    /// the last save's duration when that is longer: a large manifest is rewritten whole, so saving it every second
    /// would make a run of many inputs quadratic; this way saving takes at most about 5% of the run.
    /// </summary>
    public void SaveIfDue(TimeSpan interval)
    {
        var now = Environment.TickCount64;
        var wait = Math.Max(interval.TotalMilliseconds, 20 * Interlocked.Read(ref _lastSaveDuration));
        if (now - Interlocked.Read(ref _lastSaveTicks) >= wait)
        {
            Save();
        }
    }

    /// <summary>
    /// Writes the manifest atomically when something changed. The entries are copied under the lock and written
    /// outside it, so workers recording their inputs do not wait for the file.
    /// </summary>
    public void Save()
    {
        lock (_saveGate)
        {
            KeyValuePair<string, ManifestEntry>[] snapshot;
            lock (_gate)
            {
                if (!_dirty && File.Exists(_path))
                {
                    return;
                }
                snapshot = [.. _entries];
                _dirty = false;
            }
            var start = Environment.TickCount64;
            Interlocked.Exchange(ref _lastSaveTicks, start);
            try
            {
                Array.Sort(snapshot, (a, b) => string.CompareOrdinal(a.Key, b.Key));
                AtomicFile.Write(_path, stream => WriteTo(stream, snapshot));
            }
            catch
            {
                lock (_gate)
                {
                    _dirty = true;
                }
                throw;
            }
            var end = Environment.TickCount64;
            Interlocked.Exchange(ref _lastSaveTicks, end);
            Interlocked.Exchange(ref _lastSaveDuration, end - start);
        }
    }

    private static void WriteTo(Stream stream, KeyValuePair<string, ManifestEntry>[] entries)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteStartObject("inputs");
        foreach (var (path, entry) in entries)
        {
            json.WriteStartObject(path);
            json.WriteString("sha256", entry.Sha256);
            json.WriteString("tool", entry.Tool);
            json.WriteString("options", entry.Options);
            json.WriteStartArray("outputs");
            foreach (var output in entry.Outputs)
            {
                json.WriteStringValue(output);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
