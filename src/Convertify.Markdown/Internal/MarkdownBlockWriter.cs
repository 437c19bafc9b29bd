using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Writes body blocks as CommonMark through a <see cref="MarkdownDocumentWriter"/>. One document at a time; the
/// instance (with its scratch buffers) is reused for the next after <see cref="Reset"/>.
/// </summary>
internal sealed class MarkdownBlockWriter
{
    private readonly MarkdownDocumentWriter _document;
    private Labels _labels = Labels.For(null);
    private readonly CharBuffer _scratch = new(1024);
    private readonly InlineRenderer _inlines;

    // Markdig refuses documents nesting more than 128 blocks (a list level counts twice): quotes and lists deeper
    // than this are written at this level, so their text stays and every CommonMark reader can parse the result.
    internal const int MaxContainerDepth = 60;
    private int _depth;
    private int _sectionLevel;

    public MarkdownBlockWriter(MarkdownDocumentWriter document)
    {
        _document = document;
        _inlines = new InlineRenderer(_scratch);
    }

    /// <summary>
    /// Starts a document in <paramref name="language"/> (its labels). A <paramref name="sectionLevel"/> above 0 puts the
    /// body under a heading of that level: its headings go one level down and below it, at most level 6.
    /// </summary>
    public void Reset(string? language, int sectionLevel = 0)
    {
        _labels = Labels.For(language);
        _sectionLevel = sectionLevel;
        _depth = 0;
        // One huge block should not pin its buffer for the rest of the run.
        _scratch.Trim(maxCapacity: 1024 * 1024, capacity: 1024);
    }

    public void WriteTitle(string title) =>
        WriteHeading(new HeadingBlock(1, [new TextInline(title)]));

    public void WriteBlocks(ImmutableArray<Block> blocks)
    {
        ListBlock? previousList = null;
        var previousAlternate = false;
        foreach (var block in blocks)
        {
            if (block is ListBlock list)
            {
                // Two lists in a row with the same marker would merge into one: alternate the marker.
                var alternate = previousList is not null && previousList.Ordered == list.Ordered && !previousAlternate;
                WriteList(list, alternate);
                previousList = list;
                previousAlternate = alternate;
                continue;
            }
            if (WriteBlock(block))
            {
                previousList = null;
                previousAlternate = false;
            }
        }
    }

    public void WriteRelatedLinks(ImmutableArray<RelatedLink> links)
    {
        if (links.IsDefaultOrEmpty)
        {
            return;
        }
        WriteParagraph([new TextInline(_labels.RelatedLinks)]);
        var items = links
            .Where(l => !string.IsNullOrWhiteSpace(l.Url))
            .Select(l => new ListItem([new ParagraphBlock([
                new LinkInline(l.Url, [new TextInline(string.IsNullOrWhiteSpace(l.Title) ? l.Url : l.Title)])])]))
            .ToImmutableArray();
        if (items.Length > 0)
        {
            WriteList(new ListBlock(false, items), alternate: false);
        }
    }

    /// <summary>Writes one non-list block; false when it had nothing to show and was skipped.</summary>
    private bool WriteBlock(Block block) => block switch
    {
        ParagraphBlock p => WriteParagraph(p.Inlines),
        HeadingBlock h => WriteHeading(h),
        FigureBlock f => WriteFigure(f),
        QuoteBlock q => WriteQuote(q),
        TableBlock t => WriteTable(t),
        EmbedBlock e => WriteEmbed(e),
        RuleBlock => WriteRule(),
        _ => false,
    };

    private bool WriteParagraph(ImmutableArray<Inline> inlines)
    {
        _scratch.Clear();
        _inlines.Render(inlines);
        return Emit();
    }

    /// <summary>Writes the rendered block in <see cref="_scratch"/> (if any) as one block.</summary>
    private bool Emit()
    {
        if (_scratch.Length == 0)
        {
            return false;
        }
        _document.BeginBlock();
        _document.WriteLines(_scratch.AsSpan());
        _document.EndBlock();
        return true;
    }

    private bool WriteHeading(HeadingBlock heading)
    {
        var level = Math.Clamp(heading.Level, 1, 6);
        if (_sectionLevel > 0)
        {
            level = Math.Min(6, Math.Max(level + 1, _sectionLevel + 1));
        }
        _scratch.Clear();
        _scratch.Append('#', level).Append(' ');
        var before = _scratch.Length;
        _inlines.Render(heading.Inlines, singleLine: true, inHeading: true);
        if (_scratch.Length == before)
        {
            return false;
        }
        return Emit();
    }

    private bool WriteFigure(FigureBlock figure)
    {
        var url = XmlSafeText.CleanOrEmpty(figure.ImageUrl).Trim();
        var caption = SingleLine(figure.Caption);
        var credit = SingleLine(figure.Credit);
        var wrote = false;
        if (url.Length > 0)
        {
            _scratch.Clear();
            _scratch.Append("![");
            // The caption is printed under the image: neither the alt text nor a title repeats it.
            var alt = SingleLine(figure.Alt);
            if (SameWords(alt, caption)) alt = "";
            MarkdownEscaper.AppendText(_scratch, alt, atLineStart: false);
            _scratch.Append("](");
            MarkdownEscaper.AppendDestination(_scratch, url);
            _scratch.Append(')');
            wrote = Emit();
        }
        if (caption.Length > 0 || credit.Length > 0)
        {
            // The paragraph [Emphasis(caption), LineBreak, Emphasis(credit)], without building it.
            _scratch.Clear();
            _inlines.RenderEmphasisLines(caption, credit);
            wrote |= Emit();
        }
        return wrote;
    }

