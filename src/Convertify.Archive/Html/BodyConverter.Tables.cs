using System.Collections.Immutable;
using AngleSharp.Dom;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Tables: rows of cells holding only inline content; blocks found in a cell are lifted out after the table.</summary>
internal sealed partial class BodyConverter
{
    private void VisitTable(IElement table, BlockContext context, int depth)
    {
        Flush(context);
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        var lifted = new List<Block>();
        var caption = string.Empty;
        foreach (var child in table.Children)
        {
            switch (child.LocalName)
            {
                case "caption":
                    caption = TextAccumulator.Normalize(child.TextContent);
                    break;
                case "tr":
                    AddRow(child, header: false);
                    break;
                case "thead" or "tbody" or "tfoot":
                    foreach (var tr in child.Children)
                    {
                        if (tr.LocalName == "tr")
                        {
                            AddRow(tr, child.LocalName == "thead");
                        }
                    }
                    break;
            }
        }
        if (rows.Count > 0)
        {
            AddBlock(context, new TableBlock(rows.ToImmutable(), caption));
        }
        else if (caption.Length > 0)
        {
            AddBlock(context, new ParagraphBlock([new TextInline(caption)]));
        }
        foreach (var block in lifted)
        {
            AddBlock(context, block);
        }

        void AddRow(IElement tr, bool header)
        {
            var cells = ImmutableArray.CreateBuilder<TableCell>();
            var allHeaders = true;
            foreach (var cell in tr.Children)
            {
                if (cell.LocalName is not ("td" or "th"))
                {
                    continue;
                }
                allHeaders &= cell.LocalName == "th";
                var (inlines, others) = FlattenToInlines(cell, depth + 2);
                lifted.AddRange(others);
                cells.Add(new TableCell(inlines, Span(cell.AttributeValue("colspan")), Span(cell.AttributeValue("rowspan"))));
            }
            if (cells.Count > 0)
            {
                rows.Add(new TableRow(cells.ToImmutable(), header || allHeaders));
            }
        }
    }

    private static int Span(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 1 and < 1000 ? n : 1;
}
