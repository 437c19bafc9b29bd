using System.Globalization;
using System.Threading.Channels;
using Convertify.Batch.Output;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>
/// The state database's one writer: workers hand it their inputs through a bounded channel, and it commits what came
/// within a commit interval in one transaction (a few hundred rows in a busy run), waking a few times a
/// second rather than once per input. A run killed at any moment loses at most the rows not yet committed; their
/// outputs were written atomically, so the next run converts those inputs again and gets the same files.
/// </summary>
internal sealed class ResultWriter : IAsyncDisposable
{
    private const int Capacity = 4096;
    private static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _commitInterval;
    private readonly SqliteConnection _connection;
    private readonly Channel<InputRow> _rows = Channel.CreateBounded<InputRow>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _setManifest;
    private readonly SqliteCommand _forgetManifest;
    private readonly SqliteCommand _insertIndexEntry;
    // Cancelled by CompleteAsync: the last rows are committed at once rather than after the commit interval.
    private readonly CancellationTokenSource _completing = new();
    private readonly Task _loop;

    /// <param name="connection">The state database.</param>
    /// <param name="commitInterval">How long the writer lets rows gather before a commit; 100 ms when null.</param>
    public ResultWriter(SqliteConnection connection, TimeSpan? commitInterval = null)
    {
        _connection = connection;
        _commitInterval = commitInterval ?? DefaultCommitInterval;
        _insert = StateDatabase.Prepare(connection, """
            INSERT INTO inputs(seq, path, path_key, status, reason, id, has_outputs, warnings, title, url, content_hash, published, feed_time)
            VALUES ($seq, $path, $key, $status, $reason, $id, $outputs, $warnings, $title, $url, $hash, $published, $feed)
            """, "$seq", "$path", "$key", "$status", "$reason", "$id", "$outputs", "$warnings", "$title", "$url", "$hash", "$published", "$feed");
        _setManifest = SetManifestCommand(connection);
        _forgetManifest = ForgetManifestCommand(connection);
        _insertIndexEntry = StateDatabase.Prepare(connection,
            "INSERT INTO index_entries(list_path, month, day, title, site, id) VALUES ($list, $month, $day, $title, $site, $id)",
            "$list", "$month", "$day", "$title", "$site", "$id");
        _loop = Task.Run(WriteAllAsync);
    }

    /// <summary>Hands an input to the writer; waits while the channel is full.</summary>
    /// <exception cref="ChannelClosedException">The writer failed (see <see cref="CompleteAsync"/>).</exception>
    public ValueTask AddAsync(InputRow row) => _rows.Writer.WriteAsync(row);

    /// <summary>Commits what was handed in and stops; rethrows what made the writer fail.</summary>
    public Task CompleteAsync()
    {
        _rows.Writer.TryComplete();
        _completing.Cancel();
        return _loop;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _rows.Writer.TryComplete();
        _completing.Cancel();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            // Reported by CompleteAsync to a run that got that far.
        }
        _completing.Dispose();
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[_insert, _setManifest, _forgetManifest, _insertIndexEntry])
        {
            command.Dispose();
        }
    }

    internal static SqliteCommand SetManifestCommand(SqliteConnection connection) => StateDatabase.Prepare(connection,
        "INSERT OR REPLACE INTO manifest(path, sha256, tool, options, outputs) VALUES ($path, $sha, $tool, $options, $outputs)",
        "$path", "$sha", "$tool", "$options", "$outputs");

    internal static SqliteCommand ForgetManifestCommand(SqliteConnection connection) =>
        StateDatabase.Prepare(connection, "DELETE FROM manifest WHERE path = $path", "$path");

    /// <summary>Runs <paramref name="command"/> (from <see cref="SetManifestCommand"/>, or <see cref="ForgetManifestCommand"/> when <paramref name="entry"/> is null).</summary>
    internal static void WriteManifest(SqliteCommand command, SqliteTransaction transaction, string path, ManifestEntry? entry)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = path;
        if (entry is not null)
        {
            command.Parameters[1].Value = entry.Sha256;
            command.Parameters[2].Value = entry.Tool;
            command.Parameters[3].Value = entry.Options;
            command.Parameters[4].Value = StringList.Encode(entry.Outputs);
        }
        command.ExecuteNonQuery();
    }

    private async Task WriteAllAsync()
    {
        var rows = _rows.Reader;
        try
        {
            while (await rows.WaitToReadAsync().ConfigureAwait(false))
            {
                if (rows.Count < Capacity / 2 && !_completing.IsCancellationRequested)
                {
                    // Let the rows of the next moments come: a transaction per row would cost more than the rows. The
                    // run's end cuts the wait short: no more rows will come.
                    await Task.Delay(_commitInterval, _completing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                using var transaction = _connection.BeginTransaction();
                while (rows.TryRead(out var row))
                {
                    Write(transaction, row);
                }
                transaction.Commit();
            }
        }
        catch (Exception e)
        {
            // Workers waiting on a full channel are let go: their next hand-over throws.
            _rows.Writer.TryComplete(e);
            throw;
        }
    }

    private void Write(SqliteTransaction transaction, InputRow row)
    {
        var result = row.Result;
        var summary = row.Summary;
        var p = _insert.Parameters;
        _insert.Transaction = transaction;
        p[0].Value = row.Key;
        p[1].Value = result.Path;
        // The rows of an input that holds many articles keep their order, together, after the input's own place.
        p[2].Value = OrdinalKey.Of(row.GroupPath is null ? result.Path : row.GroupPath + OutputNames.ItemSeparator);
        p[3].Value = (int)result.Status;
        p[4].Value = (object?)result.Reason ?? DBNull.Value;
        p[5].Value = (object?)result.Id ?? DBNull.Value;
        p[6].Value = result.Outputs is null ? 0 : row.IsItem ? StoredInputs.ItemOutputs : 1;
        p[7].Value = (object?)StringList.Encode(result.Warnings) ?? DBNull.Value;
        p[8].Value = (object?)summary?.Title ?? DBNull.Value;
        p[9].Value = (object?)summary?.OriginalUrl ?? DBNull.Value;
        p[10].Value = (object?)summary?.ContentHash ?? DBNull.Value;
        p[11].Value = summary is null ? DBNull.Value : summary.Published.ToString("O", CultureInfo.InvariantCulture);
        p[12].Value = summary is null ? DBNull.Value : summary.FeedTime.ToString("O", CultureInfo.InvariantCulture);
        _insert.ExecuteNonQuery();
        if (row.Manifest is not null || row.ForgetManifest)
        {
            WriteManifest(row.Manifest is null ? _forgetManifest : _setManifest, transaction, row.GroupPath ?? result.Path, row.Manifest);
        }
        foreach (var entry in row.IndexEntries ?? [])
        {
            var e = _insertIndexEntry.Parameters;
            _insertIndexEntry.Transaction = transaction;
            e[0].Value = entry.ListPath;
            e[1].Value = entry.Month;
            e[2].Value = entry.Day;
            e[3].Value = entry.Title;
            e[4].Value = entry.Site;
            e[5].Value = entry.Id;
            _insertIndexEntry.ExecuteNonQuery();
        }
    }
}
