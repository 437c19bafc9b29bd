using System.Collections;
using Convertify.Batch.Output;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>
/// A run's report inputs as the state database holds them, in path order, read when used: memory does not grow with the
/// archive. A later run on the same output folder replaces them.
/// </summary>
internal sealed class StoredInputs(string databasePath, int count, string[] extensions) : IReadOnlyList<BatchInputResult>
{
    private const string Select = """
        SELECT i.path, i.status, i.reason, i.id, i.has_outputs, i.warnings, l.first
        FROM report_order o JOIN inputs i ON i.seq = o.seq LEFT JOIN links l ON l.seq = i.seq
        """;

    /// <summary>The <c>has_outputs</c> of an article of an input that holds many: its outputs are named per article.</summary>
    public const int ItemOutputs = 2;

    public int Count => count;

    public BatchInputResult this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            return StateDatabase.Query(databasePath, Select + " WHERE o.rank = $p", Read, index + 1).Single();
        }
    }

    /// <summary>The failed inputs, in path order.</summary>
    public IEnumerable<BatchInputResult> Failed() =>
        StateDatabase.Query(databasePath, Select + $" WHERE i.status = {(int)BatchStatus.Failed} ORDER BY o.rank", Read);

    public IEnumerator<BatchInputResult> GetEnumerator() => StateDatabase.Query(databasePath, Select + " ORDER BY o.rank", Read).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private BatchInputResult Read(SqliteDataReader row)
    {
        var path = row.GetString(0);
        return new BatchInputResult(path, (BatchStatus)row.GetInt32(1), Text(row, 2), Text(row, 3),
            row.GetInt32(4) switch { 0 => null, ItemOutputs => new OutputNames(path, extensions, item: true), _ => new OutputNames(path, extensions) },
            StringList.Decode(Text(row, 5)), Text(row, 6));
    }

    private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
