using System.Globalization;

namespace Convertify.Excel;

/// <summary>
/// Finds the hyperlinks of a streamed table and gives each its relationship id (<c>rId</c>N, skipping the ids the sheet's
/// relationships already use), so that the relationships part and the sheet can be written independently.
/// </summary>
internal sealed class HyperlinkCollector(IEnumerable<string> takenIds) : ICellVisitor
{
    private readonly HashSet<string> _taken = takenIds.ToHashSet(StringComparer.Ordinal);
    private int _row;
    private int _nextId = 1;

    /// <summary>The hyperlink cells: 1-based row, 0-based column, the number of the relationship id, and the target.</summary>
    public List<(int Row, int Column, int Id, string Target)> Links { get; } = [];

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
            Links.Add((_row, column, NextId(), target));
        }
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