    private bool WriteQuote(QuoteBlock quote)
    {
        if (quote.Blocks.IsDefaultOrEmpty)
        {
            return false;
        }
        _document.BeginBlock();
        if (_depth >= MaxContainerDepth)
        {
            WriteBlocks(quote.Blocks);
            return true;
        }
        _depth++;
        _document.Push("> ", "> ");
        WriteBlocks(quote.Blocks);
        _document.Pop();
        _depth--;
        return true;
    }

    private void WriteList(ListBlock list, bool alternate)
    {
        var items = list.Items.IsDefault ? [] : list.Items;
        if (items.Length == 0)
        {
            return;
        }
        if (_depth >= MaxContainerDepth)
        {
            foreach (var item in items)
            {
                WriteBlocks(item?.Blocks is { IsDefault: false } flat ? flat : []);
            }
            return;
        }
        var tight = IsTight(list);
        var number = Math.Clamp(list.Start, 0, 999_999_000);
        var bullet = alternate ? "* " : "- ";
        var delimiter = alternate ? ')' : '.';
        _document.BeginBlock();
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                if (tight) _document.SuppressSeparator(); else _document.BeginBlock();
            }
            _depth++;
            if (list.Ordered)
            {
                _document.PushOrdered(number + i, delimiter);
            }
            else
            {
                _document.Push(bullet, "  ");
            }
            var blocks = items[i]?.Blocks is { IsDefault: false } itemBlocks ? itemBlocks : [];
            for (var b = 0; b < blocks.Length; b++)
            {
                if (tight && b > 0) _document.SuppressSeparator();
                // What WriteBlocks does with this one block alone.
                if (blocks[b] is ListBlock nested)
                {
                    WriteList(nested, alternate: false);
                }
                else
                {
                    WriteBlock(blocks[b]);
                }
            }
            _document.Pop();
            _depth--;
        }
        _document.EndBlock();
    }

    /// <summary>A list is tight when each item is at most one paragraph, optionally followed by nested lists that may interrupt it.</summary>
    private static bool IsTight(ListBlock list)
    {
        foreach (var item in list.Items)
        {
            var blocks = item?.Blocks is { IsDefault: false } itemBlocks ? itemBlocks : [];
            for (var i = 0; i < blocks.Length; i++)
            {
                var ok = blocks[i] switch
                {
                    ParagraphBlock => i == 0,
                    ListBlock nested => i > 0 && (!nested.Ordered || nested.Start == 1) && blocks[i - 1] is ParagraphBlock,
                    _ => false,
                };
                if (!ok)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private bool WriteTable(TableBlock table)
    {
        var rows = table.Rows.IsDefault ? [] : table.Rows.Where(r => r is not null && !r.Cells.IsDefaultOrEmpty).ToImmutableArray();
        if (rows.Length == 0)
        {
            return false;
        }
        var caption = SingleLine(table.Caption);
        if (caption.Length > 0)
        {
            WriteParagraph([new EmphasisInline([new TextInline(caption)])]);
        }
        var spanned = rows.Any(r => r.Cells.Any(c => c is not null && (c.ColumnSpan > 1 || c.RowSpan > 1)));
        _scratch.Clear();
        if (spanned)
        {
            HtmlTableWriter.Write(_scratch, rows);
        }
        else
        {
            WritePipeTable(rows);
        }
        return Emit();
    }

    private void WritePipeTable(ImmutableArray<TableRow> rows)
    {
        var columns = rows.Max(r => r.Cells.Length);
        // GFM tables have exactly one header row: the first row serves when the model marks none.
        for (var r = 0; r < rows.Length; r++)
        {
            if (r > 0) _scratch.Append('\n');
            var cells = rows[r].Cells;
            for (var c = 0; c < columns; c++)
            {
                _scratch.Append(c == 0 ? "| " : " | ");
                if (c < cells.Length && cells[c] is not null)
                {
                    _inlines.Render(cells[c].Inlines, singleLine: true);
                }
            }
            _scratch.Append(" |");
            if (r == 0)
            {
                _scratch.Append('\n');
                for (var c = 0; c < columns; c++)
                {
                    _scratch.Append(c == 0 ? "| --- |" : " --- |");
                }
            }
        }
    }

    private bool WriteEmbed(EmbedBlock embed)
    {
        var text = _labels.Embed(embed.Kind, SingleLine(embed.Title));
        var url = XmlSafeText.CleanOrEmpty(embed.Url).Trim();
        return WriteParagraph(url.Length == 0 ? [new TextInline(text)] : [new LinkInline(url, [new TextInline(text)])]);
    }

    private bool WriteRule()
    {
        _document.BeginBlock();
        _document.WriteLine("***");
        _document.EndBlock();
        return true;
    }

    /// <summary>True when both texts hold the same words, whatever whitespace separates them.</summary>
    private static bool SameWords(string a, string b) =>
        a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SequenceEqual(b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        text = XmlSafeText.CleanOrEmpty(text);
        if (text.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0)
        {
            text = text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
        }
        return text.Trim();
    }
}
