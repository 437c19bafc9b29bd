namespace Convertify.Batch.Spill;

/// <summary>Reads records one after the other; <see cref="Current"/> is valid until the next <see cref="MoveNext"/>.</summary>
internal abstract class RecordCursor : IDisposable
{
    /// <summary>The record the cursor is on.</summary>
    public abstract ReadOnlySpan<byte> Current { get; }

    /// <summary>Moves to the next record; false at the end.</summary>
    public abstract bool MoveNext();

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }
}
