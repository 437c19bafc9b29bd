using System.Globalization;
using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Writes the Articles sheet: one typed row per article.</summary>
internal static class ArticlesSheetWriter
{
    public static void Write(ExcelWorksheet sheet, List<ArticleRow> rows, string[] duplicates, ExcelCatalogOptions options, List<ProblemRow> problems)
    {
        var exported = rows.Any(r => r.Markdown is not null || r.Word is not null);
        var headers = ArticleColumns.Base.ToList();
        var kinds = ArticleColumns.BaseKinds.ToList();
        if (exported)
        {
            headers.Add(ArticleColumns.Markdown);
            headers.Add(ArticleColumns.Word);
            kinds.Add(ColumnKind.Link);
            kinds.Add(ColumnKind.Link);
        }
        var table = new TableSheet(sheet, headers, kinds, options.MaxColumnWidth);
        var count = CatalogWorkbook.Fit(rows.Count, CatalogWorkbook.ArticlesSheet, problems);
        for (var i = 0; i < count; i++)
        {
            var a = rows[i];
            var r = table.NextRow();
            table.Text(r, 0, a.Id);
            table.Text(r, 1, a.SiteCode);
            table.Text(r, 2, a.SiteName);
            table.Link(r, 3, a.Title.Length > 0 ? a.Title : a.Url, Hyperlinks.Absolute(a.Url));
            table.Text(r, 4, a.Url);
            table.DateTime(r, 5, a.PublishedLocal);
            table.Text(r, 6, FormatOffset(a.PublishedOffset));
            table.Text(r, 7, a.DateSource);
            table.DateTime(r, 8, a.FeedTimeUtc);
            table.Text(r, 9, a.Authors);
            table.Text(r, 10, a.Language);
            table.Number(r, 11, a.Characters);
            table.Number(r, 12, a.Paragraphs);
            table.Number(r, 13, a.Images);
            table.Number(r, 14, a.Links);
            table.Text(r, 15, a.LeadImage);
            table.Text(r, 16, a.Description);
            table.Text(r, 17, a.ContentHash);
            table.Text(r, 18, duplicates[i]);
            table.Number(r, 19, a.Warnings);
            if (exported)
            {
                table.Link(r, 20, a.Markdown, Hyperlinks.Relative(a.Markdown));
                table.Link(r, 21, a.Word, Hyperlinks.Relative(a.Word));
            }
        }
        table.Finish(CatalogWorkbook.ArticlesSheet, options.TableStyle);
        sheet.View.FreezePanes(2, 1);
    }

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

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
