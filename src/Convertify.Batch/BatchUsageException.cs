using Convertify.Errors;

namespace Convertify.Batch;

/// <summary>
/// The batch was asked for something impossible (unknown format, input of an unknown kind, output folder holding the input): a
/// usage error, exit code 2. The message names the <see cref="BatchOptions"/> property to change (<c>BatchOptions.OutputDirectory</c>).
/// </summary>
public sealed class BatchUsageException : ConvertifyException
{
    /// <summary>Creates the error.</summary>
    public BatchUsageException(string message) : base(message) { }
}
