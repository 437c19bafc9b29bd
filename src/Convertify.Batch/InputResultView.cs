using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>
/// An input record's result fields where they lie in the record: for the passes at a run's end that copy or print every
/// input, which would otherwise make a <see cref="BatchInputResult"/> and its strings for each one.
/// </summary>
internal readonly ref struct InputResultView
{
    public InputResultView(BatchStatus status, ReadOnlySpan<char> path, bool hasReason, ReadOnlySpan<char> reason, bool hasId,
        ReadOnlySpan<char> id, bool standardOutputs, ReadOnlySpan<byte> outputs, ReadOnlySpan<byte> warnings, bool hasDuplicateOf,
        ReadOnlySpan<char> duplicateOf)
    {
        Status = status;
        Path = path;
        HasReason = hasReason;
        Reason = reason;
        HasId = hasId;
        Id = id;
        StandardOutputs = standardOutputs;
        Outputs = outputs;
        Warnings = warnings;
        HasDuplicateOf = hasDuplicateOf;
        DuplicateOf = duplicateOf;
    }

    public BatchStatus Status { get; }

    public ReadOnlySpan<char> Path { get; }

    public bool HasReason { get; }

    public ReadOnlySpan<char> Reason { get; }

    public bool HasId { get; }

    public ReadOnlySpan<char> Id { get; }

    /// <summary>Whether the outputs are the input's path with each of the run's extensions (made when read).</summary>
    public bool StandardOutputs { get; }

    /// <summary>Other outputs, as a list of strings for <see cref="RecordReader"/> (empty when none).</summary>
    public ReadOnlySpan<byte> Outputs { get; }

    /// <summary>The warnings, as a list of strings for <see cref="RecordReader"/> (empty when none).</summary>
    public ReadOnlySpan<byte> Warnings { get; }

    public bool HasDuplicateOf { get; }

    public ReadOnlySpan<char> DuplicateOf { get; }
}
