using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HyperlinkList = DocumentFormat.OpenXml.Spreadsheet.Hyperlinks;

namespace Convertify.Excel;

/// <summary>
/// The sheet of a <see cref="StreamedTable"/>: the worksheet EPPlus saved as its skeleton (<see cref="TableSkeleton"/>: header,
/// table part, widths, frozen pane, and placeholder cells that carry the column styles), written again with the rows
/// in <c>sheetData</c> and the hyperlinks where the schema puts them. Memory stays flat in the number of rows: the parts go
/// straight into the package, and only the cell and id of each hyperlink is kept between writing the relationships and the sheet.
/// </summary>
internal sealed class StreamedSheet
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly XmlWriterSettings RelationshipsSettings = new() { Encoding = Utf8 };

    private readonly Worksheet _skeleton;
    private readonly string?[] _styles;
    private List<(int Row, int Column, int Id)> _hyperlinks = [];

    private StreamedSheet(StreamedTable table, string partName, Worksheet skeleton, string?[] styles)
    {
        Table = table;
        PartName = partName;
        _skeleton = skeleton;
        _styles = styles;
    }

    public StreamedTable Table { get; }

    /// <summary>The worksheet part's name in the package, e.g. <c>xl/worksheets/sheet1.xml</c>.</summary>
    public string PartName { get; }

    /// <summary>The name of the worksheet's relationships part.</summary>
    public string RelationshipsPartName => PartName.Insert(PartName.LastIndexOf('/') + 1, "_rels/") + ".rels";

    /// <summary>Whether the rows can carry hyperlinks, which go into the relationships part.</summary>
    public bool HasLinks => Table.Kinds.Contains(ColumnKind.Link);

    /// <summary>Reads the skeleton EPPlus saved for <paramref name="table"/>.</summary>
    public static StreamedSheet Read(WorksheetPart part, StreamedTable table, ColumnWidths widths)
    {
        var skeleton = (Worksheet)part.Worksheet.CloneNode(true);
        var sheetData = skeleton.GetFirstChild<SheetData>() ?? throw new InvalidOperationException("the worksheet part has no sheetData");
        var columns = table.Headers.Length;
        var styles = new string?[columns];
        foreach (var cell in sheetData.Elements<Row>().Where(r => r.RowIndex?.Value == 2).SelectMany(r => r.Elements<Cell>()))
        {
            var column = CellReference.ColumnIndex(cell.CellReference?.Value ?? string.Empty);
            if (column >= 0 && column < columns && cell.StyleIndex?.Value is { } style && style != 0)
            {
                styles[column] = style.ToString(CultureInfo.InvariantCulture);
            }
        }
        for (var i = 0; i < columns; i++)
        {
            if (TableSkeleton.HasPlaceholder(table, widths, i) && styles[i] is null)
            {
                throw new InvalidOperationException($"the skeleton has no styled placeholder cell for column {CellReference.ColumnName(i)}");
            }
        }
        sheetData.RemoveAllChildren();
        var dimension = "A1:" + CellReference.ColumnName(columns - 1) + (table.RowCount + 1).ToString(CultureInfo.InvariantCulture);
        if (skeleton.SheetDimension is { } element)
        {
            element.Reference = dimension;
        }
        else
        {
            skeleton.AddChild(new SheetDimension { Reference = dimension });
        }
        if (table.Kinds.Contains(ColumnKind.Link))
        {
            skeleton.AddChild(new HyperlinkList());
        }
        return new StreamedSheet(table, part.Uri.OriginalString.TrimStart('/'), skeleton, styles);
    }

    /// <summary>
    /// Writes the relationships part: those of <paramref name="saved"/> (the skeleton's part, if any), then one external
    /// relationship per hyperlink. Must come before <see cref="WriteSheet"/>, which needs the ids.
    /// </summary>
    public void WriteRelationships(Stream output, ZipArchiveEntry? saved)
    {
        var existing = new List<XElement>();
        if (saved is not null)
        {
            using var stream = saved.Open();
            existing.AddRange(XDocument.Load(stream).Root?.Elements() ?? []);
        }
        using var xml = XmlWriter.Create(output, RelationshipsSettings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Relationships", HyperlinkRelationshipsWriter.Namespace);
        existing.ForEach(e => e.WriteTo(xml));
        var writer = new HyperlinkRelationshipsWriter(xml, existing.Select(e => (string?)e.Attribute("Id")).OfType<string>());
        for (var i = 0; i < Table.RowCount; i++)
        {
            writer.BeginRow(i + 2);
            Table.VisitRow(i, writer);
        }
        xml.WriteEndElement();
        _hyperlinks = writer.Cells;
    }

    /// <summary>Writes the worksheet part with every row, then lets go of the table's rows.</summary>
    public void WriteSheet(Stream output)
    {
        using (var writer = OpenXmlWriter.Create(output, Utf8))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement(_skeleton, _skeleton.GetAttributes(), _skeleton.NamespaceDeclarations);
            foreach (var child in _skeleton.ChildElements)
            {
                switch (child)
                {
                    case SheetData:
                        writer.WriteStartElement(child);
                        WriteRows(writer);
                        writer.WriteEndElement();
                        break;
                    case HyperlinkList when _hyperlinks.Count == 0:
                        break;
                    case HyperlinkList:
                        writer.WriteStartElement(child);
                        WriteHyperlinks(writer);
                        writer.WriteEndElement();
                        break;
                    default:
                        writer.WriteElement(child);
                        break;
                }
            }
            writer.WriteEndElement();
        }
        _hyperlinks = [];
        Table.Release();
    }

    private void WriteRows(OpenXmlWriter writer)
    {
        var rows = new SheetRowsWriter(writer, _styles);
        rows.Header(Table.Headers);
        for (var i = 0; i < Table.RowCount; i++)
        {
            rows.BeginRow(i + 2);
            Table.VisitRow(i, rows);
            rows.EndRow();
        }
    }

    private void WriteHyperlinks(OpenXmlWriter writer)
    {
        var columnNames = Enumerable.Range(0, Table.Headers.Length).Select(CellReference.ColumnName).ToArray();
        var hyperlink = new Hyperlink();
        foreach (var (row, column, id) in _hyperlinks)
        {
            hyperlink.Reference = columnNames[column] + row.ToString(CultureInfo.InvariantCulture);
            hyperlink.Id = "rId" + id.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(hyperlink);
        }
    }
}
