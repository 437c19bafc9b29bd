using System.Buffers;
using System.Text.Json;
using Convertify.Batch.Spill;
using Convertify.Conversion;

namespace Convertify.Batch.Incremental;

/// <summary>
/// What earlier runs wrote into an output folder: per input, the SHA-256 of its bytes, the tool version, the options hash
/// and its outputs, in <c>.convertify-manifest.jsonl</c> (a <c>{"version":2}</c> line, then one JSON line per input sorted
/// by ordinal path). During a run every change is appended to a journal (<c>.convertify-manifest.journal</c>, one JSON
/// line per input, flushed about once a second); the end of the run merges the previous file with the journal sorted
/// by path (an external sort) into a new file, written atomically, and removes the journal. An entry reaches the
/// journal only after all its outputs are in place, and a torn last line is ignored, so a run killed at any moment leaves
/// a manifest and journal that never claim an output that is not complete.
/// <para>
/// Memory does not grow with the number of entries when inputs are looked up in ascending ordinal path order
/// (folders, globs, zip files): <see cref="Previous"/> walks the sorted file forward. Otherwise (tar files, whose
/// entries come in any order) the entries are read into a dictionary: the one case that grows with the archive.
/// </para>
/// </summary>
internal sealed class BatchManifest
{
    public const string FileName = ".convertify-manifest.jsonl";
    /// <summary>The version-1 manifest (one JSON object), read when no <see cref="FileName"/> exists and then deleted.</summary>
    public const string LegacyFileName = ".convertify-manifest.json";
    public const string JournalFileName = ".convertify-manifest.journal";
    internal const int DefaultSortMemoryLimit = 4 << 20;
    private const int PendingLimit = 1 << 20;
    private readonly Lock _gate = new();
    private readonly string _directory;
    private readonly string _path;
    private readonly string _journalPath;
    private readonly int _sortMemoryLimit;
    private readonly MemoryStream _pending = new();
    private readonly Utf8JsonWriter _pendingJson;
    private readonly Dictionary<string, ManifestEntry>? _entries;
    private ManifestFileReader? _cursor;
    private bool _cursorOnLine;
    private long _lastFlushTicks = Environment.TickCount64;
    private bool _journalEndChecked;
    private bool _dirty;

    private delegate void LineSink(ReadOnlySpan<byte> line);

    private BatchManifest(string directory, int sortMemoryLimit, Dictionary<string, ManifestEntry>? entries, ManifestFileReader? cursor)
    {
        _directory = directory;
        _path = Path.Combine(directory, FileName);
        _journalPath = Path.Combine(directory, JournalFileName);
        _sortMemoryLimit = sortMemoryLimit;
        _pendingJson = new Utf8JsonWriter(_pending, ManifestLine.WriterOptions);
        _entries = entries;
        _cursor = cursor;
        _cursorOnLine = cursor?.MoveNext() ?? false;
    }

    /// <summary>
    /// Loads the manifest of an output folder: a killed run's journal (or a version-1 manifest) is first merged into a new
    /// manifest file. <paramref name="inPathOrder"/>: inputs will be looked up in ascending ordinal path order, and the file
    /// is streamed; otherwise its entries are read into memory. An unreadable or missing manifest is empty.
    /// </summary>
    public static BatchManifest Load(string outputDirectory, bool inPathOrder) => Load(outputDirectory, inPathOrder, DefaultSortMemoryLimit);

    /// <summary><see cref="Load(string, bool)"/> with the memory the sort of journal lines may hold before it spills to disk.</summary>
    internal static BatchManifest Load(string outputDirectory, bool inPathOrder, int sortMemoryLimit)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var legacyPath = Path.Combine(outputDirectory, LegacyFileName);
        var journalPath = Path.Combine(outputDirectory, JournalFileName);
        var migrate = !File.Exists(path) && File.Exists(legacyPath);
        if (migrate || File.Exists(journalPath))
        {
            try
            {
                Consolidate(outputDirectory, sortMemoryLimit, migrate ? legacyPath : null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The folder cannot take a new manifest now: this run works from the old one and its journal in memory.
                var fallback = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
                try
                {
                    Merge(outputDirectory, sortMemoryLimit, migrate ? legacyPath : null, line =>
                    {
                        if (ManifestLine.TryRead(line, out var input, out var entry) && entry is not null)
                        {
                            fallback[input] = entry;
                        }
                    });
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    fallback.Clear();
                }
                return new BatchManifest(outputDirectory, sortMemoryLimit, fallback, null);
            }
        }
        if (inPathOrder)
        {
            return new BatchManifest(outputDirectory, sortMemoryLimit, null, ManifestFileReader.Open(path));
        }
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        using (var reader = ManifestFileReader.Open(path))
        {
            while (reader is not null && reader.MoveNext())
            {
                entries[reader.Input] = reader.Entry;
            }
        }
        return new BatchManifest(outputDirectory, sortMemoryLimit, entries, null);
    }

