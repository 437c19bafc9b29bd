using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Convertify.Batch.Faults;
using Convertify.Batch.Output;
using Convertify.Batch.Sources;
using Convertify.Batch.State;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Model;

namespace Convertify.Batch;

/// <summary>
/// Does one input of a run: reads it (or the index page it is), applies the filters and the shard, and writes its outputs
/// atomically unless an earlier run wrote them from the same bytes with the same tool and options. Thread-safe.
/// </summary>
/// <remarks>
/// A fault of the machine's storage while writing (disk full, read-only, permission denied) fails the input and goes to
/// <paramref name="storageFault"/> with the output's full path: the run stops there rather than fail every input after it.
/// </remarks>
internal sealed class InputProcessor(Converter converter, BatchOptions options, WriterPlan plan, string outputDirectory, CancellationToken stop,
    Action<string, StorageProblem>? storageFault = null)
{
    private readonly OutputWriter _files = new(outputDirectory);
    private readonly string _outputPrefix = outputDirectory + Path.DirectorySeparatorChar;
    private readonly ConcurrentDictionary<string, bool> _selectedFound = new(StringComparer.Ordinal);

    /// <summary>The selected ids (<see cref="BatchOptions.Selection"/>) of the articles read so far, whatever the other filters said.</summary>
    public bool WasFound(string id) => _selectedFound.ContainsKey(id);

    /// <summary>
    /// Processes input number <paramref name="seq"/>: one row, or for an input whose reader reads many articles (a feed)
    /// a row per article and, when reading stopped at a fault, one failed row for the rest; null when the run was stopped
    /// in the middle of it.
    /// </summary>
    public async Task<IReadOnlyList<ProcessedInput>?> ProcessAsync(int seq, ArchiveEntry entry, ManifestEntry? previous)
    {
        var path = entry.RelativePath;
        ProcessedInput[] Done(BatchStatus status, string? reason, string? id = null) => [new(new InputRow(seq, new BatchInputResult(path, status, reason, id)))];
        if (!entry.IsUsable)
        {
            return Done(BatchStatus.Failed, entry.Error);
        }
        if (options.Shard is { } shard && !shard.Contains(path))
        {
            return Done(BatchStatus.Skipped, $"not in shard {shard}");
        }
        Formats.ArticleInput input;
        try
        {
            input = await entry.LoadAsync(stop).ConfigureAwait(false);
        }
        catch (ArticleFormatException e)
        {
            return Done(BatchStatus.Failed, e.Detail);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
        if (converter.IndexPages is { } indexPages && indexPages.IsIndexPage(path))
        {
            var entries = indexPages.Read(path, input.Content.Span);
            return [new ProcessedInput(new InputRow(seq, new BatchInputResult(path, BatchStatus.Skipped,
                string.Create(CultureInfo.InvariantCulture, $"archive index page ({entries.Count} entries), used to cross-check titles and dates")),
                IndexEntries: entries))];
        }

        Article article;
        try
        {
            var reader = converter.Registry.ChooseReader(options.Reader, input.Content.Span);
            if (reader.ReadsMany)
            {
                return ProcessMany(seq, path, input, reader, previous);
            }
            article = reader.Read(input);
        }
        catch (ArticleFormatException e)
        {
            return Done(BatchStatus.Failed, e.Detail);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Done(BatchStatus.Failed, $"reader error ({e.GetType().Name}): {e.Message}");
        }
        return ConvertOne(seq, path, input, article, previous) is { } processed ? [processed] : null;
    }

    /// <summary>Filters one article read from its own input and writes its outputs unless they are unchanged; null when stopped.</summary>
    private ProcessedInput? ConvertOne(int seq, string path, Formats.ArticleInput input, Article article, ManifestEntry? previous)
    {
        ProcessedInput Done(BatchStatus status, string? reason) => new(new InputRow(seq, new BatchInputResult(path, status, reason)));
        var metadata = article.Metadata;
        if (options.Selection?.Contains(metadata.Id) == true)
        {
            _selectedFound.TryAdd(metadata.Id, true);
        }
        if (FilterReason(path, article) is { } filtered)
        {
            return new ProcessedInput(new InputRow(seq, new BatchInputResult(path, BatchStatus.Skipped, filtered.Reason, metadata.Id)), Filter: filtered.Filter);
        }

        // The report makes the names again from the path when it is read.
        var outputNames = new OutputNames(path, plan.Extensions);
        var outputs = outputNames.ToArray();
        if (outputs.FirstOrDefault(o => !IsInsideOutput(o)) is { } outside)
        {
            return Done(BatchStatus.Failed, $"output path '{outside}' would leave the output folder");
        }
        var current = new ManifestEntry(SHA256.HashData(input.Content.Span), BatchRunner.ToolVersion, plan.OptionsHash, outputs);
        var unchanged = !options.Force && current.IsUnchangedSince(previous, outputDirectory);
        List<ConversionWarning>? writerWarnings = null;
        if (!unchanged)
        {
            var written = WriteOutputs(article, outputs);
            if (written.Cancelled)
            {
                return null;
            }
            if (written.Failure is { } failure)
            {
                return new ProcessedInput(new InputRow(seq, new BatchInputResult(path, BatchStatus.Failed, failure, metadata.Id), ForgetManifest: previous is not null));
            }
            writerWarnings = written.Warnings;
        }
        if (writerWarnings is not null)
        {
            // With the article, so the catalogue lists them among its problems.
            article = article with { Warnings = article.Warnings.AddRange(writerWarnings) };
        }
        var result = new BatchInputResult(path, unchanged ? BatchStatus.Unchanged : BatchStatus.Converted, unchanged ? "unchanged since the last run" : null,
            metadata.Id, outputNames, WarningTexts(article));
        var summary = new ArticleSummary(path, metadata.Title, metadata.OriginalUrl, article.Statistics.ContentHash, metadata.Published.Value, metadata.FeedTime);
        var files = OutputFiles(outputs);
        // Outputs with a retryable writer warning (a picture not downloaded, say) are not recorded as done: the next run
        // writes them again, retrying what failed and reporting what still does. A WebP picture warns the same every time.
        var retry = writerWarnings is not null && writerWarnings.Exists(w => w.Retryable);
        var manifest = unchanged || retry ? null : current;
        return new ProcessedInput(new InputRow(seq, result, summary, manifest, ForgetManifest: retry && previous is not null), article, files);
    }

    /// <summary>
    /// An input that holds many articles (a feed): each article filtered and written as <see cref="ConvertOne"/> does one,
    /// named <c>&lt;input&gt;#&lt;slug&gt;</c> with outputs in a folder named after the input. The reader reads in order on
    /// one thread at a time while up to <see cref="BatchOptions.Jobs"/> articles are written at once (a feed is one input,
    /// but may hold most of a run's articles). The input's manifest entry (its bytes, every article's outputs) goes with
    /// its last row, and only when every output is in place: a changed feed is converted again whole, an unchanged one is
    /// not written. A fault half way leaves the articles before it converted and adds one failed row for the rest. Null
    /// when the run was stopped in the middle.
    /// </summary>
    private List<ProcessedInput>? ProcessMany(int seq, string path, Formats.ArticleInput input, Formats.IArticleReader reader, ManifestEntry? previous)
    {
        var sha256 = SHA256.HashData(input.Content.Span);
        var sameInput = !options.Force && previous is not null && previous.Sha256.AsSpan().SequenceEqual(sha256) &&
                        previous.Tool == BatchRunner.ToolVersion && previous.Options == plan.OptionsHash;
        var done = new ConcurrentDictionary<int, ProcessedInput>();
        var feed = new FeedOutcome();
        try
        {
            Parallel.ForEach(Numbered(reader, input, path, feed), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.EffectiveJobs) },
                (item, loop) =>
                {
                    var row = new InputRow(seq, new BatchInputResult(item.Path, BatchStatus.Converted), Item: item.Index, GroupPath: path);
                    if (ConvertItem(row, item.Article, sameInput, feed) is { } processed)
                    {
                        done[item.Index] = processed;
                    }
                    else
                    {
                        loop.Stop();
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        if (stop.IsCancellationRequested)
        {
            return null;
        }
        var rows = done.OrderBy(d => d.Key).Select(d => d.Value).ToList();
        var last = new InputRow(seq, new BatchInputResult(path, BatchStatus.Failed), Item: rows.Count, GroupPath: path);
        if (feed.Fault is { } fault)
        {
            var reason = rows.Count == 0 ? fault : string.Create(CultureInfo.InvariantCulture, $"{fault}; {rows.Count} items before it were converted");
            rows.Add(new ProcessedInput(last with { Result = last.Result with { Reason = reason }, ForgetManifest = previous is not null }));
            return rows;
        }
        var complete = !feed.Incomplete;
        var outputs = rows.Where(r => r.Row.Result.Status is BatchStatus.Converted or BatchStatus.Unchanged).SelectMany(r => r.Row.Result.Outputs!).ToList();
        var manifest = complete && (feed.Wrote || !sameInput) ? new ManifestEntry(sha256, BatchRunner.ToolVersion, plan.OptionsHash, outputs) : null;
        var forget = !complete && previous is not null;
        if (rows.Count == 0)
        {
            rows.Add(new ProcessedInput(last with
            {
                Result = last.Result with { Status = BatchStatus.Skipped, Reason = "holds no articles" },
                Manifest = manifest,
                ForgetManifest = forget,
            }));
        }
        else if (manifest is not null || forget)
        {
            rows[^1] = rows[^1] with { Row = rows[^1].Row with { Manifest = manifest, ForgetManifest = forget } };
        }
        return rows;
    }

    /// <summary>What the articles of one feed, written on several threads, tell of the whole.</summary>
    private sealed class FeedOutcome
    {
        private int _wrote;
        private int _incomplete;

        /// <summary>The fault that ended reading, if one did (set by the one thread reading at a time).</summary>
        public string? Fault { get; set; }

        /// <summary>Some output was written.</summary>
        public bool Wrote => Volatile.Read(ref _wrote) != 0;

        /// <summary>Some output is not in place (a writer failed, or will retry).</summary>
        public bool Incomplete => Volatile.Read(ref _incomplete) != 0;

        public void MarkWrote() => Interlocked.Exchange(ref _wrote, 1);

        public void MarkIncomplete() => Interlocked.Exchange(ref _incomplete, 1);
    }

    /// <summary>
    /// The feed's articles in order, each with its number and path (<c>&lt;input&gt;#&lt;slug&gt;</c>); ends at the end,
    /// at a stop, or at a fault, which it leaves in <paramref name="outcome"/>.
    /// </summary>
    private IEnumerable<(int Index, string Path, Article Article)> Numbered(Formats.IArticleReader reader, Formats.ArticleInput input, string path,
        FeedOutcome outcome)
    {
        var slugs = new ItemSlugs();
        IEnumerator<Article>? articles = null;
        try
        {
            for (var index = 0; !stop.IsCancellationRequested; index++)
            {
                Article article;
                try
                {
                    // A reader may read eagerly, when asked for the enumeration: its fault is then the first article's.
                    articles ??= reader.ReadAll(input).GetEnumerator();
                    if (!articles.MoveNext())
                    {
                        yield break;
                    }
                    article = articles.Current;
                }
                catch (ArticleFormatException e)
                {
                    outcome.Fault = e.Detail;
                    yield break;
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    outcome.Fault = $"reader error ({e.GetType().Name}): {e.Message}";
                    yield break;
                }
                yield return (index, OutputNames.ItemPath(path, slugs.Next(article)), article);
            }
        }
        finally
        {
            articles?.Dispose();
        }
    }

    /// <summary>One article of an input that holds many: filtered, then written unless the input is unchanged and its outputs are in place.</summary>
    private ProcessedInput? ConvertItem(InputRow row, Article article, bool sameInput, FeedOutcome outcome)
    {
        var itemPath = row.Result.Path;
        var metadata = article.Metadata;
        if (options.Selection?.Contains(metadata.Id) == true)
        {
            _selectedFound.TryAdd(metadata.Id, true);
        }
        if (FilterReason(row.GroupPath!, article) is { } filtered)
        {
            return new ProcessedInput(row with { Result = new BatchInputResult(itemPath, BatchStatus.Skipped, filtered.Reason, metadata.Id) }, Filter: filtered.Filter);
        }
        var outputNames = new OutputNames(itemPath, plan.Extensions, item: true);
        var outputs = outputNames.ToArray();
        if (outputs.FirstOrDefault(o => !IsInsideOutput(o)) is { } outside)
        {
            outcome.MarkIncomplete();
            return new ProcessedInput(row with { Result = new BatchInputResult(itemPath, BatchStatus.Failed, $"output path '{outside}' would leave the output folder", metadata.Id) });
        }
        var unchanged = sameInput && outputs.All(o => File.Exists(Path.Combine(outputDirectory, o)));
        List<ConversionWarning>? writerWarnings = null;
        if (!unchanged)
        {
            outcome.MarkWrote();
            var written = WriteOutputs(article, outputs);
            if (written.Cancelled)
            {
                return null;
            }
            if (written.Failure is { } failure)
            {
                outcome.MarkIncomplete();
                return new ProcessedInput(row with { Result = new BatchInputResult(itemPath, BatchStatus.Failed, failure, metadata.Id) });
            }
            writerWarnings = written.Warnings;
        }
        if (writerWarnings is not null)
        {
            article = article with { Warnings = article.Warnings.AddRange(writerWarnings) };
            if (writerWarnings.Exists(w => w.Retryable))
            {
                outcome.MarkIncomplete();
            }
        }
        var result = new BatchInputResult(itemPath, unchanged ? BatchStatus.Unchanged : BatchStatus.Converted, unchanged ? "unchanged since the last run" : null,
            metadata.Id, outputNames, WarningTexts(article));
        var summary = new ArticleSummary(itemPath, metadata.Title, metadata.OriginalUrl, article.Statistics.ContentHash, metadata.Published.Value, metadata.FeedTime);
        var files = OutputFiles(outputs);
        // A feed's articles wait for the whole feed: the catalogue gets only what it lists of their bodies.
        var forCatalogue = plan.CatalogWriter is null ? null : CatalogFeeder.Compact(article);
        return new ProcessedInput(row with { Result = result, Summary = summary }, forCatalogue, files);
    }

    /// <summary>The article's warnings as text, or null when it has none (most articles: no list made).</summary>
    private static List<string>? WarningTexts(Article article) =>
        article.Warnings.IsDefaultOrEmpty ? null : article.Warnings.Select(w => w.ToString()).ToList();

    private (BatchFilter Filter, string Reason)? FilterReason(string path, Article article)
    {
        var metadata = article.Metadata;
        if (options.Sites.Count > 0)
        {
            var segments = path.Split('/');
            var folder = segments.Length >= 3 && segments[0] == "articles" ? segments[1] : null;
            if (!options.Sites.Any(s => string.Equals(s, metadata.Site.Code, StringComparison.OrdinalIgnoreCase) ||
                                        string.Equals(s, folder, StringComparison.OrdinalIgnoreCase)))
            {
                return (BatchFilter.Site, $"filter: site '{metadata.Site.Code}' not in --site {string.Join(',', options.Sites)}");
            }
        }
        if (options.Languages.Count > 0 &&
            !options.Languages.Any(l => string.Equals(l, metadata.Language, StringComparison.OrdinalIgnoreCase) ||
                                        metadata.Language.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase)))
        {
            return (BatchFilter.Language, $"filter: language '{metadata.Language}' not in --lang {string.Join(',', options.Languages)}");
        }
        var day = DateOnly.FromDateTime(metadata.Published.Value.DateTime);
        if (options.Since is { } since && day < since)
        {
            return (BatchFilter.Since, string.Create(CultureInfo.InvariantCulture, $"filter: published {day:yyyy-MM-dd}, before --since {since:yyyy-MM-dd}"));
        }
        if (options.Until is { } until && day > until)
        {
            return (BatchFilter.Until, string.Create(CultureInfo.InvariantCulture, $"filter: published {day:yyyy-MM-dd}, after --until {until:yyyy-MM-dd}"));
        }
        if (options.Selection is { } selection && !selection.Contains(metadata.Id))
        {
            return (BatchFilter.Select, $"filter: '{metadata.Id}' not marked in --select {selection.Source}");
        }
        return null;
    }

    /// <summary>
    /// Writes <paramref name="article"/> with each writer of the plan to its output: the writers' warnings, or the failure
    /// of the first writer that threw (the outputs before it stay written), or cancelled before the next one.
    /// </summary>
    private (bool Cancelled, string? Failure, List<ConversionWarning>? Warnings) WriteOutputs(Article article, string[] outputs)
    {
        List<ConversionWarning>? warnings = null;
        for (var i = 0; i < outputs.Length; i++)
        {
            if (stop.IsCancellationRequested)
            {
                return (true, null, null);
            }
            var writer = plan.Writers[i];
            try
            {
                if (_files.Write(Path.Combine(outputDirectory, outputs[i]), writer, article) is { Count: > 0 } warned)
                {
                    (warnings ??= []).AddRange(warned);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                if (StorageFault.Classify(e) is { } problem)
                {
                    storageFault?.Invoke(Path.Combine(outputDirectory, outputs[i]), problem);
                    return (false, $"{writer.Format.Name} output {outputs[i]} could not be written: {StorageFault.Describe(problem)}", null);
                }
                return (false, $"{writer.Format.Name} writer failed ({e.GetType().Name}): {e.Message}", null);
            }
        }
        return (false, null, warnings);
    }

    /// <summary>Each writer's name with the output it wrote (<c>md</c> → <c>voa/1.md</c>).</summary>
    private Dictionary<string, string> OutputFiles(string[] outputs)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < outputs.Length; i++)
        {
            files[plan.Writers[i].Format.Name] = outputs[i];
        }
        return files;
    }

    private bool IsInsideOutput(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(outputDirectory, relative));
        return full.StartsWith(_outputPrefix, StringComparison.Ordinal);
    }
}
