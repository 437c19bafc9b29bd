namespace Convertify.Cli;

/// <summary>The command line asks for something impossible (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
