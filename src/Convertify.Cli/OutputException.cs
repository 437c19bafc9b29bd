namespace Convertify.Cli;

/// <summary>An output could not be written where it was asked for (a missing or read-only folder, a full disk): exit code 1, one line naming the folder.</summary>
internal sealed class OutputException(string message, Exception innerException) : IOException(message, innerException);
