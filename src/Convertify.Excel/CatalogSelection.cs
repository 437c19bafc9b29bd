using System.Globalization;
using System.Xml;
using Convertify.Errors;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Excel;

/// <summary>
/// The articles an editor marked in a catalogue's <c>select</c> column (Articles sheet). Any non-blank cell counts as a
/// mark (the dropdown offers <c>x</c>; a pasted "yes" or "1" is taken too). The sheet is read as a stream of rows.
/// </summary>
public static class CatalogSelection
{
    /// <summary>The ids of the marked rows of the catalogue at <paramref name="path"/>, in the sheet's row order (an
    /// editor may have sorted it), each once.</summary>
    /// <exception cref="ConvertifyException">The file is missing or unreadable, not an xlsx, has no Articles sheet or no
    /// <c>select</c> column, or no row is marked. The message is one line naming the file.</exception>
    public static IReadOnlyList<string> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvertifyException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The ids of the marked rows of the catalogue read from <paramref name="input"/> (seekable), named
    /// <paramref name="name"/> in errors; as <see cref="ReadFile"/>.</summary>
    /// <exception cref="ConvertifyException">As <see cref="ReadFile"/>.</exception>
    public static IReadOnlyList<string> Read(Stream input, string name)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using var document = SpreadsheetDocument.Open(input, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook");
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == CatalogWorkbook.ArticlesSheet)?.Id?.Value is { } id
                ? workbook.GetPartById(id) as WorksheetPart
                : null;
            if (sheet is null)
            {
                throw new ConvertifyException($"{name}: not a Convertify catalogue (no {CatalogWorkbook.ArticlesSheet} sheet)");
            }
            var shared = workbook.SharedStringTablePart is { } sharedPart ? SheetRows.SharedStrings(sharedPart) : [];
            return MarkedIds(sheet, shared, name);
        }
        // The SDK refuses a package with a relationship to a missing part with an InvalidOperationException.
        catch (Exception e) when (e is InvalidDataException or XmlException or OpenXmlPackageException or FileFormatException or InvalidOperationException)
        {
            throw new ConvertifyException($"{name}: not an xlsx workbook ({e.Message})", e);
        }
    }

    /// <summary>Whether a <c>select</c> cell's value marks its row: anything but blank.</summary>
    internal static bool IsMarked(string? value) => !string.IsNullOrWhiteSpace(value);

    private static List<string> MarkedIds(WorksheetPart sheet, IReadOnlyList<string> shared, string name)
    {
        int idColumn = -1, selectColumn = -1;
        var ids = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, values) in SheetRows.Read(sheet, shared))
        {
            if (row == 1)
            {
                idColumn = HeaderColumn(values, ArticleColumns.Id);
                selectColumn = HeaderColumn(values, ArticleColumns.Select);
                if (idColumn < 0)
                {
                    throw new ConvertifyException($"{name}: not a Convertify catalogue (the {CatalogWorkbook.ArticlesSheet} sheet has no '{ArticleColumns.Id}' column)");
                }
                if (selectColumn < 0)
                {
                    throw new ConvertifyException($"{name}: the {CatalogWorkbook.ArticlesSheet} sheet has no '{ArticleColumns.Select}' column: write it with a newer convertify batch");
                }
                continue;
            }
            if (idColumn < 0)
            {
                break;
            }
            var articleId = CellText.Safe(Text(values, idColumn)).Trim();
            if (articleId.Length > 0 && IsMarked(Text(values, selectColumn)) && taken.Add(articleId))
            {
                ids.Add(articleId);
            }
        }
        if (idColumn < 0)
        {
            throw new ConvertifyException($"{name}: not a Convertify catalogue (the {CatalogWorkbook.ArticlesSheet} sheet has no header row)");
        }
        if (ids.Count == 0)
        {
            throw new ConvertifyException($"{name}: no article is marked in the '{ArticleColumns.Select}' column");
        }
        return ids;
    }

    private static int HeaderColumn(IReadOnlyList<object?> values, string header)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(Text(values, i)?.Trim(), header, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static string? Text(IReadOnlyList<object?> values, int column) =>
        column < values.Count ? Convert.ToString(values[column], CultureInfo.InvariantCulture) : null;
}
