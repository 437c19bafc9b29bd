using System.Globalization;
using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>The Articles sheet: one typed row per article, with file columns when any article was exported.</summary>
internal sealed class ArticlesTable : StreamedTable
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The value of a marked <c>select</c> cell, the one its dropdown offers.</summary>
    public const string SelectMark = "x";

    private readonly List<ArticleRow> _rows;
    private string[] _duplicates;
    private readonly bool _exported;

    private ArticlesTable(List<ArticleRow> rows, string[] duplicates, bool exported, int rowCount)
        : base(CatalogWorkbook.ArticlesSheet, Columns(exported).Headers, Columns(exported).Kinds, rowCount)
    {
        _rows = rows;
        _duplicates = duplicates;
        _exported = exported;
    }

    /// <summary>The table over <paramref name="rows"/>; rows beyond Excel's limit are left out with a problem.</summary>
    public static ArticlesTable Create(List<ArticleRow> rows, List<ProblemRow> problems)
    {
        var exported = rows.Exists(r => r.Markdown is not null || r.Word is not null);
        return new ArticlesTable(rows, DuplicateFinder.Find(rows), exported, CatalogWorkbook.Fit(rows.Count, CatalogWorkbook.ArticlesSheet, problems));
    }

    public override void VisitRow(int index, ICellVisitor cells)
    {
        var a = _rows[index];
        cells.Text(0, a.Selected ? SelectMark : null);
        cells.Text(1, a.Id);
        cells.Text(2, a.SiteCode);
        cells.Text(3, a.SiteName);
        cells.Link(4, a.Title.Length > 0 ? a.Title : a.Url, a.Url, relative: false);
        cells.Link(5, a.Url, a.Url, relative: false);
        cells.DateTime(6, a.PublishedLocal);
        cells.Text(7, FormatOffset(a.PublishedOffset));
        cells.Text(8, a.DateSource);
        cells.DateTime(9, a.FeedTimeUtc);
        cells.Text(10, a.Authors);
        cells.Link(11, a.OriginalSource, a.OriginalSourceUrl, relative: false);
        cells.Text(12, a.Tags);
        cells.Text(13, a.Language);
        cells.Number(14, a.Characters);
        cells.Number(15, a.Paragraphs);
        cells.Number(16, a.Images);
        cells.Number(17, a.Links);
        cells.Link(18, a.LeadImage, a.LeadImage, relative: false);
        cells.Text(19, a.Description);
        cells.Text(20, a.ContentHash);
        cells.Text(21, _duplicates[index]);
        cells.Number(22, a.Warnings);
        if (_exported)
        {
            cells.Link(23, a.Markdown, a.Markdown, relative: true);
            cells.Link(24, a.Word, a.Word, relative: true);
        }
    }

    /// <summary>
    /// Gives the <c>select</c> cells of the data rows a dropdown: blank or <see cref="SelectMark"/>. Added to the skeleton,
    /// whose <c>dataValidations</c> the streamed sheet keeps in place.
    /// </summary>
    public void AddSelectDropdown(ExcelWorksheet sheet)
    {
        if (RowCount == 0)
        {
            return;
        }
        var column = CellReference.ColumnName(0);
        var dropdown = sheet.DataValidations.AddListValidation(string.Create(CultureInfo.InvariantCulture, $"{column}2:{column}{RowCount + 1}"));
        dropdown.Formula.Values.Add(SelectMark);
        dropdown.AllowBlank = true;
        dropdown.ShowErrorMessage = true;
        dropdown.ErrorTitle = ArticleColumns.Select;
        dropdown.Error = $"Leave blank, or choose {SelectMark} to select the article.";
    }

    public override void Release()
    {
        Drop(_rows);
        _duplicates = [];
    }

    private static (string[] Headers, ColumnKind[] Kinds) Columns(bool exported) => exported
        ? ([.. ArticleColumns.Base, ArticleColumns.Markdown, ArticleColumns.Word], [.. ArticleColumns.BaseKinds, ColumnKind.Address, ColumnKind.Address])
        : (ArticleColumns.Base, ArticleColumns.BaseKinds);

    /// <summary>An offset as <c>+08:00</c> / <c>-05:00</c> / <c>+00:00</c>.</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero) return "+00:00";
        if (offset == ChinaOffset) return "+08:00";
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }

    /// <summary>Parses <see cref="FormatOffset"/>'s output; zero when it does not parse.</summary>
    public static TimeSpan ParseOffset(string? text)
    {
        if (text is { Length: 6 } && text[0] is '+' or '-' &&
            int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) &&
            int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && hours < 15 && minutes < 60)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return text[0] == '-' ? -offset : offset;
        }
        return TimeSpan.Zero;
    }
}
