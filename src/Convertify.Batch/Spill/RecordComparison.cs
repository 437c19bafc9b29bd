namespace Convertify.Batch.Spill;

/// <summary>Orders two records of an <see cref="ExternalSorter"/>.</summary>
internal delegate int RecordComparison(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y);
