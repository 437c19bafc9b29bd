namespace Convertify.Excel;

/// <summary>The Problems sheet: every warning and error, per input.</summary>
internal sealed class ProblemsTable : StreamedTable
{
    public static readonly string[] ColumnHeaders = ["source", "article_id", "severity", "code", "message"];
    private static readonly ColumnKind[] ColumnKinds = [ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text];

    private readonly List<ProblemRow> _rows;

    /// <summary>The table over <paramref name="rows"/>, which must hold every problem by now (the other tables add theirs when created).</summary>
    public ProblemsTable(List<ProblemRow> rows)
        : base(CatalogWorkbook.ProblemsSheet, ColumnHeaders, ColumnKinds, Math.Min(rows.Count, CatalogWorkbook.MaxDataRows)) => _rows = rows;

    public override void VisitRow(int index, ICellVisitor cells)
    {
        var problem = _rows[index];
        cells.Text(0, problem.Source);
        cells.Text(1, problem.ArticleId);
        cells.Text(2, problem.Severity);
        cells.Text(3, problem.Code);
        cells.Text(4, problem.Message);
    }

    public override void Release() => Drop(_rows);
}
