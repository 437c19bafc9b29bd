using System.Globalization;

namespace Convertify.Excel;

/// <summary>The Articles sheet: one typed row per article, with file columns when any article was exported.</summary>
internal sealed class ArticlesTable : StreamedTable
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

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
        cells.Text(0, a.Id);
        cells.Text(1, a.SiteCode);
        cells.Text(2, a.SiteName);
        cells.Link(3, a.Title.Length > 0 ? a.Title : a.Url, a.Url, relative: false);
        cells.Link(4, a.Url, a.Url, relative: false);
        cells.DateTime(5, a.PublishedLocal);
        cells.Text(6, FormatOffset(a.PublishedOffset));
        cells.Text(7, a.DateSource);
        cells.DateTime(8, a.FeedTimeUtc);
        cells.Text(9, a.Authors);
        cells.Link(10, a.OriginalSource, a.OriginalSourceUrl, relative: false);
        cells.Text(11, a.Tags);
        cells.Text(12, a.Language);
        cells.Number(13, a.Characters);
        cells.Number(14, a.Paragraphs);
        cells.Number(15, a.Images);
        cells.Number(16, a.Links);
        cells.Link(17, a.LeadImage, a.LeadImage, relative: false);
        cells.Text(18, a.Description);
        cells.Text(19, a.ContentHash);
        cells.Text(20, _duplicates[index]);
        cells.Number(21, a.Warnings);
        if (_exported)
        {
            cells.Link(22, a.Markdown, a.Markdown, relative: true);
            cells.Link(23, a.Word, a.Word, relative: true);
        }
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
