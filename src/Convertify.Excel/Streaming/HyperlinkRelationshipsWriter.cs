namespace Convertify.Excel;

/// <summary>
/// Writes one external relationship per hyperlink of a streamed table into the sheet's relationships part and remembers
/// which cell got which id, for the sheet's <c>hyperlinks</c> element. Only the cell, not the target, is kept.
/// </summary>
internal sealed class HyperlinkRelationshipsWriter : ICellVisitor
{
    private readonly Utf8XmlWriter _xml;
    private readonly HashSet<int> _taken = [];
    private int _row;
    private int _nextId = 1;

    /// <param name="xml">The relationships part being written.</param>
    /// <param name="takenIds">Relationship ids the part already has (the table's, a drawing's); new ids skip them.</param>
    public HyperlinkRelationshipsWriter(Utf8XmlWriter xml, IEnumerable<string> takenIds)
    {
        _xml = xml;
        foreach (var id in takenIds)
        {
            if (id.StartsWith("rId", StringComparison.Ordinal) &&
                int.TryParse(id.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                _taken.Add(n);
            }
        }
    }

    public List<HyperlinkCell> Cells { get; } = [];

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
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var target = relative ? Hyperlinks.Relative(address) : Hyperlinks.Absolute(address);
        if (target is null)
        {
            return;
        }
        var id = NextId();
        _xml.Raw("<Relationship Id=\"rId"u8);
        _xml.Number(id);
        _xml.Raw("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\""u8);
        _xml.Attribute(target);
        _xml.Raw("\" TargetMode=\"External\"/>"u8);
        Cells.Add(new HyperlinkCell(_row, column, id));
    }

    private int NextId()
    {
        while (_taken.Contains(_nextId))
        {
            _nextId++;
        }
        return _nextId++;
    }
}
