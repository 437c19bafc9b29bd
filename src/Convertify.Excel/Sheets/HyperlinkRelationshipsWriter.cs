using System.Globalization;
using System.Xml;

namespace Convertify.Excel;

/// <summary>
/// Writes one external relationship per hyperlink of a streamed table into the sheet's relationships part and remembers
/// which cell got which id, for the sheet's <c>hyperlinks</c> element. Only the cell, not the target, is kept.
/// </summary>
internal sealed class HyperlinkRelationshipsWriter : ICellVisitor
{
    public const string Namespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    private readonly XmlWriter _xml;
    private readonly HashSet<string> _taken;
    private int _row;
    private int _nextId = 1;

    /// <param name="xml">The relationships part being written, inside its root element.</param>
    /// <param name="takenIds">Relationship ids the part already has (the table's); new ids skip them.</param>
    public HyperlinkRelationshipsWriter(XmlWriter xml, IEnumerable<string> takenIds)
    {
        _xml = xml;
        _taken = takenIds.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The hyperlink cells: 1-based row, 0-based column, and the number of the relationship id (<c>rId</c>N).</summary>
    public List<(int Row, int Column, int Id)> Cells { get; } = [];

    /// <summary>The 1-based sheet row of the cells visited next.</summary>
    public void BeginRow(int rowNumber) => _row = rowNumber;

    public void Text(int column, string? value)
    {
    }

    public void Number(int column, int value)
    {
    }

    public void DateTime(int column, DateTime value)
    {
    }

    public void Link(int column, string? text, string? address, bool relative)
    {
        if (string.IsNullOrEmpty(text) || (relative ? Hyperlinks.Relative(address) : Hyperlinks.Absolute(address)) is not { } target)
        {
            return;
        }
        var id = NextId();
        _xml.WriteStartElement("Relationship", Namespace);
        _xml.WriteAttributeString("Id", "rId" + id.ToString(CultureInfo.InvariantCulture));
        _xml.WriteAttributeString("Type", HyperlinkType);
        _xml.WriteAttributeString("Target", target);
        _xml.WriteAttributeString("TargetMode", "External");
        _xml.WriteEndElement();
        Cells.Add((_row, column, id));
    }

    private int NextId()
    {
        while (_taken.Contains("rId" + _nextId.ToString(CultureInfo.InvariantCulture)))
        {
            _nextId++;
        }
        return _nextId++;
    }
}
