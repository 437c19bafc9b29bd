using System.Globalization;
using System.Text;
using Convertify.Batch.State;
using Convertify.Formats;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch;

/// <summary>
/// Turns a run's rows in the state database into its report, in SQL: the inputs in path order, the duplicate groups
/// (a URL or content hash held more than once), each later member of a group linked to its first (a URL group's link
/// wins over a content group's), and index pages' disagreements added to the articles' warnings.
/// Nothing grows in memory with the number of inputs but the index pages' entries and the articles they name.
/// </summary>
internal static class ReportAssembler
{
    // The groups: each key held more than once, with its first member's rank, numbered by that member, a content group
    // before a URL group with the same first member. One GROUP BY per kind over the inputs; the members are found after,
    // by the few keys, so no row is sorted twice and no member joins back to its group by a text key.
    private const string GroupsSql = """
        CREATE TEMP TABLE report_groups(grp INTEGER PRIMARY KEY, k INTEGER NOT NULL, key TEXT NOT NULL, first INTEGER NOT NULL);
        INSERT INTO report_groups(grp, k, key, first)
        SELECT row_number() OVER (ORDER BY first, k) - 1, k, key, first FROM (
            SELECT 0 AS k, i.content_hash AS key, min(o.rank) AS first FROM inputs i JOIN report_order o ON o.seq = i.seq
            WHERE i.content_hash <> '' GROUP BY i.content_hash HAVING count(*) > 1
            UNION ALL
            SELECT 1, i.url, min(o.rank) FROM inputs i JOIN report_order o ON o.seq = i.seq
            WHERE i.url <> '' GROUP BY i.url HAVING count(*) > 1);
        """;

    // The members of the groups, each by its rank in the report's order, with its group's number and first member.
    private const string MembersSql = """
        CREATE TEMP TABLE report_members AS
        SELECT g.grp AS grp, g.k AS k, o.rank AS rank, i.seq AS seq, g.first AS first
        FROM report_groups g JOIN inputs i ON i.content_hash = g.key JOIN report_order o ON o.seq = i.seq WHERE g.k = 0
        UNION ALL
        SELECT g.grp, g.k, o.rank, i.seq, g.first
        FROM report_groups g JOIN inputs i ON i.url = g.key JOIN report_order o ON o.seq = i.seq WHERE g.k = 1
        """;

    // Each later member of a group gets its group's first member; a URL group's link replaces a content group's.
    private const string LinkSql = """
        INSERT OR REPLACE INTO links(seq, first)
        SELECT m.seq, f.path FROM report_members m JOIN report_order fo ON fo.rank = m.first JOIN inputs f ON f.seq = fo.seq
        WHERE m.k = {0} AND m.rank <> m.first
        """;

    private const string DuplicatesSql = """
        INSERT INTO duplicates(grp, kind, key, path)
        SELECT m.grp, CASE m.k WHEN 0 THEN 'content' ELSE 'url' END, g.key, i.path
        FROM report_members m JOIN report_groups g ON g.grp = m.grp JOIN inputs i ON i.seq = m.seq
        ORDER BY m.grp, m.rank;
        CREATE INDEX duplicates_by_group ON duplicates(grp);
        DROP TABLE report_members;
        DROP TABLE report_groups;
        """;

    /// <summary>Completes the run's rows for the report; returns the number of duplicate groups.</summary>
    /// <param name="connection">The state database, every input written.</param>
    /// <param name="totals">The inputs' counts by status, as the run counted the rows the state's writer took (every one committed by now).</param>
    /// <param name="notProcessed">The reason given to inputs the run did not process.</param>
    /// <param name="indexPages">Gives articles the ids index pages list them under.</param>
    public static int Assemble(SqliteConnection connection, BatchTotals totals, string notProcessed, IIndexPageReader? indexPages)
    {
        using var transaction = connection.BeginTransaction();
        if (totals.Cancelled > 0)
        {
            using var cancelled = StateDatabase.Prepare(connection, $"UPDATE inputs SET reason = $reason WHERE status = {(int)BatchStatus.Cancelled}", "$reason");
            cancelled.Transaction = transaction;
            cancelled.Parameters[0].Value = notProcessed;
            cancelled.ExecuteNonQuery();
        }
        // The report's order (a path a tar held twice keeps its arrival order): a member's rank stands for its place.
        StateDatabase.Execute(connection, "INSERT INTO report_order(seq) SELECT seq FROM inputs ORDER BY path_key, seq", transaction);
        if (indexPages is not null)
        {
            CrossCheck(connection, transaction, indexPages);
        }
        StateDatabase.Execute(connection, GroupsSql, transaction);
        StateDatabase.Execute(connection, MembersSql, transaction);
        StateDatabase.Execute(connection, string.Format(CultureInfo.InvariantCulture, LinkSql, 0), transaction);
        StateDatabase.Execute(connection, string.Format(CultureInfo.InvariantCulture, LinkSql, 1), transaction);
        StateDatabase.Execute(connection, DuplicatesSql, transaction);
        int groups;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT count(DISTINCT grp) FROM duplicates";
            groups = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        transaction.Commit();
        return groups;
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
        command.CommandText = """
            SELECT i.seq, i.path, i.title, i.published, i.feed_time, i.path_key FROM report_order o JOIN inputs i ON i.seq = o.seq
            WHERE i.title IS NOT NULL ORDER BY o.rank
            """;
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
