using System.Globalization;
using Convertify.Model;
using Convertify.Text;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Word;

internal sealed partial class DocumentBuilder
{
    private const int MaxColumns = 63;

    /// <summary>One slot of the laid-out grid: a cell, or the continuation of a cell spanning rows from above.</summary>
    private readonly record struct Slot(TableCell? Cell, int Span, bool StartsMerge, bool ContinuesMerge);

    private void AppendTable(TableBlock table)
    {
        var rows = table.Rows.IsDefault ? [] : table.Rows;
        if (rows.Length == 0)
        {
            return;
        }
        var caption = XmlSafeText.Clean(table.Caption ?? string.Empty).Trim();
        if (caption.Length > 0)
        {
            var paragraph = Paragraph(StyleIds.Caption);
            paragraph.ParagraphProperties!.AppendChild(new W.KeepNext());
            _inlines.AppendText(paragraph, caption);
            Add(paragraph);
        }

        var layout = Layout(rows, out var columns);
        var columnWidth = TextWidthTwips / columns;
        var hasHeader = rows[0].IsHeader;
        var element = new W.Table(
            new W.TableProperties(
                new W.TableStyle { Val = StyleIds.Table },
                new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct },
                new W.TableLook { Val = hasHeader ? "04A0" : "0480", FirstRow = hasHeader, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }));
        var grid = new W.TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.AppendChild(new W.GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) });
        }
        element.AppendChild(grid);

        for (var r = 0; r < rows.Length; r++)
        {
            var row = new W.TableRow();
            if (rows[r].IsHeader)
            {
                row.AppendChild(new W.TableRowProperties(new W.TableHeader()));
            }
            foreach (var slot in layout[r])
            {
                var properties = new W.TableCellProperties(new W.TableCellWidth
                {
                    Width = (columnWidth * slot.Span).ToString(CultureInfo.InvariantCulture),
                    Type = W.TableWidthUnitValues.Dxa,
                });
                if (slot.Span > 1)
                {
                    properties.AppendChild(new W.GridSpan { Val = slot.Span });
                }
                if (slot.StartsMerge)
                {
                    properties.AppendChild(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
                }
                else if (slot.ContinuesMerge)
                {
                    properties.AppendChild(new W.VerticalMerge());
                }
                var paragraph = Paragraph(StyleIds.TableText);
                if (slot.Cell is { } cell)
                {
                    _inlines.Append(paragraph, cell.Inlines);
                }
                row.AppendChild(new W.TableCell(properties, paragraph));
            }
            element.AppendChild(row);
        }
        Add(element);
    }

    // Lays cells on a grid: row spans become vMerge continuation slots in the rows below, short rows are padded.
    private static List<List<Slot>> Layout(System.Collections.Immutable.ImmutableArray<TableRow> rows, out int columns)
    {
        var pending = new Dictionary<int, (int Rows, int Span)>();
        var layout = new List<List<Slot>>(rows.Length);
        columns = 1;
        for (var r = 0; r < rows.Length; r++)
        {
            var slots = new List<Slot>();
            var cells = rows[r].Cells.IsDefault ? [] : rows[r].Cells;
            var next = 0;
            var column = 0;
            while (column < MaxColumns && (next < cells.Length || HasPendingFrom(pending, column)))
            {
                if (pending.TryGetValue(column, out var above))
                {
                    slots.Add(new Slot(null, above.Span, false, true));
                    if (above.Rows <= 1) pending.Remove(column); else pending[column] = (above.Rows - 1, above.Span);
                    column += above.Span;
                    continue;
                }
                if (next >= cells.Length)
                {
                    slots.Add(new Slot(null, 1, false, false));
                    column++;
                    continue;
                }
                var cell = cells[next++];
                var span = Math.Clamp(cell.ColumnSpan, 1, MaxColumns - column);
                var rowSpan = Math.Clamp(cell.RowSpan, 1, rows.Length - r);
                if (rowSpan > 1)
                {
                    pending[column] = (rowSpan - 1, span);
                }
                slots.Add(new Slot(cell, span, rowSpan > 1, false));
                column += span;
            }
            columns = Math.Max(columns, column);
            layout.Add(slots);
        }
        foreach (var slots in layout)
        {
            var width = slots.Sum(s => s.Span);
            for (; width < columns; width++)
            {
                slots.Add(new Slot(null, 1, false, false));
            }
        }
        return layout;
    }

    private static bool HasPendingFrom(Dictionary<int, (int Rows, int Span)> pending, int column)
    {
        foreach (var key in pending.Keys)
        {
            if (key >= column)
            {
                return true;
            }
        }
        return false;
    }
}
