namespace Convertify.Batch;

/// <summary>What a batch run did with one input.</summary>
public enum BatchStatus
{
    /// <summary>The input was read and its outputs were written.</summary>
    Converted,
    /// <summary>The input and options are as in the previous run and its outputs still exist; nothing was written.</summary>
    Unchanged,
    /// <summary>The input was left out: a filter, the shard, or it is an index page rather than an article.</summary>
    Skipped,
    /// <summary>The input could not be read or converted (see the reason); the run went on with the others.</summary>
    Failed,
    /// <summary>The run stopped (Ctrl+C or <c>--fail-fast</c>) before this input was processed.</summary>
    Cancelled,
}
