namespace Convertify.Excel;

/// <summary>
/// A table whose rows are too many for EPPlus' cell objects: EPPlus writes only the sheet's skeleton
/// (<see cref="TableSkeleton"/>), and the rows are streamed into the package afterwards (<see cref="StreamedSheet"/>).
/// A row is described by visiting its cells, so measuring, collecting hyperlinks and writing share one description.
/// </summary>
internal abstract class StreamedTable
{
    /// <summary>The Problems code of the note saying how many of a sheet's links stay text past Excel's limit.</summary>
    public const string HyperlinksCappedCode = "excel.hyperlinks_capped";

    protected StreamedTable(string name, string[] headers, ColumnKind[] kinds, int rowCount)
    {
        Name = name;
        Headers = headers;
        Kinds = kinds;
        RowCount = rowCount;
    }

    /// <summary>The name of the sheet and of its table.</summary>
    public string Name { get; }

    public string[] Headers { get; }

    public ColumnKind[] Kinds { get; }

    /// <summary>Whether any column's cells carry hyperlinks.</summary>
    public bool HasLinkColumns => Kinds.Any(k => k is ColumnKind.Link or ColumnKind.Address);

    /// <summary>How many data rows are written (at most <see cref="CatalogWorkbook.MaxDataRows"/>).</summary>
    public int RowCount { get; }

    /// <summary>Visits the cells of data row <paramref name="index"/> (0-based) in column order.</summary>
    public abstract void VisitRow(int index, ICellVisitor cells);

    /// <summary>Lets go of the rows once the sheet is written.</summary>
    public abstract void Release();

    /// <summary>Empties a list of rows and frees its array.</summary>
    protected static void Drop<T>(List<T> list)
    {
        list.Clear();
        list.TrimExcess();
    }

    /// <summary>The hyperlinks of the rows (1-based row, 0-based column, target), once <see cref="CollectHyperlinks"/> ran.</summary>
    public IReadOnlyList<(int Row, int Column, string Target)> Hyperlinks { get; private set; } = [];

    /// <summary>
    /// Finds the rows' hyperlinks, at most as many as Excel takes on a sheet; a problem row says how many cells stay plain
    /// text beyond that (Excel would repair the file and drop every hyperlink of the sheet).
    /// </summary>
    public void CollectHyperlinks(List<ProblemRow> problems)
    {
        if (!HasLinkColumns)
        {
            return;
        }
        var collector = new HyperlinkCollector(Headers.Length, Excel.Hyperlinks.MaxPerSheet);
        for (var i = 0; i < RowCount; i++)
        {
            collector.BeginRow(i + 2);
            VisitRow(i, collector);
        }
        var (links, leftOut) = collector.Take();
        Hyperlinks = links;
        if (leftOut > 0)
        {
            problems.Insert(0, new ProblemRow("(catalogue)", string.Empty, ProblemRow.Warning, HyperlinksCappedCode,
                $"{Name}: {leftOut:N0} link(s) beyond Excel's limit of {Excel.Hyperlinks.MaxPerSheet:N0} hyperlinks per sheet stay plain text"));
        }
    }

    /// <summary>Lets go of the hyperlinks once the sheet is written.</summary>
    public void ReleaseHyperlinks() => Hyperlinks = [];

    /// <summary>Measures every column over the header and all rows.</summary>
    public ColumnWidths MeasureColumns(int maxWidth)
    {
        var widths = new ColumnWidths(Headers, Kinds, maxWidth);
        for (var i = 0; i < RowCount; i++)
        {
            VisitRow(i, widths);
        }
        return widths;
    }
}
