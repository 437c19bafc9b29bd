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
        private readonly ConcurrentDictionary<string, string> _messages = new(StringComparer.Ordinal);
        private readonly List<string> _found = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<int, BatchInputResult> _results = new();
        private readonly ConcurrentBag<ListIndexEntry> _listEntries = [];
        private int? _total;
        private int _done, _converted, _unchanged, _skipped, _failed;
        private volatile bool _failFastTriggered;
        private CatalogFeeder? _catalog;
        private ArticleSummaryStore? _summaries;
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
        }

        public async Task<BatchReport> ExecuteAsync(IArchiveSource source)
        {
            using var stop = _stop;
            var known = source.KnownPaths;
            _total = known?.Count;
            // Folders, globs and zip files yield entries in path order: the manifest is streamed, not held.
            _manifest = BatchManifest.Load(_out, inPathOrder: known is not null);
            var jobs = Math.Max(1, _options.EffectiveJobs);
            if (_plan.CatalogWriter is { } catalogWriter)
            {
                // Folders, globs and zip files yield entries in path order: rows can stream into the sink.
                _catalog = new CatalogFeeder(catalogWriter, _out, ordered: known is not null);
            }
            using var catalog = _catalog;
            using var summaryStore = _summaries = new ArticleSummaryStore(Path.GetTempPath());
            using var cursor = source.Entries(_stop.Token).GetEnumerator();
            _cursor = cursor;
            _sourceDescription = source.Description;
            var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(ConsumeAsync)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);

            var stopped = _stop.IsCancellationRequested;
            if (stopped && known is not null)
            {
                // Inputs no worker took still count as found.
                lock (_found)
                {
                    foreach (var path in known.Skip(_found.Count))
                    {
                        _found.Add(path);
                    }
                }
            }
            // The manifest holds what the workers recorded and nothing computed below: it is written on the other core meanwhile.
            var manifestSaved = Task.Run(_manifest.Save);
            var results = CollectResults(stopped);
            var summaries = summaryStore.SortedByPath();
            CrossCheckIndexes(results, summaries);
            var duplicates = FindDuplicates(results, summaries);

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

            var report = new BatchReport(_input, _options, ToolVersion, results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList(),
                duplicates, catalogPath, _userToken.IsCancellationRequested, _clock.Elapsed)
            {
                CatalogError = catalogError,
                OutputDirectory = _out,
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
            lock (_found)
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
                    var failed = _found.Count;
                    _found.Add(EntryPath.Printable(_sourceDescription!));
                    _results[failed] = new BatchInputResult(_found[failed], BatchStatus.Failed, $"reading the input stopped ({e.GetType().Name}): {e.Message}");
                    Count(_results[failed]);
                    return null;
                }
                var index = _found.Count;
                _found.Add(entry.RelativePath);
                var duplicateName = entry.IsUsable && !_seen.Add(entry.RelativePath);
                return duplicateName
                    ? new WorkItem(index, ArchiveEntry.Refused(entry.RelativePath, "the archive holds this path more than once; only the first is converted"), null)
                    : new WorkItem(index, entry, _manifest.Previous(entry.RelativePath));
            }
        }

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
                    _results[item.Index] = result;
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
            // Kept for the report until the end of the run: the same message in many articles is kept once.
            var warnings = article.Warnings.Select(w => _messages.GetOrAdd(w.ToString(), static m => m)).ToList();
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
            _summaries!.Add(new ArticleSummary(path, metadata.Title, metadata.OriginalUrl, ArticleSummary.HashKey(article.Statistics.ContentHash), metadata.Published.Value, metadata.FeedTime));
            keepArticle(article);
            keepFiles(exported);
            return new BatchInputResult(path, status, status == BatchStatus.Unchanged ? "unchanged since the last run" : null,
                metadata.Id, outputNames, warnings.Count > 0 ? warnings : null);
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

        private List<BatchInputResult> CollectResults(bool stopped)
        {
            var reason = _userToken.IsCancellationRequested
                ? "cancelled: not processed"
                : _failFastTriggered ? "not processed: --fail-fast stopped the run after a failure" : "not processed";
            var results = new List<BatchInputResult>(_found.Count);
            lock (_found)
            {
                for (var i = 0; i < _found.Count; i++)
                {
                    results.Add(_results.TryGetValue(i, out var result) ? result : new BatchInputResult(_found[i], BatchStatus.Cancelled, reason));
                }
            }
            Debug.Assert(stopped || results.All(r => r.Status != BatchStatus.Cancelled));
            return results;
        }

        private void CrossCheckIndexes(List<BatchInputResult> results, ArticleSummaryStore.Slot[] summaries)
        {
            if (_listEntries.IsEmpty)
            {
                return;
            }
            // Only the articles an index lists are looked at: a map of every article's id cost ~0.3 KB per input at the
            // end of a run, when memory peaks.
            var listed = _listEntries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var listedIds = listed.GetAlternateLookup<ReadOnlySpan<char>>();
            var byId = new Dictionary<string, List<ArticleSummaryStore.Slot>>(StringComparer.Ordinal);
            foreach (var summary in summaries)
            {
                var idSpan = ListIndex.IdSpanOf(summary.RelativePath.AsSpan(summary.RelativePath.LastIndexOf('/') + 1));
                if (idSpan.IsEmpty || !listedIds.Contains(idSpan))
                {
                    continue;
                }
                var id = idSpan.ToString();
                if (!byId.TryGetValue(id, out var list))
                {
                    byId[id] = list = [];
                }
                list.Add(summary);
            }
            var extra = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entry in _listEntries.OrderBy(e => e.ListPath, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal))
            {
                if (!byId.TryGetValue(entry.Id, out var candidates))
                {
                    continue;
                }
                var found = candidates.Count == 1
                    ? 0
                    : candidates.FindIndex(c => c.RelativePath.Split('/') is { Length: >= 3 } s &&
                                                string.Equals(s[1], entry.Site, StringComparison.OrdinalIgnoreCase));
                if (found < 0)
                {
                    continue;
                }
                var match = _summaries!.Read(candidates[found]);
                var messages = new List<string>();
                if (!SameTitle(entry.Title, match.Title))
                {
                    messages.Add($"index {entry.ListPath} lists the title '{entry.Title}', the article says '{match.Title}'");
                }
                if (!SameDay(entry, match))
                {
                    messages.Add(string.Create(CultureInfo.InvariantCulture,
                        $"index {entry.ListPath} lists the date {entry.Month}-{entry.Day}, the article was published {match.Published:yyyy-MM-dd}"));
                }
                if (messages.Count > 0)
                {
                    if (!extra.TryGetValue(match.RelativePath, out var list))
                    {
                        extra[match.RelativePath] = list = [];
                    }
                    list.AddRange(messages);
                }
            }
            for (var i = 0; i < results.Count; i++)
            {
                if (extra.TryGetValue(results[i].Path, out var messages))
                {
                    results[i] = results[i] with { Warnings = [.. results[i].Warnings ?? [], .. messages] };
                }
            }
        }

        private static bool SameTitle(string a, string b) => Squash(a) == Squash(b);

        private static string Squash(string text)
        {
            var normalised = text.Normalize(NormalizationForm.FormKC);
            var builder = new StringBuilder(normalised.Length);
            foreach (var c in normalised)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }
            return builder.ToString();
        }

        private static bool SameDay(ListIndexEntry entry, ArticleSummary article)
        {
            // The index's day may come from the feed time or the publication time, in UTC or Beijing time.
            DateTimeOffset[] candidates =
            [
                article.Published, article.Published.ToUniversalTime(), article.Published.ToOffset(TimeSpan.FromHours(8)),
                article.FeedTime.ToUniversalTime(), article.FeedTime.ToOffset(TimeSpan.FromHours(8)),
            ];
            return candidates.Any(c => c.Month == entry.Month && c.Day == entry.Day);
        }

        private List<BatchDuplicate> FindDuplicates(List<BatchInputResult> results, ArticleSummaryStore.Slot[] summaries)
        {
            var duplicates = new List<BatchDuplicate>();
            var duplicateOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var store = _summaries!;
            // One dictionary entry per key and a list only for keys seen twice: the keys of 100,000 articles are
            // nearly all distinct, and grouping them all would hold a group per article.
            void Group<TKey>(string kind, Func<ArticleSummaryStore.Slot, TKey> key, Func<ArticleSummaryStore.Slot, bool> usable,
                Func<ArticleSummaryStore.Slot, string> label)
                where TKey : notnull
            {
                var first = new Dictionary<TKey, int>();
                var groups = new SortedDictionary<int, List<string>>();
                for (var i = 0; i < summaries.Length; i++)
                {
                    if (!usable(summaries[i]))
                    {
                        continue;
                    }
                    var k = key(summaries[i]);
                    if (first.TryAdd(k, i))
                    {
                        continue;
                    }
                    var at = first[k];
                    if (!groups.TryGetValue(at, out var paths))
                    {
                        groups[at] = paths = [summaries[at].RelativePath];
                    }
                    paths.Add(summaries[i].RelativePath);
                }
                foreach (var (at, paths) in groups)
                {
                    duplicates.Add(new BatchDuplicate(kind, label(summaries[at]), paths));
                    foreach (var later in paths.Skip(1))
                    {
                        duplicateOf.TryAdd(later, paths[0]);
                    }
                }
            }
            // URLs are grouped by a 128-bit hash and the text read back only for the groups' keys.
            Group("url", s => s.UrlHash, s => s.HasUrl, s => store.Read(s).OriginalUrl);
            Group("content", s => s.ContentKey, s => !s.ContentKey.IsEmpty, s => s.ContentKey.ToString());
            for (var i = 0; i < results.Count; i++)
            {
                if (duplicateOf.TryGetValue(results[i].Path, out var first))
                {
                    results[i] = results[i] with { DuplicateOf = first };
                }
            }
            return duplicates.OrderBy(d => d.Paths[0], StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList();
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
