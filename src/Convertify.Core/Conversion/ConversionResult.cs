using Convertify.Errors;

namespace Convertify.Conversion;

/// <summary>The outcome of converting one input file: the file written, or the reason it was not.</summary>
/// <param name="SourcePath">The input's path, as given.</param>
/// <param name="OutputPath">The file written; null when the input failed.</param>
/// <param name="Error">Why the input could not be read (it names the file and the problem); null on success.</param>
public sealed record ConversionResult(string SourcePath, string? OutputPath, ArticleFormatException? Error)
{
    /// <summary>True when the output file was written.</summary>
    public bool Succeeded => Error is null;
}
