using System.Xml.Linq;

namespace Convertify.Excel;

/// <summary>
/// A worksheet part EPPlus saved for a streamed table, cut open where the streamed content goes: the rows inside
/// <c>sheetData</c> and the <c>hyperlinks</c> element (placed where the schema's element order wants it). It also
/// yields the style index of each column, from the placeholder cells <see cref="TableSkeleton"/> left in row 2.
/// </summary>
internal sealed class SheetTemplate
{
    private const string RowsMarker = "convertify:rows";
    private const string HyperlinksMarker = "convertify:hyperlinks";
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    // The CT_Worksheet children that follow hyperlinks, in schema order.
    private static readonly HashSet<string> AfterHyperlinks =
    [
        "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
        "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
        "webPublishItems", "tableParts", "extLst",
    ];

    private SheetTemplate(string beforeRows, string beforeHyperlinks, string rest, int[] styles, string relationshipPrefix)
    {
        BeforeRows = beforeRows;
        BeforeHyperlinks = beforeHyperlinks;
        Rest = rest;
        Styles = styles;
        RelationshipPrefix = relationshipPrefix;
    }

    /// <summary>Everything up to and including <c>&lt;sheetData&gt;</c>.</summary>
    public string BeforeRows { get; }

    /// <summary>From <c>&lt;/sheetData&gt;</c> to where the <c>hyperlinks</c> element belongs.</summary>
    public string BeforeHyperlinks { get; }

    /// <summary>The rest of the part.</summary>
    public string Rest { get; }

    /// <summary>The style index of each column's data cells.</summary>
    public int[] Styles { get; }

    /// <summary>The prefix bound to the relationships namespace (for <c>r:id</c>).</summary>
    public string RelationshipPrefix { get; }

    /// <param name="part">The saved worksheet part.</param>
    /// <param name="columns">How many columns the table has.</param>
    /// <param name="styledColumns">Which columns have a placeholder cell in row 2.</param>
    /// <param name="dimension">The range the sheet's cells will cover, e.g. <c>A1:V1001</c>.</param>
    public static SheetTemplate Read(Stream part, int columns, Func<int, bool> styledColumns, string dimension)
    {
        var document = XDocument.Load(part);
        var root = document.Root ?? throw new InvalidOperationException("the worksheet part has no root element");
        var main = root.Name.Namespace;
        var sheetData = root.Element(main + "sheetData") ?? throw new InvalidOperationException("the worksheet part has no sheetData");
        if (root.Element(main + "hyperlinks") is not null)
        {
            throw new InvalidOperationException("the skeleton of a streamed sheet must not have hyperlinks of its own");
        }

        var styles = new int[columns];
        var found = new bool[columns];
        foreach (var cell in sheetData.Elements(main + "row").Elements(main + "c"))
        {
            var reference = (string?)cell.Attribute("r") ?? string.Empty;
            var column = CellReference.ColumnIndex(reference);
            if (CellReference.RowNumber(reference) == 2 && column >= 0 && column < columns)
            {
                styles[column] = (int?)cell.Attribute("s") ?? 0;
                found[column] = true;
            }
        }
        for (var i = 0; i < columns; i++)
        {
            if (styledColumns(i) && !found[i])
            {
                throw new InvalidOperationException($"the skeleton has no placeholder cell for column {CellReference.ColumnName(i)}");
            }
        }

        sheetData.RemoveNodes();
        sheetData.Add(new XComment(RowsMarker));
        if (root.Element(main + "dimension") is { } element)
        {
            element.SetAttributeValue("ref", dimension);
        }
        else
        {
            var dimensionElement = new XElement(main + "dimension", new XAttribute("ref", dimension));
            if (root.Element(main + "sheetPr") is { } properties) properties.AddAfterSelf(dimensionElement);
            else root.AddFirst(dimensionElement);
        }
        var follower = root.Elements().FirstOrDefault(e => e.Name.Namespace == main && AfterHyperlinks.Contains(e.Name.LocalName));
        if (follower is not null) follower.AddBeforeSelf(new XComment(HyperlinksMarker));
        else root.Add(new XComment(HyperlinksMarker));

        XNamespace relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var prefix = root.GetPrefixOfNamespace(relationships);
        if (prefix is null)
        {
            prefix = "r";
            root.SetAttributeValue(XNamespace.Xmlns + prefix, relationships.NamespaceName);
        }

        var text = XmlDeclaration + root.ToString(SaveOptions.DisableFormatting);
        var rows = text.IndexOf("<!--" + RowsMarker + "-->", StringComparison.Ordinal);
        var links = text.IndexOf("<!--" + HyperlinksMarker + "-->", StringComparison.Ordinal);
        var rowsEnd = rows + RowsMarker.Length + 7;
        var linksEnd = links + HyperlinksMarker.Length + 7;
        return new SheetTemplate(text[..rows], text[rowsEnd..links], text[linksEnd..], styles, prefix);
    }
}
