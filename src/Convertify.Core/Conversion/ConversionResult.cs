using Convertify.Errors;

namespace Convertify.Conversion;

/// <summary>The outcome of converting one input file: the file written, the reason it was not, or that the run was cancelled first.</summary>
/// <param name="SourcePath">The input's path, as given.</param>
/// <param name="OutputPath">The file written; null when the input failed or was cancelled.</param>
/// <param name="Error">Why the input could not be read (it names the file and the problem); null when converted or cancelled.</param>
public sealed record ConversionResult(string SourcePath, string? OutputPath, ArticleFormatException? Error)
{
    /// <summary>True when the run was cancelled before this input was converted (nothing was written for it).</summary>
    public bool Cancelled { get; init; }

    /// <summary>True when the output file was written.</summary>
    public bool Succeeded => Error is null && !Cancelled;

    /// <summary>Converted, failed or cancelled.</summary>
    public ConversionStatus Status => Cancelled ? ConversionStatus.Cancelled : Error is null ? ConversionStatus.Converted : ConversionStatus.Failed;
}
