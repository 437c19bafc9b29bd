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
        int converted = 0, unchanged = 0, skipped = 0, failed = 0, cancelled = 0;
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case BatchStatus.Converted: converted++; break;
                case BatchStatus.Unchanged: unchanged++; break;
                case BatchStatus.Skipped: skipped++; break;
                case BatchStatus.Failed: failed++; break;
                default: cancelled++; break;
            }
        }
        return new BatchTotals(converted, unchanged, skipped, failed, cancelled);
    }
}
