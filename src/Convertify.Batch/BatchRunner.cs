using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Convertify.Batch.Incremental;
using Convertify.Batch.Indexes;
using Convertify.Batch.Output;
using Convertify.Batch.Sources;
using Convertify.Batch.Spill;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch;

/// <summary>
/// Converts a whole archive: <see cref="BatchOptions.Jobs"/> workers take the source's entries in order, one at a time
/// (memory does not grow with the number of outputs; only a small summary per input is kept for the report), every
/// file is written atomically, a manifest makes re-runs incremental, and the report accounts for every input found,
/// even when the run is cancelled.
/// </summary>
public sealed class BatchRunner
{
    private static readonly TimeSpan ManifestSaveInterval = TimeSpan.FromSeconds(1);
    private readonly Converter _converter;

    /// <summary>Creates a runner over the converter's registered reader and writers.</summary>
    public BatchRunner(Converter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        _converter = converter;
    }

    /// <summary>The tool version recorded in reports and manifests (the informational version of this assembly).</summary>
    public static string ToolVersion { get; } =
        typeof(BatchRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BatchRunner).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>Runs the batch and writes <c>convertify-report.json</c> into the output folder (also when cancelled).</summary>
    /// <param name="input">A folder, a glob, a .md, .zip, .tar, .tar.gz or .tgz file.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="progress">Receives a snapshot after each input; may be called from several threads.</param>
    /// <param name="cancellationToken">Stops the run cleanly: inputs not processed are reported as cancelled.</param>
    /// <exception cref="BatchUsageException">The input does not exist, a format is unknown, or the options are invalid.</exception>
    public async Task<BatchReport> RunAsync(string input, BatchOptions options, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var plan = Plan(options);
        var outputDirectory = Path.GetFullPath(options.OutputDirectory);
        using var source = ArchiveSource.Open(input, exclude: outputDirectory);
        if (source is FolderSource folder && IsSameOrInside(folder.Description, outputDirectory))
        {
            throw new BatchUsageException($"the output folder {outputDirectory} holds the input {folder.Description}: outputs could overwrite inputs; choose another --out");
        }
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BatchUsageException($"cannot create the output folder {outputDirectory}: {e.Message}");
        }
        TemporaryFiles.Clean(outputDirectory);

