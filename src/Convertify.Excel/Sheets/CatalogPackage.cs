using System.IO.Compression;
using Convertify.Packaging;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Excel;

/// <summary>
/// Writes the catalogue's package: the parts of the skeleton EPPlus saved, with each streamed table's worksheet (and its
/// relationships, when it has hyperlinks) written anew, rows and all (<see cref="StreamedSheet"/>, produced in parallel by
/// <see cref="SpooledParts"/>). Entries come in a stable order — <c>[Content_Types].xml</c>
/// first, then by name — and carry one fixed time (<see cref="PackageZipWriter"/>), so the same rows give the same bytes.
/// </summary>
internal static class CatalogPackage
{
    private const string ContentTypes = "[Content_Types].xml";

    /// <param name="skeleton">The package EPPlus saved (seekable; read only).</param>
    /// <param name="tables">The streamed tables with the column widths the skeleton gave them; each table's rows are released once written.</param>
    /// <param name="output">Receives the package.</param>
    /// <param name="created">The catalogue's creation time, the time of every entry.</param>
    public static void Write(Stream skeleton, IReadOnlyList<(StreamedTable Table, ColumnWidths Widths)> tables, Stream output, DateTimeOffset created)
    {
        var sheets = new List<StreamedSheet>();
        using (var document = SpreadsheetDocument.Open(skeleton, isEditable: false))
        {
            var workbook = document.WorkbookPart ?? throw new InvalidOperationException("the skeleton has no workbook");
            foreach (var (table, widths) in tables)
            {
                var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().SingleOrDefault(s => s.Name?.Value == table.Name)
                    ?? throw new InvalidOperationException($"the skeleton has no sheet {table.Name}");
                sheets.Add(StreamedSheet.Read((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!), table, widths));
            }
        }

        skeleton.Position = 0;
        using var source = new ZipArchive(skeleton, ZipArchiveMode.Read, leaveOpen: true);
        var streamed = new List<(string Name, Action<Stream> Write)>();
        foreach (var sheet in sheets)
        {
            if (sheet.HasLinks)
            {
                sheet.ReadRelationships(source.GetEntry(sheet.RelationshipsPartName));
                streamed.Add((sheet.RelationshipsPartName, sheet.WriteRelationships));
            }
            streamed.Add((sheet.PartName, sheet.WriteSheet));
        }
        var names = source.Entries.Select(e => e.FullName).Union(streamed.Select(p => p.Name), StringComparer.Ordinal)
            .OrderBy(n => n == ContentTypes ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();
        streamed.Sort((a, b) => names.IndexOf(a.Name).CompareTo(names.IndexOf(b.Name)));

        using var spooled = new SpooledParts(streamed);
        using var package = new PackageZipWriter(output, created);
        foreach (var name in names)
        {
            if (streamed.Exists(p => p.Name == name))
            {
                using var part = package.Open(name);
                spooled.CopyTo(name, part);
            }
            else
            {
                package.Copy(source.GetEntry(name)!);
            }
        }
    }
}
