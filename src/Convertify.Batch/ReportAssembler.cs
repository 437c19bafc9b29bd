using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Convertify.Batch.Indexes;
using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>
/// Turns what a run left in its scratch files into the report's inputs (sorted by path, with duplicate links and index
/// warnings) and duplicate groups, in passes over those files: memory holds only sort buffers of bounded size and what
/// the index pages name, so it does not grow with the number of inputs.
/// </summary>
internal sealed class ReportAssembler : IDisposable
{
    private const byte UrlKey = 0;
    private const byte ContentKeyKind = 1;
    private static readonly RecordComparison Bytewise = static (x, y) => x.SequenceCompareTo(y);
    private readonly RecordSpool _paths;
    private readonly RecordSpool _results;
    private readonly int _count;
    private readonly bool _inPathOrder;
    private readonly string[] _extensions;
    private readonly string _notProcessed;
    private readonly IReadOnlyCollection<ListIndexEntry> _listEntries;
    private readonly string?[] _scratch;
    private readonly int _sortMemory;
    private readonly RecordWriter _writer = new();
    private RecordSpool? _order;

    /// <param name="paths">Every input's path by its number (the order the source gave them).</param>
    /// <param name="results">The <see cref="InputRecord"/> of every input that was processed, by number.</param>
    /// <param name="count">How many inputs there are.</param>
    /// <param name="inPathOrder">Whether the numbers already follow the paths' ordinal order.</param>
    /// <param name="extensions">The run's output extensions (output names are made from them).</param>
    /// <param name="notProcessed">The reason given to inputs without a result (the run stopped).</param>
    /// <param name="listEntries">What the archive's index pages list.</param>
    /// <param name="scratch">Where scratch files may go.</param>
    /// <param name="sortMemory">The memory each sort may hold before it spills to disk.</param>
    public ReportAssembler(RecordSpool paths, RecordSpool results, int count, bool inPathOrder, string[] extensions, string notProcessed,
        IReadOnlyCollection<ListIndexEntry> listEntries, string?[] scratch, int sortMemory = 4 << 20)
    {
        _sortMemory = sortMemory;
        _paths = paths;
        _results = results;
        _count = count;
        _inPathOrder = inPathOrder;
        _extensions = extensions;
        _notProcessed = notProcessed;
        _listEntries = listEntries;
        _scratch = scratch;
    }

    /// <summary>Every input sorted by path, the duplicate groups, and the totals.</summary>
    public (IReadOnlyList<BatchInputResult> Inputs, IReadOnlyList<BatchDuplicate> Duplicates, BatchTotals Totals) Assemble()
    {
        _order = _inPathOrder ? null : SortByPath();
        var order = _order?.OpenReader();
        var paths = _paths.OpenReader();
        var results = _results.OpenReader();

        using var keys = new ExternalSorter(Bytewise, _sortMemory, _scratch);
        var listed = ListedArticles(order, results, keys);
        var extra = CrossCheck(listed);

        using var links = new ExternalSorter(Bytewise, _sortMemory, _scratch);
        using var groups = new ExternalSorter(Bytewise, _sortMemory, _scratch);
        Group(keys, links, groups);

        var inputs = new RecordSpool(_scratch);
        var totals = WriteInputs(order, paths, results, links, extra, inputs);
        var duplicates = new RecordSpool(_scratch);
        var duplicateCount = WriteDuplicates(order, paths, results, groups, duplicates);
        return (new SpooledInputs(inputs, _count, _extensions),
            new SpooledList<BatchDuplicate>(duplicates, duplicateCount, DuplicateRecord.Read),
            totals);
    }

    /// <inheritdoc />
    public void Dispose() => _order?.Dispose();

    /// <summary>The input numbers in path order, as records 0..n-1 of a spool (when the source's order was not already that).</summary>
    private RecordSpool SortByPath()
    {
        // The sort is stable: equal paths (a tar that holds one twice) keep the order they came in.
        using var sorter = new ExternalSorter(ComparePaths, _sortMemory, _scratch);
        var paths = _paths.OpenReader();
        for (var i = 0; i < _count; i++)
        {
            paths.TryRead(i, out var path);
            _writer.Clear().SortableInt32(i);
            _writer.Bytes(path);
            sorter.Add(_writer.Written);
        }
        var order = new RecordSpool(_scratch);
        using var cursor = sorter.Sort();
        while (cursor.MoveNext())
        {
            order.Append(cursor.Current[..4]);
        }
        return order;
    }

