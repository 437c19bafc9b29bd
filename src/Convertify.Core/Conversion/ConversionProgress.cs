namespace Convertify.Conversion;

/// <summary>Reported through <see cref="IProgress{T}"/> after each input of <see cref="Converter.ConvertManyAsync(IEnumerable{string}, string, string, IProgress{ConversionProgress}, CancellationToken)"/>.</summary>
/// <param name="Completed">Inputs finished so far, this one included (converted or failed).</param>
/// <param name="Total">Inputs in the run.</param>
/// <param name="Result">The input just finished.</param>
public sealed record ConversionProgress(int Completed, int Total, ConversionResult Result);
