namespace Convertify.Excel;

/// <summary>
/// A table whose rows are too many for EPPlus' cell objects: EPPlus writes only the sheet's skeleton
/// (<see cref="TableSkeleton"/>), and the rows are streamed into the package afterwards (<see cref="StreamedSheet"/>).
/// A row is described by visiting its cells, so measuring, collecting hyperlinks and writing share one description.
/// </summary>
internal abstract class StreamedTable
{
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