    /// <summary>
    /// The previous run's entry for an input; null when there is none. In path order, a path below one asked for
    /// before gives null (that input is converted again: correct, only not incremental).
    /// </summary>
    public ManifestEntry? Previous(string relativePath)
    {
        lock (_gate)
        {
            if (_entries is not null)
            {
                return _entries.GetValueOrDefault(relativePath);
            }
            try
            {
                while (_cursorOnLine)
                {
                    var order = _cursor!.InputSpan.SequenceCompareTo(relativePath);
                    if (order > 0)
                    {
                        return null;
                    }
                    var entry = _cursor.Entry;
                    _cursorOnLine = _cursor.MoveNext();
                    if (order == 0)
                    {
                        return entry;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The file could not be read on: the inputs after this one are converted again.
                _cursorOnLine = false;
            }
            return null;
        }
    }

    /// <summary>True when the input was converted before from the same bytes with the same tool and options, and every output still exists.</summary>
    public static bool IsUnchanged(ManifestEntry? previous, ManifestEntry current, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(current);
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
        ArgumentNullException.ThrowIfNull(entry);
        Append(relativePath, entry);
    }

    /// <summary>Forgets an input (before its outputs are rewritten, or when it failed).</summary>
    public void Remove(string relativePath) => Append(relativePath, null);

    private void Append(string relativePath, ManifestEntry? entry)
    {
        lock (_gate)
        {
            _dirty = true;
            ManifestLine.Write(_pendingJson, relativePath, entry);
            _pending.WriteByte((byte)'\n');
            if (_pending.Length >= PendingLimit)
            {
                // Lines come faster than once a second would flush them: the buffer stays small however fast the run is.
                Flush();
            }
        }
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
        lock (_gate)
        {
            Interlocked.Exchange(ref _lastFlushTicks, Environment.TickCount64);
            if (_pending.Length == 0)
            {
                return;
            }
            // Appending outside the lock would let two flushes reorder lines; flushes are rare and short.
            using var journal = new FileStream(_journalPath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            if (!_journalEndChecked)
            {
                _journalEndChecked = true;
                if (journal.Length > 0 && !EndsWithNewline(_journalPath))
                {
                    // A journal the last Load could not merge, ending in a torn line: this run's first line must not join it.
                    journal.WriteByte((byte)'\n');
                }
            }
            journal.Write(_pending.GetBuffer().AsSpan(0, (int)_pending.Length));
            _pending.SetLength(0);
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        Span<byte> last = stackalloc byte[1];
        return length == 0 || (RandomAccess.Read(handle, last, length - 1) == 1 && last[0] == (byte)'\n');
    }

    /// <summary>
    /// When something was recorded (or no manifest exists yet): flushes the journal, merges it into the manifest file
    /// (written atomically) and removes it. Memory stays bounded by the sort's limit however many entries there are.
    /// </summary>
    public void Save()
    {
        lock (_gate)
        {
            if (!_dirty && File.Exists(_path))
            {
                return;
            }
            Flush();
            _cursor?.Dispose();
            _cursor = null;
            _cursorOnLine = false;
            Consolidate(_directory, _sortMemoryLimit, null);
            _dirty = false;
        }
    }

    /// <summary>The manifest file and the journal (and a version-1 manifest to migrate) merged into a new manifest file; the journal and the old file then removed.</summary>
    private static void Consolidate(string directory, int sortMemoryLimit, string? legacyPath)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.Write(path, stream =>
        {
            ManifestFileReader.WriteHeader(stream);
            Merge(directory, sortMemoryLimit, legacyPath, line =>
            {
                stream.Write(line);
                stream.WriteByte((byte)'\n');
            });
        });
        foreach (var done in (ReadOnlySpan<string?>)[Path.Combine(directory, JournalFileName), legacyPath])
        {
            try
            {
                if (done is not null)
                {
                    File.Delete(done);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Merging the journal again next time gives the same entries; a version-1 file is ignored once a new one exists.
            }
        }
    }

    /// <summary>
    /// Gives the lines of the merged manifest in order: the previous manifest file (or a version-1 manifest) streamed,
    /// joined with the journal's lines sorted by path (stable, so the last line for a path wins; a removal drops it).
    /// </summary>
    private static void Merge(string directory, int sortMemoryLimit, string? legacyPath, LineSink sink)
    {
        using var sorter = new ExternalSorter(CompareKeys, sortMemoryLimit, Path.GetTempPath(), directory);
        var scratch = new RecordWriter();
        if (legacyPath is not null)
        {
            AddLegacy(sorter, scratch, legacyPath);
        }
        AddJournal(sorter, scratch, Path.Combine(directory, JournalFileName));
        using var previous = legacyPath is null ? ManifestFileReader.Open(Path.Combine(directory, FileName), entries: false) : null;
        using var changes = sorter.Sort();
        var onPrevious = previous?.MoveNext() ?? false;
        var onChange = changes.MoveNext();
        var latest = new ArrayBufferWriter<byte>(1024);
        while (onPrevious || onChange)
        {
            var order = !onChange ? -1 : !onPrevious ? 1 : previous!.InputSpan.SequenceCompareTo(Key(changes.Current));
            if (order < 0)
            {
                sink(previous!.Line);
                onPrevious = previous.MoveNext();
                continue;
            }
            // The last of the changes to this path wins; the cursor's record is only valid until it moves, so it is copied.
            latest.ResetWrittenCount();
            latest.Write(changes.Current);
            while ((onChange = changes.MoveNext()) && Key(changes.Current).SequenceEqual(Key(latest.WrittenSpan)))
            {
                latest.ResetWrittenCount();
                latest.Write(changes.Current);
            }
            if (order == 0)
            {
                onPrevious = previous!.MoveNext();
            }
            var line = Line(latest.WrittenSpan);
            if (!line.IsEmpty)
            {
                sink(line);
            }
        }
    }

    private static void AddJournal(ExternalSorter sorter, RecordWriter scratch, string journalPath)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return;
        }
        using var lines = new LineReader(stream);
        var input = new char[256];
        while (lines.MoveNext())
        {
            // A line the killed run did not finish, or damage: that input is simply converted again.
            if (ManifestLine.TryRead(lines.Current, keepEntry: false, ref input, out var length, out _, out var removed))
            {
                AddRecord(sorter, scratch, input.AsSpan(0, length), removed ? default : lines.Current);
            }
        }
    }

    private static void AddLegacy(ExternalSorter sorter, RecordWriter scratch, string legacyPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(legacyPath));
        }
        catch (JsonException)
        {
            return;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            var line = new ArrayBufferWriter<byte>(1024);
            using var json = new Utf8JsonWriter(line, ManifestLine.WriterOptions);
            foreach (var input in inputs.EnumerateObject())
            {
                ManifestEntry entry;
                try
                {
                    var value = input.Value;
                    Sha256Digest.TryParse(value.GetProperty("sha256").GetString(), out var sha);
                    entry = new ManifestEntry(sha, value.GetProperty("tool").GetString() ?? "", value.GetProperty("options").GetString() ?? "",
                        [.. value.GetProperty("outputs").EnumerateArray().Select(o => o.GetString() ?? "")]);
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
                {
                    continue;
                }
                line.ResetWrittenCount();
                ManifestLine.Write(json, input.Name, entry);
                AddRecord(sorter, scratch, input.Name, line.WrittenSpan);
            }
        }
    }

    /// <summary>A sort record: the path as UTF-16 (so that the order is <see cref="string.CompareOrdinal(string, string)"/>'s), then the line (empty: a removal).</summary>
    private static void AddRecord(ExternalSorter sorter, RecordWriter scratch, ReadOnlySpan<char> input, ReadOnlySpan<byte> line)
    {
        scratch.Clear().String(input);
        scratch.Bytes(line);
        sorter.Add(scratch.Written);
    }

    private static ReadOnlySpan<char> Key(ReadOnlySpan<byte> record) => new RecordReader(record).StringSpan();

    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> record)
    {
        var reader = new RecordReader(record);
        reader.StringSpan();
        return reader.Remaining;
    }

    private static int CompareKeys(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => Key(x).SequenceCompareTo(Key(y));
}
