using System.Globalization;
using System.Text;
using Convertify.Batch.State;
using Convertify.Formats;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch;

/// <summary>
/// Turns a run's rows in the state database into its report, in SQL: the inputs in path order, each later member of a
/// duplicate group linked to its first (a URL group's link wins over a content group's), the groups themselves
/// (<c>GROUP BY</c> URL and content hash), index pages' disagreements added to the articles' warnings, and the totals.
/// Nothing grows in memory with the number of inputs but the index pages' entries and the articles they name.
/// </summary>
internal static class ReportAssembler
{
    // Each later member of a group gets its first member (path order; a path a tar held twice keeps its arrival order).
    private const string LinkSql = """
        UPDATE inputs SET duplicate_of = linked.first
        FROM (SELECT seq, first_value(path) OVER w AS first, row_number() OVER w AS n FROM inputs WHERE {0} <> ''
              WINDOW w AS (PARTITION BY {0} ORDER BY path_key, seq)) AS linked
        WHERE inputs.seq = linked.seq AND linked.n > 1
        """;

    // The groups, ordered by their first member, a content group before a URL group with the same first member.
    private const string GroupsSql = """
        INSERT INTO duplicates(grp, kind, key, path)
        SELECT dense_rank() OVER (ORDER BY first_key, first_seq, k) - 1, kind, key, path FROM (
            SELECT kind, k, key, path, path_key, seq, count(*) OVER (PARTITION BY k, key) AS size,
                   first_value(path_key) OVER w AS first_key, first_value(seq) OVER w AS first_seq
            FROM (SELECT 'content' AS kind, 0 AS k, content_hash AS key, path, path_key, seq FROM inputs WHERE content_hash <> ''
                  UNION ALL
                  SELECT 'url', 1, url, path, path_key, seq FROM inputs WHERE url <> '')
            WINDOW w AS (PARTITION BY k, key ORDER BY path_key, seq))
        WHERE size > 1
        ORDER BY first_key, first_seq, k, path_key, seq;
        CREATE INDEX duplicates_by_group ON duplicates(grp);
        """;

