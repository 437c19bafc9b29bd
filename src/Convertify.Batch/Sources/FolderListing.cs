using System.Collections;
using Convertify.Batch.State;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.Sources;

/// <summary>
/// A folder's inputs in ordinal path order, each a relative path and the error that refuses it (or none), kept in a
/// private temporary SQLite database (in memory while small, then in a temporary file) and read back by number: the
/// memory it needs does not grow with the number of inputs. As a list it is the relative paths
/// (<see cref="IArchiveSource.KnownPaths"/>); it can be read from any thread until it is disposed.
/// </summary>
internal sealed class FolderListing : IReadOnlyList<string>, IDisposable
{
    private const int ChunkSize = 512;
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private SqliteCommand? _add;
    private SqliteTransaction? _adding;
    private SqliteCommand? _read;

    public FolderListing()
    {
        _connection = StateDatabase.Open("");
        // Kept in path order as they come (a b-tree by key), so that completing the listing sorts nothing.
        StateDatabase.Execute(_connection, "CREATE TABLE found(path_key BLOB PRIMARY KEY, path TEXT NOT NULL, error TEXT) WITHOUT ROWID");
        _adding = _connection.BeginTransaction();
        _add = StateDatabase.Prepare(_connection, "INSERT OR IGNORE INTO found(path_key, path, error) VALUES ($key, $path, $error)", "$key", "$path", "$error");
        _add.Transaction = _adding;
    }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public string this[int index] => Read(index, 1).Single().Relative;

    /// <summary>Adds an input, in any order: its relative path, and why it is refused (null for a usable one).</summary>
    public void Add(string relative, string? error)
    {
        _add!.Parameters[0].Value = OrdinalKey.Of(relative);
        _add.Parameters[1].Value = relative;
        _add.Parameters[2].Value = (object?)error ?? DBNull.Value;
        _add.ExecuteNonQuery();
    }

    /// <summary>Numbers what was added, in path order (once). A path added twice (a folder changed while it was listed) is kept once, as first added.</summary>
    public void Complete()
    {
        _add!.Dispose();
        _add = null;
        StateDatabase.Execute(_connection, """
            CREATE TABLE listing(rank INTEGER PRIMARY KEY, path TEXT NOT NULL, error TEXT);
            INSERT INTO listing(path, error)
            SELECT path, error FROM found ORDER BY path_key;
            DROP TABLE found;
            """, _adding);
        _adding!.Commit();
        _adding = null;
        _read = StateDatabase.Prepare(_connection, "SELECT path, error FROM listing WHERE rank BETWEEN $first AND $last ORDER BY rank", "$first", "$last");
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM listing";
        Count = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Inputs <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1, in path order.</summary>
    public IEnumerable<(string Relative, string? Error)> Read(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        for (var first = start; first < start + count; first += ChunkSize)
        {
            var chunk = new List<(string, string?)>(Math.Min(ChunkSize, start + count - first));
            lock (_gate)
            {
                _read!.Parameters[0].Value = first + 1;
                _read.Parameters[1].Value = Math.Min(first + ChunkSize, start + count);
                using var reader = _read.ExecuteReader();
                while (reader.Read())
                {
                    chunk.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
                }
            }
            foreach (var input in chunk)
            {
                yield return input;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => Read(0, Count).Select(i => i.Relative).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _add?.Dispose();
            _read?.Dispose();
            _adding?.Dispose();
            _connection.Dispose();
        }
    }
}
