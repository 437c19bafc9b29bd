namespace Convertify.Conversion;

/// <summary>What became of one input of <see cref="Converter.ConvertManyAsync(IEnumerable{string}, string, string, IProgress{ConversionProgress}, CancellationToken)"/>.</summary>
public enum ConversionStatus
{
    /// <summary>The output file was written.</summary>
    Converted,
    /// <summary>The input is not a readable article: <see cref="ConversionResult.Error"/> says why.</summary>
    Failed,
    /// <summary>The run was cancelled before this input was converted: nothing was written for it.</summary>
    Cancelled,
}
