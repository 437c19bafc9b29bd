namespace Convertify.Batch.Spill;

/// <summary>Makes a value of a record read from a <see cref="RecordSpool"/>.</summary>
internal delegate T RecordDecoder<out T>(ReadOnlySpan<byte> record);
