using Convertify.Conversion;

namespace Convertify.Cli;

/// <summary>
/// What the commands take from their surroundings: the converter (readers and writers) they use, and standard output
/// for documents written there. The tool uses <see cref="Default"/>; tests run the commands in-process with a
/// converter of their own (a test-only reader) and an output they can read.
/// </summary>
/// <param name="CreateConverter">Makes the converter for the writer options a command was given.</param>
/// <param name="OpenStandardOutput">Opens the stream that documents written to standard output go to.</param>
internal sealed record CliHost(Func<CliFormatOptions, Converter> CreateConverter, Func<Stream> OpenStandardOutput)
{
    /// <summary>The formats of <see cref="FormatRegistration"/> and the process's standard output.</summary>
    public static CliHost Default { get; } = new(FormatRegistration.CreateConverter, Console.OpenStandardOutput);
}
