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
        var childNodes = table.ChildNodes;
        for (var childIndex = 0; childIndex < childNodes.Length; childIndex++)
        {
            if (childNodes[childIndex] is not IElement child)
            {
                continue;
            }
            switch (child.LocalName)
            {
                case "caption":
                    caption = TextAccumulatorOf(child);
                    break;
                case "tr":
                    AddRow(child, header: false);
                    break;
                case "thead" or "tbody" or "tfoot":
                    var trNodes = child.ChildNodes;
                    for (var trIndex = 0; trIndex < trNodes.Length; trIndex++)
                    {
                        if (trNodes[trIndex] is not IElement tr)
                        {
                            continue;
                        }
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
            var cellNodes = tr.ChildNodes;
            for (var cellIndex = 0; cellIndex < cellNodes.Length; cellIndex++)
            {
                if (cellNodes[cellIndex] is not IElement cell)
                {
                    continue;
                }
                if (cell.LocalName is not ("td" or "th"))
                {
                    continue;
                }
                allHeaders &= cell.LocalName == "th";
                var (inlines, others) = FlattenToInlines(cell, depth + 2);
                lifted.AddRange(others);
                cells.Add(new TableCell(inlines, Span(cell.GetAttribute("colspan")), Span(cell.GetAttribute("rowspan"))));
            }
            if (cells.Count > 0)
            {
                rows.Add(new TableRow(cells.ToImmutable(), header || allHeaders));
            }
        }
    }

    private static int Span(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 1 and < 1000 ? n : 1;

    private static string TextAccumulatorOf(IElement e) => TextAccumulator.Normalize(e.TextContent);
}
