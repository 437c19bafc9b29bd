using Convertify.Errors;

namespace Convertify.Batch;

/// <summary>The batch was asked for something impossible (unknown format, input of an unknown kind, output folder holding the input): a usage error, exit code 2.</summary>
public sealed class BatchUsageException : ConvertifyException
{
    /// <summary>Creates the error.</summary>
    public BatchUsageException(string message) : base(message) { }
}
