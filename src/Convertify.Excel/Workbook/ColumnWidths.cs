using System.Globalization;
using Convertify.Text;

namespace Convertify.Excel;

/// <summary>
/// Measures the columns of a table from its header and cell texts (EPPlus' AutoFitColumns needs GDI+): wide East Asian
/// characters count two, the widest line counts, and a column wider than the cap gets the cap and wraps.
/// </summary>
internal sealed class ColumnWidths : ICellVisitor
{
    private readonly int[] _widths;
    private readonly bool[] _cut;
    private readonly int _maxWidth;

    public ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<ColumnKind> kinds, int maxWidth)
    {
        _maxWidth = maxWidth;
        _widths = new int[headers.Count];
        _cut = kinds.Select(k => k == ColumnKind.Address).ToArray();
        for (var i = 0; i < headers.Count; i++)
        {
            // Room for the filter button beside the header text.
            _widths[i] = Width(headers[i], maxWidth) + 3;
            if (kinds[i] == ColumnKind.DateTime)
            {
                _widths[i] = Math.Max(_widths[i], ExcelDates.Width);
            }
        }
    }

    public int Count => _widths.Length;

    /// <summary>The width to give column <paramref name="column"/>, in characters.</summary>
    public int Of(int column) => Math.Min(_widths[column], _maxWidth) + 1;

    /// <summary>True when the column's content is wider than the cap, so its cells wrap (addresses are cut instead).</summary>
    public bool Wraps(int column) => _widths[column] > _maxWidth && !_cut[column];

    public void Text(int column, string? value)
    {
        // A character is at most two wide: text this short cannot widen the column.
        if (string.IsNullOrEmpty(value) || _widths[column] > _maxWidth || 2 * value.Length < _widths[column])
        {
            return;
        }
        var width = Width(value, _maxWidth) + 1;
        if (width > _widths[column])
        {
            _widths[column] = width;
        }
    }

    public void Number(int column, int value)
    {
        var digits = value < 0 ? 2 : 1;
        for (var v = Math.Abs((long)value); v >= 10; v /= 10) digits++;
        if (digits + 1 > _widths[column]) _widths[column] = digits + 1;
    }

    public void Number(int column, double value) => Text(column, value.ToString(CultureInfo.InvariantCulture));

    public void DateTime(int column, DateTime value)
    {
        if (!ExcelDates.IsRepresentable(value))
        {
            Text(column, ExcelDates.AsText(value));
        }
    }

    public void Link(int column, string? text, string? address, bool relative) => Text(column, text);

    /// <summary>Display width of the widest line (wide East Asian characters count two), stopping past <paramref name="cap"/>.</summary>
    internal static int Width(string text, int cap)
    {
        var probe = text.AsSpan(0, Math.Min(text.Length, cap + 1));
        if (System.Text.Ascii.IsValid(probe) && !probe.Contains('\n'))
        {
            // One line of ASCII: as wide as it is long (past the cap is past the cap).
            return probe.Length;
        }
        var widest = 0;
        var line = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                line = 0;
                continue;
            }
            line += CjkText.IsWide(rune) ? 2 : 1;
            if (line > widest)
            {
                widest = line;
                if (widest > cap)
                {
                    return widest;
                }
            }
        }
        return widest;
    }
}