    /// <summary>Completes the run's rows for the report; returns the totals and the number of duplicate groups.</summary>
    /// <param name="connection">The state database, every input written.</param>
    /// <param name="notProcessed">The reason given to inputs the run did not process.</param>
    /// <param name="indexPages">Gives articles the ids index pages list them under.</param>
    public static (BatchTotals Totals, int DuplicateGroups) Assemble(SqliteConnection connection, string notProcessed, IIndexPageReader? indexPages)
    {
        using var transaction = connection.BeginTransaction();
        using (var cancelled = StateDatabase.Prepare(connection, $"UPDATE inputs SET reason = $reason WHERE status = {(int)BatchStatus.Cancelled}", "$reason"))
        {
            cancelled.Transaction = transaction;
            cancelled.Parameters[0].Value = notProcessed;
            cancelled.ExecuteNonQuery();
        }
        if (indexPages is not null)
        {
            CrossCheck(connection, transaction, indexPages);
        }
        StateDatabase.Execute(connection, string.Format(CultureInfo.InvariantCulture, LinkSql, "content_hash"), transaction);
        StateDatabase.Execute(connection, string.Format(CultureInfo.InvariantCulture, LinkSql, "url"), transaction);
        StateDatabase.Execute(connection, "INSERT INTO report_order(seq) SELECT seq FROM inputs ORDER BY path_key, seq", transaction);
        StateDatabase.Execute(connection, GroupsSql, transaction);
        Span<int> counts = stackalloc int[BatchTotals.CountSlots];
        int groups;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT status, count(*) FROM inputs GROUP BY status";
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    counts[Math.Clamp(reader.GetInt32(0), 0, BatchTotals.CountSlots - 1)] += reader.GetInt32(1);
                }
            }
            command.CommandText = "SELECT count(DISTINCT grp) FROM duplicates";
            groups = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        transaction.Commit();
        return (BatchTotals.Of(counts), groups);
    }

    private sealed record Listed(long Seq, string Path, string Title, DateTimeOffset Published, DateTimeOffset FeedTime);

    /// <summary>Where an index page disagrees with the article it lists, a warning for the article.</summary>
    private static void CrossCheck(SqliteConnection connection, SqliteTransaction transaction, IIndexPageReader indexPages)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT list_path, month, day, title, site, id FROM index_entries ORDER BY rowid";
        var entries = new List<IndexPageEntry>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                entries.Add(new IndexPageEntry(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }
        }
        if (entries.Count == 0)
        {
            return;
        }
        var ids = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var listed = new Dictionary<string, List<Listed>>(StringComparer.Ordinal);
        command.CommandText = "SELECT seq, path, title, published, feed_time, path_key FROM inputs WHERE title IS NOT NULL ORDER BY path_key, seq";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var path = reader.GetString(1);
                // An article of a feed (its key is the feed's) is not an archive file an index page could list.
                var isItem = !((byte[])reader.GetValue(5)).AsSpan().SequenceEqual(OrdinalKey.Of(path));
                if (!isItem && indexPages.ArticleId(path[(path.LastIndexOf('/') + 1)..]) is { } id && ids.Contains(id))
                {
                    if (!listed.TryGetValue(id, out var list))
                    {
                        listed[id] = list = [];
                    }
                    list.Add(new Listed(reader.GetInt64(0), path, reader.GetString(2), Time(reader.GetString(3)), Time(reader.GetString(4))));
                }
            }
        }
        var warnings = new Dictionary<long, List<string>>();
        foreach (var entry in entries.OrderBy(e => e.ListPath, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!listed.TryGetValue(entry.Id, out var candidates))
            {
                continue;
            }
            var match = candidates.Count == 1
                ? candidates[0]
                : candidates.Find(c => c.Path.Split('/') is { Length: >= 3 } s && string.Equals(s[1], entry.Site, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                continue;
            }
            var messages = warnings.TryGetValue(match.Seq, out var list) ? list : warnings[match.Seq] = [];
            if (!SameTitle(entry.Title, match.Title))
            {
                messages.Add($"index {entry.ListPath} lists the title '{entry.Title}', the article says '{match.Title}'");
            }
            if (!SameDay(entry, match))
            {
                messages.Add(string.Create(CultureInfo.InvariantCulture,
                    $"index {entry.ListPath} lists the date {entry.Month}-{entry.Day}, the article was published {match.Published:yyyy-MM-dd}"));
            }
        }
        using var select = StateDatabase.Prepare(connection, "SELECT warnings FROM inputs WHERE seq = $seq", "$seq");
        using var update = StateDatabase.Prepare(connection, "UPDATE inputs SET warnings = $warnings WHERE seq = $seq", "$warnings", "$seq");
        select.Transaction = update.Transaction = transaction;
        foreach (var (seq, messages) in warnings.Where(w => w.Value.Count > 0))
        {
            select.Parameters[0].Value = seq;
            var existing = StringList.Decode(select.ExecuteScalar() as string) ?? [];
            update.Parameters[0].Value = StringList.Encode([.. existing, .. messages]);
            update.Parameters[1].Value = seq;
            update.ExecuteNonQuery();
        }
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);

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

    private static bool SameDay(IndexPageEntry entry, Listed article)
    {
        // The index's day may come from the feed time or the publication time, in UTC or Beijing time.
        DateTimeOffset[] candidates =
        [
            article.Published, article.Published.ToUniversalTime(), article.Published.ToOffset(TimeSpan.FromHours(8)),
            article.FeedTime.ToUniversalTime(), article.FeedTime.ToOffset(TimeSpan.FromHours(8)),
        ];
        return candidates.Any(c => c.Month == entry.Month && c.Day == entry.Day);
    }
}