    /// <summary>The paths of two (number, path) records in <see cref="string.CompareOrdinal(string, string)"/>'s order.</summary>
    private static int ComparePaths(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) =>
        MemoryMarshal.Cast<byte, char>(x[4..])
            .SequenceCompareTo(MemoryMarshal.Cast<byte, char>(y[4..]));

    private static int NumberAt(SpoolReader? order, int rank)
    {
        if (order is null)
        {
            return rank;
        }
        order.TryRead(rank, out var record);
        return new RecordReader(record).SortableInt32();
    }

    /// <summary>
    /// One pass in path order: the keys of the duplicate groups go to <paramref name="keys"/>, and the articles the index
    /// pages name are returned by id (in path order).
    /// </summary>
    private Dictionary<string, List<(int Rank, ArticleSummary Summary)>> ListedArticles(SpoolReader? order, SpoolReader results, ExternalSorter keys)
    {
        var listed = new Dictionary<string, List<(int, ArticleSummary)>>(StringComparer.Ordinal);
        var ids = _listEntries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        for (var rank = 0; rank < _count; rank++)
        {
            if (!results.TryRead(NumberAt(order, rank), out var record) || !InputRecord.TryReadSummary(record, out var summary))
            {
                continue;
            }
            if (!summary.Url.IsEmpty)
            {
                _writer.Clear().Byte(UrlKey);
                _writer.String(summary.Url);
                _writer.SortableInt32(rank);
                keys.Add(_writer.Written);
            }
            if (summary.HasContentKey)
            {
                _writer.Clear().Byte(ContentKeyKind);
                if (summary.KeyIsText)
                {
                    _writer.Byte(1);
                    _writer.String(summary.KeyText);
                }
                else
                {
                    _writer.Byte(0);
                    _writer.UInt128(summary.KeyValue);
                }
                _writer.SortableInt32(rank);
                keys.Add(_writer.Written);
            }
            var path = summary.Path;
            var id = ListIndex.IdSpanOf(path[(path.LastIndexOf('/') + 1)..]);
            if (!id.IsEmpty && ids.Contains(id))
            {
                var key = id.ToString();
                if (!listed.TryGetValue(key, out var list))
                {
                    listed[key] = list = [];
                }
                list.Add((rank, summary.ToSummary()));
            }
        }
        return listed;
    }

    /// <summary>Where an index page disagrees with the article it lists: warnings by the article's rank.</summary>
    private Dictionary<int, List<string>> CrossCheck(Dictionary<string, List<(int Rank, ArticleSummary Summary)>> listed)
    {
        var extra = new Dictionary<int, List<string>>();
        foreach (var entry in _listEntries.OrderBy(e => e.ListPath, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!listed.TryGetValue(entry.Id, out var candidates))
            {
                continue;
            }
            var found = candidates.Count == 1
                ? 0
                : candidates.FindIndex(c => c.Summary.RelativePath.Split('/') is { Length: >= 3 } s &&
                                            string.Equals(s[1], entry.Site, StringComparison.OrdinalIgnoreCase));
            if (found < 0)
            {
                continue;
            }
            var (rank, match) = candidates[found];
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
                if (!extra.TryGetValue(rank, out var list))
                {
                    extra[rank] = list = [];
                }
                list.AddRange(messages);
            }
        }
        return extra;
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

