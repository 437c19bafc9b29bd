using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Writes a table with spanned cells as an HTML block: pipe tables cannot span, and this is the one place the
/// Markdown output holds HTML. One row per line and no blank line, so the HTML block never ends early.
/// </summary>
internal static class HtmlTableWriter
{
    public static void Write(CharBuffer builder, ImmutableArray<TableRow> rows)
    {
        builder.Append("<table>");
        foreach (var row in rows)
        {
            builder.Append("\n<tr>");
            foreach (var cell in row.Cells.IsDefault ? [] : row.Cells)
            {
                if (cell is null) continue;
                var tag = row.IsHeader ? "th" : "td";
                builder.Append('<').Append(tag);
                if (cell.ColumnSpan > 1) builder.Append(" colspan=\"").Append(cell.ColumnSpan).Append('"');
                if (cell.RowSpan > 1) builder.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                builder.Append('>');
                AppendInlines(builder, cell.Inlines);
                builder.Append("</").Append(tag).Append('>');
            }
            builder.Append("</tr>");
        }
        builder.Append("\n</table>");
    }

    private static void AppendInlines(CharBuffer builder, ImmutableArray<Inline> inlines)
    {
        if (inlines.IsDefault)
        {
            return;
        }
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    MarkdownEscaper.AppendHtml(builder, XmlSafeText.CleanOrEmpty(t.Text));
                    break;
                case StrongInline s:
                    builder.Append("<strong>");
                    AppendInlines(builder, s.Inlines);
                    builder.Append("</strong>");
                    break;
                case EmphasisInline e:
                    builder.Append("<em>");
                    AppendInlines(builder, e.Inlines);
                    builder.Append("</em>");
                    break;
                case LinkInline l:
                    builder.Append("<a href=\"");
                    MarkdownEscaper.AppendHtml(builder, XmlSafeText.CleanOrEmpty(l.Url));
                    builder.Append('"');
                    if (!string.IsNullOrEmpty(l.Title))
                    {
                        builder.Append(" title=\"");
                        MarkdownEscaper.AppendHtml(builder, XmlSafeText.CleanOrEmpty(l.Title));
                        builder.Append('"');
                    }
                    builder.Append('>');
                    AppendInlines(builder, l.Inlines);
                    builder.Append("</a>");
                    break;
                case LineBreakInline:
                    builder.Append("<br>");
                    break;
            }
        }
    }
}
