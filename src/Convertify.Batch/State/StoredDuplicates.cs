using System.Collections;

namespace Convertify.Batch.State;

/// <summary>A run's duplicate groups as the state database holds them, in the report's order, read when used.</summary>
internal sealed class StoredDuplicates(string databasePath, int count) : IReadOnlyList<BatchDuplicate>
{
    public int Count => count;

    public BatchDuplicate this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            var members = StateDatabase.Query(databasePath, "SELECT kind, key, path FROM duplicates WHERE grp = $p ORDER BY rowid",
                row => (Kind: row.GetString(0), Key: row.GetString(1), Path: row.GetString(2)), index).ToList();
            return new BatchDuplicate(members[0].Kind, members[0].Key, [.. members.Select(m => m.Path)]);
        }
    }

    /// <summary>Each group is read whole (a group holds its paths); the next one after it.</summary>
    public IEnumerator<BatchDuplicate> GetEnumerator()
    {
        BatchDuplicate? group = null;
        var paths = new List<string>();
        var number = -1L;
        foreach (var (grp, kind, key, path) in StateDatabase.Query(databasePath, "SELECT grp, kind, key, path FROM duplicates ORDER BY rowid",
                     row => (row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3))))
        {
            if (grp != number)
            {
                if (group is not null)
                {
                    yield return group with { Paths = [.. paths] };
                }
                number = grp;
                group = new BatchDuplicate(kind, key, []);
                paths.Clear();
            }
            paths.Add(path);
        }
        if (group is not null)
        {
            yield return group with { Paths = [.. paths] };
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
