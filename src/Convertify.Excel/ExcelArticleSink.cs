using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Excel;

/// <summary>Collects compact rows for each article and writes the workbook on <see cref="Complete"/>.</summary>
internal sealed class ExcelArticleSink : IArticleSink
{
    private readonly Stream _output;
    private readonly CatalogOptions _options;
    private readonly ExcelCatalogOptions _excelOptions;
    private readonly object _gate = new();
    private CatalogRows? _rows = new();
    private bool _completed;

    public ExcelArticleSink(Stream output, CatalogOptions options, ExcelCatalogOptions excelOptions)
    {
        _output = output;
        _options = options;
        _excelOptions = excelOptions;
    }

    public void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        lock (_gate)
        {
            ArticleRowFactory.Add(Rows(), article, exportedFiles, _excelOptions);
        }
    }

    public void AddFailure(string sourcePath, string message)
    {
        lock (_gate)
        {
            Rows().Problems.Add(new ProblemRow(CellText.Safe(sourcePath), string.Empty, ProblemRow.Error, "input.failed", CellText.Safe(message)));
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            var rows = Rows();
            CatalogWorkbook.Write(rows, _output, _options, _excelOptions);
            _completed = true;
            _rows = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _rows = null;
        }
    }

    private CatalogRows Rows()
    {
        if (_completed)
        {
            throw new InvalidOperationException("the catalogue is already complete");
        }
        return _rows ?? throw new ObjectDisposedException(nameof(ExcelArticleSink));
    }
}