    /// <summary>
    /// Reads the sorted keys: each run of equal keys is a group. A group's later members get a link to its first (URL
    /// groups before content groups: the first link of a rank wins), and the group itself is kept for the report,
    /// ordered by its first member's rank, content before url.
    /// </summary>
    private void Group(ExternalSorter keys, ExternalSorter links, ExternalSorter groups)
    {
        using var cursor = keys.Sort();
        byte[] key = [];
        var members = new List<int>();
        while (cursor.MoveNext())
        {
            var record = cursor.Current;
            var keyPart = record[..^4];
            var rank = new RecordReader(record[^4..]).SortableInt32();
            if (members.Count > 0 && keyPart.SequenceEqual(key))
            {
                members.Add(rank);
                continue;
            }
            Flush();
            key = keyPart.ToArray();
            members.Add(rank);
        }
        Flush();

        void Flush()
        {
            if (members.Count > 1)
            {
                var kind = key[0];
                var first = members[0];
                foreach (var later in members.Skip(1))
                {
                    _writer.Clear().SortableInt32(later);
                    _writer.Byte(kind);
                    _writer.SortableInt32(first);
                    links.Add(_writer.Written);
                }
                _writer.Clear().SortableInt32(first);
                _writer.Byte(kind == UrlKey ? (byte)1 : (byte)0);
                foreach (var member in members)
                {
                    _writer.SortableInt32(member);
                }
                groups.Add(_writer.Written);
            }
            members.Clear();
        }
    }

    private BatchTotals WriteInputs(SpoolReader? order, SpoolReader paths, SpoolReader results, ExternalSorter links,
        Dictionary<int, List<string>> extra, RecordSpool inputs)
    {
        using var linkCursor = links.Sort();
        var hasLink = linkCursor.MoveNext();
        var firstPaths = _paths.OpenReader();
        var firstOrder = _order?.OpenReader();
        var counts = new int[BatchTotals.CountSlots];
        for (var rank = 0; rank < _count; rank++)
        {
            var number = NumberAt(order, rank);
            var hasRecord = results.TryRead(number, out var record);
            var hasLinks = hasLink && new RecordReader(linkCursor.Current).SortableInt32() == rank;
            var messages = extra.GetValueOrDefault(rank);
            BatchTotals.Tally(counts, hasRecord ? InputRecord.StatusOf(record) : BatchStatus.Cancelled);
            if (hasRecord && !hasLinks && messages is null)
            {
                // Most inputs: the record as the worker wrote it (its summary is read past).
                inputs.Append(record);
                continue;
            }
            var linked = false;
            ReadOnlySpan<char> duplicateOf = default;
            while (hasLink && new RecordReader(linkCursor.Current).SortableInt32() == rank)
            {
                if (!linked)
                {
                    var first = new RecordReader(linkCursor.Current[5..]).SortableInt32();
                    firstPaths.TryRead(NumberAt(firstOrder, first), out var firstPath);
                    duplicateOf = MemoryMarshal.Cast<byte, char>(firstPath);
                    linked = true;
                }
                hasLink = linkCursor.MoveNext();
            }
            if (hasRecord)
            {
                inputs.Append(InputRecord.WriteAmended(_writer, record, linked, duplicateOf, messages));
                continue;
            }
            paths.TryRead(number, out var path);
            var result = new BatchInputResult(PathOf(path), BatchStatus.Cancelled, _notProcessed, Warnings: messages,
                DuplicateOf: linked ? new string(duplicateOf) : null);
            inputs.Append(InputRecord.Write(_writer, result));
        }
        return BatchTotals.Of(counts);
    }

    private int WriteDuplicates(SpoolReader? order, SpoolReader paths, SpoolReader results, ExternalSorter groups, RecordSpool duplicates)
    {
        using var cursor = groups.Sort();
        var count = 0;
        var members = new List<int>();
        while (cursor.MoveNext())
        {
            var reader = new RecordReader(cursor.Current);
            var first = reader.SortableInt32();
            var isUrl = reader.Byte() == 1;
            members.Clear();
            while (!reader.AtEnd)
            {
                members.Add(reader.SortableInt32());
            }
            results.TryRead(NumberAt(order, first), out var record);
            InputRecord.TryReadSummary(record, out var summary);
            var key = isUrl ? new string(summary.Url) : summary.ToSummary().ContentKey.ToString();
            DuplicateRecord.Start(_writer, isUrl ? "url" : "content", key, members.Count);
            foreach (var member in members)
            {
                paths.TryRead(NumberAt(order, member), out var path);
                _writer.String(MemoryMarshal.Cast<byte, char>(path));
            }
            duplicates.Append(_writer.Written);
            count++;
        }
        return count;
    }

    private static string PathOf(ReadOnlySpan<byte> utf16) => new(MemoryMarshal.Cast<byte, char>(utf16));
}
