using System.Collections.Immutable;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch;

/// <summary>
/// Feeds the catalogue sink in path order whatever order the workers finish in. When the source yields its entries
/// in path order (folders, globs, zip files) rows go to the sink as soon as every earlier entry is done (a small
/// reorder window, bounded by the number of workers), so no article is kept; for streamed tar files the rows are kept (without
/// the body text that the catalogue does not use) and sorted at the end.
/// </summary>
internal sealed class CatalogFeeder : IDisposable
{
    private readonly object _gate = new();
    private readonly string _target;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private readonly IArticleSink _sink;
    private readonly bool _ordered;
    private readonly Dictionary<int, IReadOnlyList<(Article Article, IReadOnlyDictionary<string, string> Files)>> _pending = [];
    private readonly List<(string EntryPath, int Item, Article Article, IReadOnlyDictionary<string, string> Files)> _kept = [];
    private int _next;
    private bool _finished;

    public CatalogFeeder(ICatalogWriter writer, string outputDirectory, bool ordered)
    {
        FileName = "catalog" + writer.Format.Extension;
        _target = Path.Combine(outputDirectory, FileName);
        // Same shape as AtomicFile's temporaries, so a killed run's leftover is cleaned up by the next one.
        _temporary = Path.Combine(outputDirectory, $".{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65536);
        _sink = writer.Open(_stream, new CatalogOptions());
        _ordered = ordered;
    }

    /// <summary>The catalogue's file name in the output folder.</summary>
    public string FileName { get; }

    /// <summary>Why the sink failed, if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Records the outcome of entry <paramref name="index"/>: its articles for the catalogue, in order (none, one, or a
    /// feed's), each with its path and its files by format.
    /// </summary>
    public void Offer(int index, string entryPath, IReadOnlyList<(Article Article, IReadOnlyDictionary<string, string> Files)> rows)
    {
        lock (_gate)
        {
            if (Error is not null || _finished)
            {
                return;
            }
            if (!_ordered)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    var (article, files) = rows[i];
                    _kept.Add((entryPath, i, Compact(article), files));
                }
                return;
            }
            _pending[index] = rows;
            try
            {
                while (_pending.Remove(_next, out var ready))
                {
                    foreach (var (article, files) in ready)
                    {
                        _sink.Add(article, files);
                    }
                    _next++;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Error = $"catalogue writer failed ({e.GetType().Name}): {e.Message}";
            }
        }
    }

    /// <summary>Adds the failures, writes the catalogue and moves it into place; false (see <see cref="Error"/>) when it could not.</summary>
    public bool Complete(IEnumerable<BatchInputResult> failures)
    {
        lock (_gate)
        {
            _finished = true;
            try
            {
                if (Error is null)
                {
                    // An entry's articles stay together and in their order, after the entry's place (as in the report).
                    foreach (var (_, _, article, files) in _kept.OrderBy(k => k.EntryPath, StringComparer.Ordinal).ThenBy(k => k.Item))
                    {
                        _sink.Add(article, files);
                    }
                    _kept.Clear();
                    foreach (var failure in failures.OrderBy(f => f.Path, StringComparer.Ordinal))
                    {
                        _sink.AddFailure(failure.Path, failure.Reason ?? "failed");
                    }
                    _sink.Complete();
                    _sink.Dispose();
                    _stream.Flush(flushToDisk: false);
                    _stream.Dispose();
                    File.Move(_temporary, _target, overwrite: true);
                    return true;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Error = $"catalogue writer failed ({e.GetType().Name}): {e.Message}";
            }
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _finished = true;
            try
            {
                _sink.Dispose();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
            _stream.Dispose();
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
            }
        }
    }

    private static bool HoldsFigureOrLink(Block block) => block switch
    {
        FigureBlock or EmbedBlock => true,
        ParagraphBlock p => HoldsLink(p.Inlines),
        HeadingBlock h => HoldsLink(h.Inlines),
        QuoteBlock q => q.Blocks.Any(HoldsFigureOrLink),
        ListBlock l => l.Items.Any(i => i.Blocks.Any(HoldsFigureOrLink)),
        TableBlock t => t.Rows.Any(r => r.Cells.Any(c => HoldsLink(c.Inlines))),
        _ => false,
    };

    private static bool HoldsLink(ImmutableArray<Inline> inlines) => inlines.Any(i => i switch
    {
        LinkInline => true,
        StrongInline s => HoldsLink(s.Inlines),
        EmphasisInline e => HoldsLink(e.Inlines),
        _ => false,
    });

    /// <summary>The article without the blocks that hold neither a figure nor a link (the catalogue lists figures and links, nothing else of the body).</summary>
    internal static Article Compact(Article article) =>
        article with
        {
            Body = [.. article.Body.Where(HoldsFigureOrLink)],
        };
}
