using Convertify.Errors;

namespace Convertify.Batch;

/// <summary>Another batch is writing the same output folder: this one is refused before it changes anything (exit code 1).</summary>
public sealed class BatchBusyException : ConvertifyException
{
    /// <summary>Creates the error.</summary>
    public BatchBusyException(string message) : base(message) { }
}
