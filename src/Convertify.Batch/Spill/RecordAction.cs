namespace Convertify.Batch.Spill;

/// <summary>Does something with a record read from a <see cref="RecordSpool"/> (valid only during the call).</summary>
internal delegate void RecordAction(ReadOnlySpan<byte> record);
