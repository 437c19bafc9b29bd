using Convertify.Batch.Spill;

namespace Convertify.Batch;

/// <summary>A run's report inputs: <see cref="InputRecord"/>s of a spool, read as results, or as records by the report's writer.</summary>
internal sealed class SpooledInputs(RecordSpool spool, int count, string[] extensions)
    : SpooledList<BatchInputResult>(spool, count, record => InputRecord.ReadResult(record, extensions))
{
    /// <summary>The run's output extensions, from which an input's standard output names are made.</summary>
    public string[] Extensions => extensions;
}
