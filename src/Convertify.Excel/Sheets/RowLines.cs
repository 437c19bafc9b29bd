namespace Convertify.Excel;

/// <summary>
/// Estimates how many lines a row's wrapping cells take at their column widths, at most <see cref="MaxLines"/>. LibreOffice
/// does not fit row heights to wrapped text on opening (the lines are drawn over the next rows), so each taller row gets
/// its height written; a longer cell shows its first lines and keeps its whole value.
/// </summary>
internal sealed class RowLines(ColumnWidths widths) : ICellVisitor
{
    // Enough for a description (about 160 characters) of Chinese text in a capped column.
    public const int MaxLines = 6;

    /// <summary>The height of one line of the default font (Calibri 11) with room for Chinese glyphs, in points.</summary>
    public const double LineHeight = 16;

    private readonly bool[] _wraps = Enumerable.Range(0, widths.Count).Select(widths.Wraps).ToArray();

    /// <summary>The lines of the row visited since the last <see cref="Reset"/>.</summary>
    public int Lines { get; private set; } = 1;

    /// <summary>Whether any column wraps; when none does, every row is one line.</summary>
    public bool AnyWraps => _wraps.Contains(true);

    public void Reset() => Lines = 1;

    public void Text(int column, string? value)
    {
        if (!_wraps[column] || string.IsNullOrEmpty(value) || Lines >= MaxLines)
        {
            return;
        }
        // Text wraps at word boundaries: a line holds somewhat less than the column's width.
        var perLine = Math.Max(1, widths.Of(column) - 2);
        var lines = 0;
        foreach (var line in value.Contains('\n') ? value.Split('\n') : [value])
        {
            var width = ColumnWidths.Width(line, perLine * MaxLines);
            lines += Math.Max(1, (width + perLine - 1) / perLine);
            if (lines >= MaxLines)
            {
                break;
            }
        }
        Lines = Math.Clamp(lines, Lines, MaxLines);
    }

    public void Number(int column, int value)
    {
    }

    public void DateTime(int column, DateTime value)
    {
    }

    public void Link(int column, string? text, string? address, bool relative) => Text(column, text);
}
