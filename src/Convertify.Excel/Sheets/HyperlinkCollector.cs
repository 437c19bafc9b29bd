namespace Convertify.Excel;

/// <summary>
/// Finds the hyperlinks of a streamed table's rows and keeps as many as Excel takes on a sheet
/// (<see cref="Hyperlinks.MaxPerSheet"/>): column by column in table order, so the leftmost link columns (the titles) are
/// linked on every row before the next column is. The cells left over stay plain text.
/// </summary>
internal sealed class HyperlinkCollector : ICellVisitor
{
    private readonly List<(int Row, string Target)>[] _byColumn;
    private readonly int _max;
    // Links no column can keep: each column keeps at most the sheet's maximum.
    private int _leftOut;
    private int _row;

    public HyperlinkCollector(int columns, int max)
    {
        _max = max;
        _byColumn = new List<(int, string)>[columns];
        for (var i = 0; i < columns; i++)
        {
            _byColumn[i] = [];
        }
    }

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
        if (!string.IsNullOrEmpty(text) && (relative ? Hyperlinks.Relative(address) : Hyperlinks.Absolute(address)) is { } target)
        {
            if (_byColumn[column].Count < _max)
            {
                _byColumn[column].Add((_row, target));
            }
            else
            {
                _leftOut++;
            }
        }
    }

    /// <summary>The hyperlinks kept (1-based row, 0-based column, target) in row and column order, and how many were left out.</summary>
    public (List<(int Row, int Column, string Target)> Links, int LeftOut) Take()
    {
        var links = new List<(int Row, int Column, string Target)>();
        var leftOut = _leftOut;
        for (var column = 0; column < _byColumn.Length; column++)
        {
            var cells = _byColumn[column];
            var taken = Math.Min(cells.Count, _max - links.Count);
            links.AddRange(cells.Take(taken).Select(c => (c.Row, column, c.Target)));
            leftOut += cells.Count - taken;
            _byColumn[column] = [];
        }
        links.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return (links, leftOut);
    }
}
