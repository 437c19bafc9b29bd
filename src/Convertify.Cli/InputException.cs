namespace Convertify.Cli;

/// <summary>An input cannot be converted for a reason the article reader never sees, such as a folder given as a file (exit code 1).</summary>
internal sealed class InputException(string message) : Exception(message);
