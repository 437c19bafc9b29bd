namespace Convertify.Excel;

/// <summary>The Links sheet: one row per link, internal (into the archive) or external.</summary>
internal sealed class LinksTable : StreamedTable
{
    public const string Internal = "internal";
    public const string External = "external";
    public static readonly string[] ColumnHeaders = ["article_id", "text", "url", "kind"];
    private static readonly ColumnKind[] ColumnKinds = [ColumnKind.Text, ColumnKind.Text, ColumnKind.Address, ColumnKind.Text];

    private readonly List<LinkRow> _rows;

    public LinksTable(List<LinkRow> rows, List<ProblemRow> problems)
        : base(CatalogWorkbook.LinksSheet, ColumnHeaders, ColumnKinds, CatalogWorkbook.Fit(rows.Count, CatalogWorkbook.LinksSheet, problems)) => _rows = rows;

    public override void VisitRow(int index, ICellVisitor cells)
    {
        var link = _rows[index];
        cells.Text(0, link.ArticleId);
        cells.Text(1, link.Text);
        cells.Link(2, link.Url, link.Url, relative: false);
        cells.Text(3, link.Internal ? Internal : External);
    }

    public override void Release() => Drop(_rows);
}
