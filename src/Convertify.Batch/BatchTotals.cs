namespace Convertify.Batch;

/// <summary>Counts of inputs by status; <see cref="Found"/> is always their sum.</summary>
/// <param name="Converted">Inputs converted.</param>
/// <param name="Unchanged">Inputs unchanged since the last run.</param>
/// <param name="Skipped">Inputs left out by a filter, the shard, or as index pages.</param>
/// <param name="Failed">Inputs that failed.</param>
/// <param name="Cancelled">Inputs not processed because the run stopped.</param>
public sealed record BatchTotals(int Converted, int Unchanged, int Skipped, int Failed, int Cancelled)
{
    /// <summary>Every input found.</summary>
    public int Found => Converted + Unchanged + Skipped + Failed + Cancelled;

    /// <summary>Counts the statuses of <paramref name="results"/>.</summary>
    public static BatchTotals Of(IEnumerable<BatchInputResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Span<int> counts = stackalloc int[CountSlots];
        foreach (var result in results)
        {
            Tally(counts, result.Status);
        }
        return Of(counts);
    }

    /// <summary>How many counters <see cref="Tally"/> needs.</summary>
    internal const int CountSlots = (int)BatchStatus.Cancelled + 1;

    /// <summary>Adds one input of <paramref name="status"/> to <paramref name="counts"/> (<see cref="CountSlots"/> long).</summary>
    internal static void Tally(Span<int> counts, BatchStatus status) => counts[Slot(status)]++;

    /// <summary>The counter of <paramref name="status"/> among <see cref="CountSlots"/>.</summary>
    internal static int Slot(BatchStatus status) =>
        status is >= BatchStatus.Converted and < BatchStatus.Cancelled ? (int)status : (int)BatchStatus.Cancelled;

    /// <summary>The totals of counters filled by <see cref="Tally"/>.</summary>
    internal static BatchTotals Of(ReadOnlySpan<int> counts) =>
        new(counts[(int)BatchStatus.Converted], counts[(int)BatchStatus.Unchanged], counts[(int)BatchStatus.Skipped],
            counts[(int)BatchStatus.Failed], counts[(int)BatchStatus.Cancelled]);
}
