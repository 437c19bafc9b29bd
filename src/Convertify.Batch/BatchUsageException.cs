using Convertify.Errors;

namespace Convertify.Batch;

/// <summary>The batch was asked for something impossible (missing input, unknown format, output inside nothing): a usage error, exit code 2.</summary>
public sealed class BatchUsageException : ConvertifyException
{
    /// <summary>Creates the error.</summary>
    public BatchUsageException(string message) : base(message) { }
}
