using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using Convertify.Model;

namespace Convertify.Markdown.Reader.Internal.Body;

/// <summary>
/// Reads the HTML table the Markdown writer writes for tables with spanned cells (<c>&lt;table&gt;</c>, one
/// <c>&lt;tr&gt;</c> a line, <c>th</c>/<c>td</c> with <c>colspan</c>/<c>rowspan</c>, inline <c>strong</c>, <c>em</c>,
/// <c>a</c>, <c>br</c>). Other tags are dropped and their text kept; this is not a general HTML parser.
/// </summary>
internal static class HtmlTableReader
{
    /// <summary>The table in <paramref name="html"/>, or null when it holds no rows.</summary>
    public static TableBlock? Read(string html)
    {
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        List<TableCell>? cells = null;
        var rowIsHeader = true;
        CellState? cell = null;
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0 || open + 1 >= html.Length)
            {
                cell?.AddText(html[position..]);
                break;
            }
            if (open > position)
            {
                cell?.AddText(html[position..open]);
            }
            var close = html.IndexOf('>', open);
            if (close < 0)
            {
                cell?.AddText(html[open..]);
                break;
            }
            var tag = html.AsSpan(open + 1, close - open - 1);
            position = close + 1;
            var closing = tag.StartsWith('/');
            var name = TagName(closing ? tag[1..] : tag);
            switch (name)
            {
                case "tr" when !closing:
                    cells = [];
                    rowIsHeader = true;
                    break;
                case "tr":
                    if (cells is { Count: > 0 })
                    {
                        rows.Add(new TableRow([.. cells], rowIsHeader));
                    }
                    cells = null;
                    break;
                case "th" or "td" when !closing:
                    cell = new CellState(Attribute(tag, "colspan"), Attribute(tag, "rowspan"));
                    rowIsHeader &= name == "th";
                    break;
                case "th" or "td":
                    if (cell is not null)
                    {
                        (cells ??= []).Add(cell.Finish());
                    }
                    cell = null;
                    break;
                default:
                    cell?.Tag(name, closing, tag);
                    break;
            }
        }
        return rows.Count == 0 ? null : new TableBlock(rows.DrainToImmutable());
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var end = tag.IndexOfAny(" \t\n/");
        return (end < 0 ? tag : tag[..end]).ToString().ToLowerInvariant();
    }

    /// <summary>The value of attribute <paramref name="name"/> (double-quoted, as the writer writes it), decoded; null when absent.</summary>
    private static string? AttributeText(ReadOnlySpan<char> tag, string name)
    {
        var at = tag.IndexOf(" " + name + "=\"", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }
        var value = tag[(at + name.Length + 3)..];
        var end = value.IndexOf('"');
        return WebUtility.HtmlDecode((end < 0 ? value : value[..end]).ToString());
    }

    private static int Attribute(ReadOnlySpan<char> tag, string name) =>
        int.TryParse(AttributeText(tag, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;

    /// <summary>One cell being read: a stack of open inline containers over its content.</summary>
    private sealed class CellState(int columnSpan, int rowSpan)
    {
        private readonly Stack<(string Name, string Url, string Title, List<Inline> Content)> _open = new();
        private readonly List<Inline> _root = [];
        private readonly StringBuilder _text = new();

        private List<Inline> Current => _open.Count > 0 ? _open.Peek().Content : _root;

        public void AddText(string raw) => _text.Append(WebUtility.HtmlDecode(raw));

        public void Tag(string name, bool closing, ReadOnlySpan<char> tag)
        {
            switch (name)
            {
                case "br":
                    Flush();
                    Current.Add(LineBreakInline.Instance);
                    break;
                case "strong" or "em" or "a" when !closing:
                    Flush();
                    _open.Push((name, AttributeText(tag, "href") ?? "", AttributeText(tag, "title") ?? "", []));
                    break;
                case "strong" or "em" or "a" when _open.Count > 0 && _open.Peek().Name == name:
                    Flush();
                    var (_, url, title, content) = _open.Pop();
                    Current.Add(Wrap(name, url, title, [.. content]));
                    break;
            }
        }

        public TableCell Finish()
        {
            Flush();
            while (_open.Count > 0)
            {
                var (name, url, title, content) = _open.Pop();
                Current.Add(Wrap(name, url, title, [.. content]));
            }
            return new TableCell([.. _root], columnSpan, rowSpan);
        }

        private static Inline Wrap(string name, string url, string title, ImmutableArray<Inline> content) => name switch
        {
            "strong" => new StrongInline(content),
            "em" => new EmphasisInline(content),
            _ => new LinkInline(url, content, title),
        };

        private void Flush()
        {
            if (_text.Length > 0)
            {
                Current.Add(new TextInline(_text.ToString()));
                _text.Clear();
            }
        }
    }
}
