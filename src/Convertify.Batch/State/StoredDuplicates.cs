using System.Collections;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>A run's duplicate groups as the state database holds them, in the report's order, read when used (a group whole).</summary>
internal sealed class StoredDuplicates(string databasePath, int count) : IReadOnlyList<BatchDuplicate>
{
    private const string Select = "SELECT kind, key, json_group_array(path) FROM (SELECT grp, kind, key, path FROM duplicates ORDER BY grp, rowid)";

    public int Count => count;

    public BatchDuplicate this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            return StateDatabase.Query(databasePath, Select + " WHERE grp = $p GROUP BY grp", Read, index).Single();
        }
    }

    public IEnumerator<BatchDuplicate> GetEnumerator() => StateDatabase.Query(databasePath, Select + " GROUP BY grp ORDER BY grp", Read).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static BatchDuplicate Read(SqliteDataReader row) => new(row.GetString(0), row.GetString(1), StringList.Decode(row.GetString(2))!);
}
