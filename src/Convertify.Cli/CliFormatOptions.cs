using Convertify.Word;

namespace Convertify.Cli;

/// <summary>Writer options chosen on the command line.</summary>
internal sealed record CliFormatOptions(WordWriterOptions? Word = null)
{
    public static CliFormatOptions Default { get; } = new();
}
