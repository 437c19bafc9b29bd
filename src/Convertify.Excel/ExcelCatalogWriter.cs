using Convertify.Formats;

namespace Convertify.Excel;

/// <summary>
/// Writes a catalogue of many articles as one Excel workbook (sheets Articles, Images, Links, Sites, Problems).
/// The sink keeps compact rows, not articles, so a batch can stream any number of articles into it.
/// </summary>
public sealed class ExcelCatalogWriter : ICatalogWriter
{
    private readonly ExcelCatalogOptions _options;

    /// <summary>Creates the writer.</summary>
    public ExcelCatalogWriter(ExcelCatalogOptions? options = null) => _options = options ?? ExcelCatalogOptions.Default;

    /// <inheritdoc />
    public FormatInfo Format { get; } = new("xlsx", "Excel catalogue of many articles (one row per article)", ".xlsx");

    /// <inheritdoc />
    public IArticleSink Open(Stream output, CatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new ExcelArticleSink(output, options ?? new CatalogOptions(), _options);
    }
}
