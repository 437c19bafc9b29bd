using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;

namespace Convertify.Excel;

/// <summary>
/// Merges catalogues written by <see cref="ExcelCatalogWriter"/> into one: rows are concatenated in input order,
/// <c>duplicate_of</c> and the Sites sheet are computed anew over all of them.
/// Hyperlinks to exported files stay as written: relative to where each input catalogue was.
/// </summary>
public sealed class CatalogMerger
{
    private readonly ExcelCatalogOptions _options;

    /// <summary>Creates a merger that writes with the given options.</summary>
    public CatalogMerger(ExcelCatalogOptions? options = null) => _options = options ?? ExcelCatalogOptions.Default;

    /// <summary>Merges catalogues read from streams into <paramref name="output"/>.</summary>
    /// <exception cref="ConvertifyException">An input is not a catalogue this writer produced.</exception>
    public void Merge(IEnumerable<Stream> inputs, Stream output, CatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new CatalogRows();
        var n = 0;
        foreach (var input in inputs)
        {
            n++;
            CatalogReader.Read(input, $"input {n}", rows);
        }
        CatalogWorkbook.Write(rows, output, options ?? new CatalogOptions(), _options);
    }

    /// <summary>Merges catalogue files into <paramref name="outputPath"/>, which appears complete or not at all.</summary>
    /// <exception cref="ConvertifyException">An input is missing, unreadable or not a catalogue this writer produced.</exception>
    public void MergeFiles(IEnumerable<string> inputPaths, string outputPath, CatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        ArgumentNullException.ThrowIfNull(outputPath);
        var rows = new CatalogRows();
        foreach (var path in inputPaths)
        {
            try
            {
                using var stream = File.OpenRead(path);
                CatalogReader.Read(stream, path, rows);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConvertifyException($"{path}: {e.Message}", e);
            }
        }
        AtomicFile.Write(outputPath, stream => CatalogWorkbook.Write(rows, stream, options ?? new CatalogOptions(), _options));
    }
}
