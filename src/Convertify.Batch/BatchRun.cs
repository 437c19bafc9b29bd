using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Convertify.Batch.Faults;
using Convertify.Batch.Output;
using Convertify.Batch.Sources;
using Convertify.Batch.State;
using Convertify.Conversion;

namespace Convertify.Batch;

/// <summary>
/// One run's loop: <see cref="BatchOptions.Jobs"/> workers take the source's entries one at a time, an
/// <see cref="InputProcessor"/> does each, and the state's writer records it; at the end the report is assembled from
/// the state database and written, also when the run was stopped. The first fault of the machine's storage (disk full,
/// read-only, permission denied) stops the run: the report is still written if it can be, and the run ends with a
/// <see cref="BatchStorageException"/> that names the path and, when not even the report could be written, accounts for
/// every input in one line.
/// </summary>
internal sealed class BatchRun(Converter converter, string input, BatchOptions options, WriterPlan plan, string outputDirectory,
    IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _sourceGate = new();
    private InputProcessor _processor = null!;
    private ManifestLookup _manifest = null!;
    private ResultWriter _results = null!;
    private HashSet<UInt128>? _seen;
    private string? _lastPath;
    private int _foundCount;
    private int? _total;
    private int _done;
    // By status (BatchTotals.Slot), the rows the state's writer took: the live progress, and once the writer has
    // committed them all, the report's totals.
    private readonly int[] _counts = new int[BatchTotals.CountSlots];
    private readonly int[] _filtered = new int[Enum.GetValues<BatchFilter>().Length];
    private volatile bool _failFastTriggered;
    private CatalogFeeder? _catalog;
    private IEnumerator<ArchiveEntry>? _cursor;
    private string? _sourceDescription;
    private bool _sourceDone;
    private StorageFailure? _fault;

    public async Task<BatchReport> ExecuteAsync(IArchiveSource source)
    {
        using var stop = _stop;
        _processor = new InputProcessor(converter, options, plan, outputDirectory, _stop.Token, OnStorageFault);
        var databasePath = StateDatabase.PathIn(outputDirectory);
        using var database = OpenState(databasePath);
        using var manifest = _manifest = new ManifestLookup(databasePath);
        await using var results = _results = new ResultWriter(database);
        var known = source.KnownPaths;
        _total = known?.Count;
        // Folders, globs and zip files give their entries in path order: a repeated path would be the one just seen. A
        // tar's come in any order: the paths seen are remembered by a 128-bit hash.
        _seen = known is null ? [] : null;
        if (plan.CatalogWriter is { } catalogWriter)
        {
            // In path order, rows can stream into the sink.
            _catalog = new CatalogFeeder(catalogWriter, outputDirectory, ordered: known is not null);
        }
        using var catalog = _catalog;
        using var cursor = source.Entries(_stop.Token).GetEnumerator();
        _cursor = cursor;
        _sourceDescription = source.Description;
        var jobs = Math.Max(1, options.EffectiveJobs);
        await Task.WhenAll(Enumerable.Range(0, jobs).Select(_ => Task.Run(ConsumeAsync))).ConfigureAwait(false);

        var stopped = _stop.IsCancellationRequested;
        try
        {
            if (stopped && known is not null)
            {
                // Inputs no worker took still count as found (read in order: a folder's list is read in chunks).
                var seq = _foundCount;
                foreach (var path in known.Skip(_foundCount))
                {
                    await Record(new InputRow(seq++, new BatchInputResult(path, BatchStatus.Cancelled))).ConfigureAwait(false);
                }
            }
            await _results.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFault.Classify(e) is { } problem)
        {
            // The state lost this run's last rows: the report cannot be made from it. The manifest keeps what it had.
            OnStorageFault(databasePath, problem);
            throw Stopped(null, known?.Count, e);
        }
        try
        {
            return WriteReport(database, databasePath, stopped);
        }
        catch (Exception e) when (StorageFault.Classify(e) is { } problem)
        {
            OnStorageFault(Path.Combine(outputDirectory, BatchReport.FileName), problem);
            throw Stopped(null, known?.Count, e);
        }
    }

    private BatchReport WriteReport(Microsoft.Data.Sqlite.SqliteConnection database, string databasePath, bool stopped)
    {
        var notProcessed = cancellationToken.IsCancellationRequested
            ? "cancelled: not processed"
            : _failFastTriggered ? "not processed: --fail-fast stopped the run after a failure"
            : _fault is { } fault ? $"not reached: the run stopped at {fault.Path}: {StorageFault.Describe(fault.Problem)}"
            : "not processed";
        var totals = BatchTotals.Of(_counts);
        var groups = ReportAssembler.Assemble(database, totals, notProcessed, converter.IndexPages);
        Debug.Assert(stopped || totals.Cancelled == 0);
        var inputs = new StoredInputs(databasePath, totals.Found, plan.Extensions);

        string? catalogPath = null;
        string? catalogError = null;
        if (_catalog is not null)
        {
            if (stopped)
            {
                catalogError = "the run stopped early; the catalogue was not rebuilt";
            }
            else
            {
                Report("writing the catalogue");
                if (_catalog.Complete(inputs.Failed()))
                {
                    catalogPath = _catalog.FileName;
                }
                else
                {
                    catalogError = _catalog.Error;
                }
            }
        }
        var report = new BatchReport(input, options, BatchRunner.ToolVersion, inputs, new StoredDuplicates(databasePath, groups), catalogPath,
            cancellationToken.IsCancellationRequested, _clock.Elapsed)
        {
            CatalogError = catalogError,
            OutputDirectory = outputDirectory,
            KnownTotals = totals,
            FilteredOut = FilteredOut(),
            SelectedNotFound = SelectedNotFound(stopped),
        };
        AtomicFile.Write(Path.Combine(outputDirectory, BatchReport.FileName), stream => ReportJsonWriter.Write(report, stream));
        Report("done");
        return _fault is null ? report : throw Stopped(report, totals.Found, null);
    }

    /// <summary>Opens the state; a storage fault names the database.</summary>
    private Microsoft.Data.Sqlite.SqliteConnection OpenState(string databasePath)
    {
        Microsoft.Data.Sqlite.SqliteConnection? database = null;
        try
        {
            database = StateDatabase.OpenForRun(outputDirectory);
            LegacyManifest.Migrate(database, outputDirectory);
            return database;
        }
        catch (Exception e) when (StorageFault.Classify(e) is { } problem)
        {
            database?.Dispose();
            throw new BatchStorageException(databasePath, StorageFault.Describe(StorageFault.Refine(problem, databasePath)), innerException: e);
        }
    }

    /// <summary>Records the run's first storage fault and stops the run.</summary>
    private void OnStorageFault(string path, StorageProblem problem)
    {
        if (Interlocked.CompareExchange(ref _fault, new StorageFailure(path, StorageFault.Refine(problem, path)), null) is null)
        {
            _stop.Cancel();
        }
    }

    /// <summary>
    /// The error that ends a run stopped by a storage fault, with its report, or without one a line that accounts for every
    /// input found; the temporary files the fault left are removed first.
    /// </summary>
    private BatchStorageException Stopped(BatchReport? report, int? knownCount, Exception? cause)
    {
        TemporaryFiles.Clean(Path.Combine(outputDirectory, StateDatabase.FolderName, OutputWriter.TemporaryFolderName));
        var fault = _fault!;
        string? accounting = null;
        if (report is null)
        {
            var found = knownCount ?? _foundCount;
            var reached = Volatile.Read(ref _done);
            var t = Counted();
            accounting = string.Create(CultureInfo.InvariantCulture,
                $"the report could not be written; of {found} inputs found: {t.Converted} converted, {t.Unchanged} unchanged, {t.Skipped} skipped, " +
                $"{t.Failed} failed, {found - reached} not reached");
            if (knownCount is null && !_sourceDone)
            {
                accounting += " (and the rest of the source not read)";
            }
        }
        return new BatchStorageException(fault.Path, StorageFault.Describe(fault.Problem), report, accounting, cause);
    }

    /// <summary>The first storage fault of the run: the path that could not be written, and why.</summary>
    private sealed record StorageFailure(string Path, StorageProblem Problem);

    /// <summary>
    /// The next input and its number, taken from the source by whichever worker is free (no producer thread: on two
    /// cores the hand-over between threads cost more than the lock); null when the source is done or the run stops.
    /// </summary>
    private (int Seq, ArchiveEntry Entry, ManifestEntry? Previous)? Next()
    {
        lock (_sourceGate)
        {
            if (_sourceDone || _stop.IsCancellationRequested)
            {
                return null;
            }
            ArchiveEntry entry;
            try
            {
                if (!_cursor!.MoveNext())
                {
                    _sourceDone = true;
                    return null;
                }
                entry = _cursor.Current;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                _sourceDone = true;
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // The source itself broke (a folder vanished, a disk error): account for it as one failed input.
                _sourceDone = true;
                var sourcePath = EntryPath.Printable(_sourceDescription!);
                return (Found(sourcePath), ArchiveEntry.Refused(sourcePath, $"reading the input stopped ({e.GetType().Name}): {e.Message}"), null);
            }
            var previousPath = _lastPath;
            var seq = Found(entry.RelativePath);
            var repeated = entry.IsUsable && (_seen is null ? previousPath == entry.RelativePath : !_seen.Add(PathHash(entry.RelativePath)));
            return repeated
                ? (seq, ArchiveEntry.Refused(entry.RelativePath, "the archive holds this path more than once; only the first is converted"), null)
                : (seq, entry, entry.IsUsable ? _manifest.Previous(entry.RelativePath) : null);
        }
    }

    private int Found(string path)
    {
        _lastPath = path;
        return _foundCount++;
    }

    private static UInt128 PathHash(string path)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(path.AsSpan()), hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    private async Task ConsumeAsync()
    {
        try
        {
            while (Next() is { } next)
            {
                var (seq, entry, previous) = next;
                IReadOnlyList<ProcessedInput>? processed;
                try
                {
                    processed = await _processor.ProcessAsync(seq, entry, previous).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    processed = null;
                }
                // Stopped in the middle: the input counts as found and not processed.
                processed ??= [new ProcessedInput(new InputRow(seq, new BatchInputResult(entry.RelativePath, BatchStatus.Cancelled)))];
                _catalog?.Offer(seq, entry.RelativePath, [.. processed.Where(p => p.Article is not null).Select(p => (p.Article!, p.Files!))]);
                var failed = false;
                foreach (var item in processed)
                {
                    if (item.Filter is { } filter)
                    {
                        Interlocked.Increment(ref _filtered[(int)filter]);
                    }
                    await Record(item.Row).ConfigureAwait(false);
                    failed |= item.Row.Result.Status == BatchStatus.Failed;
                }
                if (processed[^1].Row.Result.Status != BatchStatus.Cancelled)
                {
                    Interlocked.Increment(ref _done);
                }
                if (failed && options.FailFast)
                {
                    _failFastTriggered = true;
                    await _stop.CancelAsync().ConfigureAwait(false);
                }
                Report(processed[^1].Row.Result.Path);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException e) when (StorageFault.Classify(e.InnerException) is { } problem)
        {
            // The state's writer failed: stop; the end of the run reports it.
            OnStorageFault(StateDatabase.PathIn(outputDirectory), problem);
        }
    }

    /// <remarks>
    /// A row is counted once the state's writer took it: when the writer has failed the hand-over throws, and the
    /// input is then one not reached, not also converted or failed (the accounting line must add up to the inputs found).
    /// </remarks>
    private async ValueTask Record(InputRow row)
    {
        await _results.AddAsync(row).ConfigureAwait(false);
        Interlocked.Increment(ref _counts[BatchTotals.Slot(row.Result.Status)]);
    }

    /// <summary>The counts so far, read while workers may still be adding to them.</summary>
    private BatchTotals Counted()
    {
        Span<int> counts = stackalloc int[BatchTotals.CountSlots];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Volatile.Read(ref _counts[i]);
        }
        return BatchTotals.Of(counts);
    }

    private BatchFilterCount[] FilteredOut() =>
        [.. Enum.GetValues<BatchFilter>().Where(f => _filtered[(int)f] > 0).Select(f => new BatchFilterCount(FilterText(f), _filtered[(int)f]))];

    /// <summary>The selected ids no input had; none when the run stopped early or converts one shard (the others hold the rest).</summary>
    private string[] SelectedNotFound(bool stopped) => options.Selection is { } selection && !stopped && options.Shard is null
        ? [.. selection.Ids.Where(id => !_processor.WasFound(id))]
        : [];

    private string FilterText(BatchFilter filter) => filter switch
    {
        BatchFilter.Site => "--site " + string.Join(',', options.Sites),
        BatchFilter.Language => "--lang " + string.Join(',', options.Languages),
        BatchFilter.Since => "--since " + options.Since!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BatchFilter.Select => "--select " + options.Selection!.Source,
        _ => "--until " + options.Until!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private void Report(string current)
    {
        if (progress is null)
        {
            return;
        }
        var t = Counted();
        progress.Report(new BatchProgress(Volatile.Read(ref _done), _total, t.Converted, t.Unchanged, t.Skipped, t.Failed, _clock.Elapsed, current));
    }
}
