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
/// in <c>sheetData</c> by an <see cref="OpenXmlWriter"/>, and the hyperlinks where the schema puts them. The rows are visited,
/// never copied: memory stays flat in their number.
/// </summary>
/// <param name="table">The table whose rows are written.</param>
/// <param name="partName">The worksheet part's name in the package, e.g. <c>xl/worksheets/sheet1.xml</c>.</param>
/// <param name="skeleton">The saved worksheet, its rows removed and an empty <c>hyperlinks</c> element in place when the table has links.</param>
/// <param name="styles">The style index of each column's data cells (null: the default style).</param>
/// <param name="lines">Measures how many lines each row's wrapping cells take.</param>
internal sealed class StreamedSheet(StreamedTable table, string partName, Worksheet skeleton, string?[] styles, RowLines lines)
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly XmlWriterSettings RelationshipsSettings = new() { Encoding = Utf8 };

    private List<XElement> _relationships = [];
    // The table's hyperlinks and their relationship ids; kept here because the two parts are written on different threads.
    private IReadOnlyList<(int Row, int Column, string Target)> _hyperlinks = [];
    private int[] _ids = [];

    public StreamedTable Table { get; } = table;

    public string PartName { get; } = partName;

    /// <summary>The name of the worksheet's relationships part.</summary>
    public string RelationshipsPartName => PartName.Insert(PartName.LastIndexOf('/') + 1, "_rels/") + ".rels";

    /// <summary>Whether the rows carry hyperlinks, which go into the relationships part.</summary>
    public bool HasLinks => Table.Hyperlinks.Count > 0;

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
        if (table.HasLinkColumns)
        {
            skeleton.AddChild(new HyperlinkList());
        }
        return new StreamedSheet(table, part.Uri.OriginalString.TrimStart('/'), skeleton, styles, new RowLines(widths));
    }

    /// <summary>
    /// Keeps the relationships of <paramref name="saved"/> (the skeleton's relationships part, if any) and gives each of the
    /// table's hyperlinks its relationship id (<c>rId</c>N, skipping the ids the skeleton uses); both parts can then be
    /// written, in any order.
    /// </summary>
    public void ReadRelationships(ZipArchiveEntry? saved)
    {
        if (saved is not null)
        {
            using var stream = saved.Open();
            _relationships = XDocument.Load(stream).Root?.Elements().ToList() ?? [];
        }
        var taken = _relationships.Select(e => (string?)e.Attribute("Id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _hyperlinks = Table.Hyperlinks;
        _ids = new int[_hyperlinks.Count];
        var next = 1;
        for (var i = 0; i < _ids.Length; i++, next++)
        {
            while (taken.Contains("rId" + next.ToString(CultureInfo.InvariantCulture)))
            {
                next++;
            }
            _ids[i] = next;
        }
    }

    /// <summary>Writes the relationships part: the skeleton's, then one external relationship per hyperlink.</summary>
    public void WriteRelationships(Stream output)
    {
        using var xml = XmlWriter.Create(output, RelationshipsSettings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        _relationships.ForEach(e => e.WriteTo(xml));
        for (var i = 0; i < _ids.Length; i++)
        {
            var (id, target) = (_ids[i], _hyperlinks[i].Target);
            xml.WriteStartElement("Relationship", RelationshipsNamespace);
            xml.WriteAttributeString("Id", "rId" + id.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("Type", HyperlinkType);
            xml.WriteAttributeString("Target", target);
            xml.WriteAttributeString("TargetMode", "External");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Writes the worksheet part with every row, then lets go of the table's rows.</summary>
    public void WriteSheet(Stream output)
    {
        using (var writer = OpenXmlWriter.Create(output, Utf8))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement(skeleton, skeleton.GetAttributes(), skeleton.NamespaceDeclarations);
            foreach (var child in skeleton.ChildElements)
            {
                switch (child)
                {
                    case SheetData:
                        writer.WriteStartElement(child);
                        WriteRows(writer);
                        writer.WriteEndElement();
                        break;
                    case HyperlinkList when _ids.Length == 0:
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
        Table.Release();
        Table.ReleaseHyperlinks();
    }

    private void WriteRows(OpenXmlWriter writer)
    {
        var rows = new SheetRowsWriter(writer, styles);
        rows.Header(Table.Headers);
        var measure = lines.AnyWraps;
        for (var i = 0; i < Table.RowCount; i++)
        {
            lines.Reset();
            if (measure)
            {
                Table.VisitRow(i, lines);
            }
            rows.BeginRow(i + 2, lines.Lines);
            Table.VisitRow(i, rows);
            rows.EndRow();
        }
    }

    private void WriteHyperlinks(OpenXmlWriter writer)
    {
        var columnNames = Enumerable.Range(0, Table.Headers.Length).Select(CellReference.ColumnName).ToArray();
        var hyperlink = new Hyperlink();
        for (var i = 0; i < _ids.Length; i++)
        {
            var (row, column, _) = _hyperlinks[i];
            var id = _ids[i];
            hyperlink.Reference = columnNames[column] + row.ToString(CultureInfo.InvariantCulture);
            hyperlink.Id = "rId" + id.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(hyperlink);
        }
    }
}
