namespace Convertify.Excel;

/// <summary>The Images sheet: one row per figure.</summary>
internal sealed class ImagesTable : StreamedTable
{
    public static readonly string[] ColumnHeaders = ["article_id", "position", "url", "alt", "caption", "credit"];
    private static readonly ColumnKind[] ColumnKinds = [ColumnKind.Text, ColumnKind.Number, ColumnKind.Address, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text];

    private readonly List<ImageRow> _rows;

    public ImagesTable(List<ImageRow> rows, List<ProblemRow> problems)
        : base(CatalogWorkbook.ImagesSheet, ColumnHeaders, ColumnKinds, CatalogWorkbook.Fit(rows.Count, CatalogWorkbook.ImagesSheet, problems)) => _rows = rows;

    public override void VisitRow(int index, ICellVisitor cells)
    {
        var image = _rows[index];
        cells.Text(0, image.ArticleId);
        cells.Number(1, image.Position);
        cells.Link(2, image.Url, image.Url, relative: false);
        cells.Text(3, image.Alt);
        cells.Text(4, image.Caption);
        cells.Text(5, image.Credit);
    }

    public override void Release() => Drop(_rows);
}