        var run = new Run(this, input, options, plan, outputDirectory, progress, cancellationToken);
        return await run.ExecuteAsync(source).ConfigureAwait(false);
    }

    private WriterPlan Plan(BatchOptions options)
    {
        if (options.Formats.Count == 0)
        {
            throw new BatchUsageException("no output format: use --to md,docx,xlsx");
        }
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new BatchUsageException("no output folder: use --out <dir>");
        }
        if (options.Since is { } since && options.Until is { } until && since > until)
        {
            throw new BatchUsageException($"--since {since:yyyy-MM-dd} is after --until {until:yyyy-MM-dd}");
        }
        var writers = new List<IArticleWriter>();
        ICatalogWriter? catalogWriter = null;
        foreach (var name in options.Formats.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var writer = _converter.Registry.FindWriter(name);
            var catalog = writer is null ? _converter.Registry.FindCatalogWriter(name) : null;
            if (writer is not null)
            {
                if (!writers.Any(w => w.Format.Name == writer.Format.Name))
                {
                    writers.Add(writer);
                }
            }
            else if (catalog is not null)
            {
                if (catalogWriter is not null && catalogWriter.Format.Name != catalog.Format.Name)
                {
                    throw new BatchUsageException($"only one catalogue format per run: {catalogWriter.Format.Name} and {catalog.Format.Name}");
                }
                catalogWriter = catalog;
            }
            else
            {
                throw new BatchUsageException($"unknown format '{name}'; known: {string.Join(", ", _converter.Registry.WriterNames)}");
            }
        }
        writers.Sort((a, b) => string.CompareOrdinal(a.Format.Name, b.Format.Name));
        if (writers.Select(w => w.Format.Extension).Distinct(StringComparer.OrdinalIgnoreCase).Count() != writers.Count)
        {
            throw new BatchUsageException("two formats share a file extension; their outputs would overwrite each other");
        }
        var optionsText = string.Join(';', writers.Select(w => $"{w.Format.Name}={w.Format.Extension}={w.GetType().FullName}"));
        var optionsHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(optionsText)))[..16];
        return new WriterPlan(writers, [.. writers.Select(w => w.Format.Extension)], catalogWriter, optionsHash);
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path == trimmed || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private sealed record WriterPlan(IReadOnlyList<IArticleWriter> Writers, string[] Extensions, ICatalogWriter? CatalogWriter, string OptionsHash);

    private sealed record WorkItem(int Index, ArchiveEntry Entry, ManifestEntry? Previous);

    /// <summary>The state of one run.</summary>
    private sealed class Run
    {
        private readonly BatchRunner _runner;
        private readonly string _input;
        private readonly BatchOptions _options;
        private readonly WriterPlan _plan;
        private readonly string _out;
        private readonly IProgress<BatchProgress>? _progress;
        private readonly CancellationToken _userToken;
        private readonly CancellationTokenSource _stop;
        private BatchManifest _manifest = null!;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly OutputWriter _files = new();
        // What the run learns of each input waits in scratch files for the report, so memory does not grow with the archive.
        private readonly Lock _sourceGate = new();
        private readonly string?[] _scratch;
        private readonly RecordSpool _paths;
        private readonly RecordSpool _results;
        private readonly ThreadLocal<RecordWriter> _recordWriters = new(() => new RecordWriter());
        private HashSet<UInt128>? _seen;
        private string? _lastPath;
        private bool _inPathOrder = true;
        private int _foundCount;
        private readonly ConcurrentBag<ListIndexEntry> _listEntries = [];
        private int? _total;
        private int _done, _converted, _unchanged, _skipped, _failed;
        private volatile bool _failFastTriggered;
        private CatalogFeeder? _catalog;
        private IEnumerator<ArchiveEntry>? _cursor;
        private string? _sourceDescription;
        private bool _sourceDone;

        public Run(BatchRunner runner, string input, BatchOptions options, WriterPlan plan, string outputDirectory,
            IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
        {
            _runner = runner;
            _input = input;
            _options = options;
            _plan = plan;
            _out = outputDirectory;
            _progress = progress;
            _userToken = cancellationToken;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // The system's temporary folder first; the output folder, which the run can write, where there is none.
            _scratch = [Path.GetTempPath(), outputDirectory];
            _paths = new RecordSpool(_scratch);
            _results = new RecordSpool(_scratch);
        }

        public async Task<BatchReport> ExecuteAsync(IArchiveSource source)
        {
            using var stop = _stop;
            using var paths = _paths;
            using var resultRecords = _results;
            using var recordWriters = _recordWriters;
            var known = source.KnownPaths;
            _total = known?.Count;
            // Folders, globs and zip files give their entries in path order: a repeated path would be the one just seen,
            // and the manifest is streamed, not held. A tar's come in any order: the paths seen are remembered by a 128-bit
            // hash (~30 bytes each instead of ~100), and the manifest is held.
            _seen = known is null ? [] : null;
            _manifest = BatchManifest.Load(_out, inPathOrder: known is not null);
            var jobs = Math.Max(1, _options.EffectiveJobs);
            if (_plan.CatalogWriter is { } catalogWriter)
            {
                // Folders, globs and zip files yield entries in path order: rows can stream into the sink.
                _catalog = new CatalogFeeder(catalogWriter, _out, ordered: known is not null);
            }
            using var catalog = _catalog;
            using var cursor = source.Entries(_stop.Token).GetEnumerator();
            _cursor = cursor;
            _sourceDescription = source.Description;
            var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(ConsumeAsync)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);

            var stopped = _stop.IsCancellationRequested;
            if (stopped && known is not null)
            {
                // Inputs no worker took still count as found.
                lock (_sourceGate)
                {
                    for (var i = _foundCount; i < known.Count; i++)
                    {
                        AddFound(known[i]);
                    }
                }
            }
            // The manifest holds what the workers recorded and nothing computed below: it is written on the other core meanwhile.
            var manifestSaved = Task.Run(_manifest.Save);
            var notProcessed = _userToken.IsCancellationRequested
                ? "cancelled: not processed"
                : _failFastTriggered ? "not processed: --fail-fast stopped the run after a failure" : "not processed";
            using var assembler = new ReportAssembler(_paths, _results, _foundCount, _inPathOrder, _plan.Extensions, notProcessed,
                [.. _listEntries], _scratch);
            var (results, duplicates, totals) = assembler.Assemble();
            Debug.Assert(stopped || totals.Cancelled == 0);

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
                    if (_catalog.Complete(results.Where(r => r.Status == BatchStatus.Failed)))
                    {
                        catalogPath = _catalog.FileName;
                    }
                    else
                    {
                        catalogError = _catalog.Error;
                    }
                }
            }
            await manifestSaved.ConfigureAwait(false);

            var report = new BatchReport(_input, _options, ToolVersion, results, duplicates, catalogPath, _userToken.IsCancellationRequested, _clock.Elapsed)
            {
                CatalogError = catalogError,
                OutputDirectory = _out,
                KnownTotals = totals,
            };
            AtomicFile.Write(Path.Combine(_out, BatchReport.FileName), stream => ReportJsonWriter.Write(report, stream));
            Report("done");
            return report;
        }

        /// <summary>
        /// The next input, taken from the source by whichever worker is free (no producer thread and no channel: on
        /// two cores the hand-over between threads cost more than the lock); null when the source is done or the run stops.
        /// </summary>
        private WorkItem? Next()
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
                    var failed = AddFound(sourcePath);
                    var broken = new BatchInputResult(sourcePath, BatchStatus.Failed,
                        $"reading the input stopped ({e.GetType().Name}): {e.Message}");
                    Record(failed, broken, null);
                    Count(broken);
                    return null;
                }
                var previousPath = _lastPath;
                var index = AddFound(entry.RelativePath);
                var duplicateName = entry.IsUsable &&
                                    (_seen is null
                                        ? previousPath == entry.RelativePath
                                        : !_seen.Add(Sha256Digest.Of(System.Runtime.InteropServices.MemoryMarshal.AsBytes(entry.RelativePath.AsSpan())).High));
                return duplicateName
                    ? new WorkItem(index, ArchiveEntry.Refused(entry.RelativePath, "the archive holds this path more than once; only the first is converted"), null)
                    : new WorkItem(index, entry, _manifest.Previous(entry.RelativePath));
            }
        }

        /// <summary>Numbers a found input (under the source's lock) and notes whether the inputs still come in path order.</summary>
        private int AddFound(string path)
        {
            if (_lastPath is not null && string.CompareOrdinal(_lastPath, path) > 0)
            {
                _inPathOrder = false;
            }
            _lastPath = path;
            _paths.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(path.AsSpan()));
            return _foundCount++;
        }

        private void Record(int index, BatchInputResult result, ArticleSummary? summary) =>
            _results.Write(index, InputRecord.Write(_recordWriters.Value!, result, summary));

        private async Task ConsumeAsync()
        {
            try
            {
                while (Next() is { } item)
                {
                    var (result, article, files) = await ProcessAsync(item.Entry, item.Previous).ConfigureAwait(false);
                    if (result is null)
                    {
                        continue;
                    }
                    _catalog?.Offer(item.Index, result.Path, article, files);
                    Record(item.Index, result, article is null ? null : Summary(result.Path, article));
                    Count(result);
                    if (result.Status == BatchStatus.Failed && _options.FailFast)
                    {
                        _failFastTriggered = true;
                        await _stop.CancelAsync().ConfigureAwait(false);
                    }
                    Report(result.Path);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        /// <summary>Processes one entry; null when the run was stopped in the middle of it.</summary>
        private async Task<(BatchInputResult? Result, Article? Article, IReadOnlyDictionary<string, string>? Files)> ProcessAsync(ArchiveEntry entry, ManifestEntry? previous)
        {
            Article? article = null;
            Dictionary<string, string>? exported = null;
            var result = await ProcessAsync(entry, previous, a => article = a, f => exported = f).ConfigureAwait(false);
            return result is { Status: BatchStatus.Converted or BatchStatus.Unchanged } ? (result, article, exported) : (result, null, null);
        }

        private async Task<BatchInputResult?> ProcessAsync(ArchiveEntry entry, ManifestEntry? previous, Action<Article> keepArticle, Action<Dictionary<string, string>> keepFiles)
        {
            var path = entry.RelativePath;
            if (!entry.IsUsable)
            {
                return new BatchInputResult(path, BatchStatus.Failed, entry.Error);
            }
            if (_options.Shard is { } shard && !shard.Contains(path))
            {
                return new BatchInputResult(path, BatchStatus.Skipped, $"not in shard {shard}");
            }
            ArticleInput input;
            try
            {
                input = await entry.LoadAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (ArticleFormatException e)
            {
                return new BatchInputResult(path, BatchStatus.Failed, e.Detail);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return null;
            }
            if (path.StartsWith("lists/", StringComparison.Ordinal))
            {
                var entries = ListIndex.Parse(path, input.Content.Span);
                foreach (var listEntry in entries)
                {
                    _listEntries.Add(listEntry);
                }
                return new BatchInputResult(path, BatchStatus.Skipped,
                    string.Create(CultureInfo.InvariantCulture, $"archive index page ({entries.Count} entries), used to cross-check titles and dates"));
            }

            Article article;
            try
            {
                article = _runner._converter.Read(input);
            }
            catch (ArticleFormatException e)
            {
                return new BatchInputResult(path, BatchStatus.Failed, e.Detail);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return new BatchInputResult(path, BatchStatus.Failed, $"reader error ({e.GetType().Name}): {e.Message}");
            }
            var metadata = article.Metadata;
            var filtered = FilterReason(path, article);
            if (filtered is not null)
            {
                return new BatchInputResult(path, BatchStatus.Skipped, filtered, metadata.Id);
            }

            // The names are made once here for the work; the run keeps only the OutputNames, which makes them again on demand.
            var outputNames = new OutputNames(path, _plan.Extensions);
            var outputs = outputNames.ToArray();
            foreach (var output in outputs)
            {
                if (!IsInsideOutput(output))
                {
                    return new BatchInputResult(path, BatchStatus.Failed, $"output path '{output}' would leave the output folder");
                }
            }
            var sha = Sha256Digest.Of(input.Content.Span);
            var manifestEntry = new ManifestEntry(sha, ToolVersion, _plan.OptionsHash, outputNames);
            var warnings = article.Warnings.Select(w => w.ToString()).ToList();
            var exported = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < outputs.Length; i++)
            {
                exported[_plan.Writers[i].Format.Name] = outputs[i];
            }

            BatchStatus status;
            if (!_options.Force && BatchManifest.IsUnchanged(previous, manifestEntry, _out))
            {
                status = BatchStatus.Unchanged;
            }
            else
            {
                if (previous is not null)
                {
                    _manifest.Remove(path);
                }
                for (var i = 0; i < outputs.Length; i++)
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return null;
                    }
                    var writer = _plan.Writers[i];
                    try
                    {
                        _files.Write(Path.Combine(_out, outputs[i]), writer, article);
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                    {
                        _manifest.SaveIfDue(ManifestSaveInterval);
                        return new BatchInputResult(path, BatchStatus.Failed, $"{writer.Format.Name} writer failed ({e.GetType().Name}): {e.Message}", metadata.Id);
                    }
                }
                _manifest.Set(path, manifestEntry);
                status = BatchStatus.Converted;
            }
            _manifest.SaveIfDue(ManifestSaveInterval);
            keepArticle(article);
            keepFiles(exported);
            return new BatchInputResult(path, status, status == BatchStatus.Unchanged ? "unchanged since the last run" : null,
                metadata.Id, outputNames, warnings.Count > 0 ? warnings : null);
        }

        private static ArticleSummary Summary(string path, Article article)
        {
            var metadata = article.Metadata;
            return new ArticleSummary(path, metadata.Title, metadata.OriginalUrl, ArticleSummary.HashKey(article.Statistics.ContentHash),
                metadata.Published.Value, metadata.FeedTime);
        }

        private string? FilterReason(string path, Article article)
        {
            var metadata = article.Metadata;
            if (_options.Sites.Count > 0)
            {
                var segments = path.Split('/');
                var folder = segments.Length >= 3 && segments[0] == "articles" ? segments[1] : null;
                if (!_options.Sites.Any(s => string.Equals(s, metadata.Site.Code, StringComparison.OrdinalIgnoreCase) ||
                                             string.Equals(s, folder, StringComparison.OrdinalIgnoreCase)))
                {
                    return $"filter: site '{metadata.Site.Code}' not in --site {string.Join(',', _options.Sites)}";
                }
            }
            if (_options.Languages.Count > 0 &&
                !_options.Languages.Any(l => string.Equals(l, metadata.Language, StringComparison.OrdinalIgnoreCase) ||
                                             metadata.Language.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase)))
            {
                return $"filter: language '{metadata.Language}' not in --lang {string.Join(',', _options.Languages)}";
            }
            var day = DateOnly.FromDateTime(metadata.Published.Value.DateTime);
            if (_options.Since is { } since && day < since)
            {
                return string.Create(CultureInfo.InvariantCulture, $"filter: published {day:yyyy-MM-dd}, before --since {since:yyyy-MM-dd}");
            }
            if (_options.Until is { } until && day > until)
            {
                return string.Create(CultureInfo.InvariantCulture, $"filter: published {day:yyyy-MM-dd}, after --until {until:yyyy-MM-dd}");
            }
            return null;
        }

        private bool IsInsideOutput(string relative)
        {
            var full = Path.GetFullPath(Path.Combine(_out, relative));
            return full.StartsWith(_out + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }

        private void Count(BatchInputResult result)
        {
            Interlocked.Increment(ref _done);
            switch (result.Status)
            {
                case BatchStatus.Converted: Interlocked.Increment(ref _converted); break;
                case BatchStatus.Unchanged: Interlocked.Increment(ref _unchanged); break;
                case BatchStatus.Skipped: Interlocked.Increment(ref _skipped); break;
                case BatchStatus.Failed: Interlocked.Increment(ref _failed); break;
            }
        }

        private void Report(string current) =>
            _progress?.Report(new BatchProgress(Volatile.Read(ref _done), _total, Volatile.Read(ref _converted), Volatile.Read(ref _unchanged),
                Volatile.Read(ref _skipped), Volatile.Read(ref _failed), _clock.Elapsed, current));
    }
}
