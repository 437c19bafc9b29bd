using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Renders inline content as CommonMark. Emphasis is flattened into styled text runs, then re-nested with the
/// delimiters placed so that every parser takes them as emphasis: CommonMark only opens <c>**</c> when the run is
/// left-flanking, which fails for <c>字**“引语”**后</c> (a letter before, punctuation after). Where a delimiter would
/// not flank, the edge character (punctuation or space) is moved outside the emphasis; emphasis left with nothing
/// but punctuation is dropped. Emphasis never crosses a link or a line break: it is closed and reopened around them.
/// </summary>
/// <remarks>
/// Text runs and pieces are slices of the model's strings (no substrings); text that has to be put together from
/// several strings goes to a reused arena. One instance is reused for every document a thread writes.
/// </remarks>
internal sealed partial class InlineRenderer
{
    private const string Space = " ";

    private readonly CharBuffer _out;
    private readonly List<Token> _tokens = [];
    private readonly List<Token> _linkTokens = [];
    private readonly List<Piece> _pieces = [];
    private readonly List<Style> _open = [];
    private readonly CharBuffer _arena = new(64);
    private int _lineStart;
    private bool _inHeading;

    public InlineRenderer(CharBuffer output)
    {
        _out = output;
    }

    /// <summary>Appends the inlines. Hard breaks become <c>\</c> + newline unless <paramref name="singleLine"/>, where they become spaces.</summary>
    public void Render(ImmutableArray<Inline> inlines, bool singleLine = false, bool inHeading = false)
    {
        _tokens.Clear();
        _linkTokens.Clear();
        if (!inlines.IsDefault)
        {
            Flatten(inlines, Style.None, inLink: false, _tokens);
        }
        RenderTokens(singleLine, inHeading);
    }

    /// <summary>
    /// Appends what <see cref="Render"/> appends for <c>[Emphasis(first), LineBreak, Emphasis(second)]</c> (each part
    /// only when not empty, the break only between two), for texts already free of line breaks and unsafe characters.
    /// </summary>
    public void RenderEmphasisLines(string first, string second)
    {
        _tokens.Clear();
        _linkTokens.Clear();
        if (first.Length > 0)
        {
            _tokens.Add(Token.Text(first, 0, first.Length, Style.Emphasis));
        }
        if (second.Length > 0)
        {
            if (_tokens.Count > 0) _tokens.Add(Token.Break);
            _tokens.Add(Token.Text(second, 0, second.Length, Style.Emphasis));
        }
        RenderTokens(singleLine: false, inHeading: false);
    }

    private void RenderTokens(bool singleLine, bool inHeading)
    {
        _inHeading = inHeading;
        _lineStart = _out.Length;
        if (singleLine)
        {
            ReplaceBreaks(_tokens);
        }
        var lineBegin = 0;
        for (var i = 0; i <= _tokens.Count; i++)
        {
            if (i < _tokens.Count && _tokens[i].Kind != TokenKind.Break)
            {
                continue;
            }
            var isLast = i == _tokens.Count;
            RenderLine(lineBegin, i, endsWithBreak: !isLast);
            // Breaks at the start of a line (leading or doubled breaks) would leave a line holding only a backslash.
            if (!isLast && _out.Length > _lineStart)
            {
                _out.Append('\\').Append('\n');
                _lineStart = _out.Length;
            }
            lineBegin = i + 1;
        }
        // A trailing hard break is meaningless at the end of a block and would leave a stray backslash.
        while (_out.Length >= 2 && _out[_out.Length - 1] == '\n' && _out[_out.Length - 2] == '\\')
        {
            _out.Length -= 2;
        }
    }

    private void RenderLine(int begin, int end, bool endsWithBreak)
    {
        TrimLine(begin, ref end);
        var i = begin;
        while (i < end)
        {
            if (_tokens[i].Kind == TokenKind.Link)
            {
                RenderLink(_tokens[i]);
                i++;
                continue;
            }
            var segmentEnd = i;
            while (segmentEnd < end && _tokens[segmentEnd].Kind == TokenKind.Text)
            {
                segmentEnd++;
            }
            Rune? after = segmentEnd < end ? new Rune('[') : endsWithBreak ? new Rune('\\') : null;
            RenderSegment(_tokens, i, segmentEnd, after);
            i = segmentEnd;
        }
    }

    /// <summary>Drops spaces and tabs at the start and end of a line: Markdown would eat them or take them for code.</summary>
    private void TrimLine(int begin, ref int end)
    {
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        for (var i = begin; i < end && tokens[i].Kind == TokenKind.Text; i++)
        {
            ref var token = ref tokens[i];
            var text = token.Span;
            if (text.Length > 0 && text[0] is not (' ' or '\t'))
            {
                break;
            }
            var trimmed = text.TrimStart(" \t").Length;
            token = token with { Start = token.Start + token.Length - trimmed, Length = trimmed };
            if (trimmed > 0)
            {
                break;
            }
        }
        for (var i = end - 1; i >= begin && tokens[i].Kind == TokenKind.Text; i--)
        {
            ref var token = ref tokens[i];
            var text = token.Span;
            if (text.Length > 0 && text[^1] is not (' ' or '\t'))
            {
                break;
            }
            token = token with { Length = text.TrimEnd(" \t").Length };
            if (token.Length > 0)
            {
                break;
            }
        }
    }

    private void RenderLink(Token link)
    {
        // "!" right before "[" would make the link an image.
        if (_out.Length > _lineStart && _out[_out.Length - 1] == '!')
        {
            _out.Insert(_out.Length - 1, '\\');
        }
        _out.Append('[');
        RenderSegment(_linkTokens, link.ContentStart, link.ContentStart + link.ContentCount, new Rune(']'));
        _out.Append(']').Append('(');
        MarkdownEscaper.AppendDestination(_out, link.Source);
        if (link.Title.Length > 0)
        {
            _out.Append(' ');
            MarkdownEscaper.AppendTitle(_out, link.Title);
        }
        _out.Append(')');
    }

    private void RenderSegment(List<Token> tokens, int begin, int end, Rune? after)
    {
        _pieces.Clear();
        _arena.Clear();
        for (var i = begin; i < end; i++)
        {
            var token = tokens[i];
            if (token.Length > 0)
            {
                _pieces.Add(new Piece(token.Source, token.Start, token.Length, token.Style));
            }
        }
        Rune? before = _out.Length == _lineStart ? null : LastRune(_out);
        PlaceDelimiters(before, after);
        _open.Clear();
        for (var p = 0; p < _pieces.Count; p++)
        {
            var piece = _pieces[p];
            Transition(piece.Style, p);
            MarkdownEscaper.AppendText(_out, Text(piece), atLineStart: _out.Length == _lineStart, _inHeading);
        }
        Transition(Style.None, _pieces.Count);
    }

    /// <summary>Closes the styles the next piece lacks (innermost first) and opens the ones it adds (longest-lived outermost).</summary>
    private void Transition(Style next, int nextIndex)
    {
        var keep = 0;
        while (keep < _open.Count && (next & _open[keep]) != 0)
        {
            keep++;
        }
        for (var k = _open.Count - 1; k >= keep; k--)
        {
            _out.Append(Delimiter(_open[k]));
            _open.RemoveAt(k);
        }
        var current = Style.None;
        foreach (var s in _open) current |= s;
        var toOpen = next & ~current;
        if (toOpen == Style.None)
        {
            return;
        }
        if (toOpen == (Style.Strong | Style.Emphasis))
        {
            var first = Lifetime(Style.Strong, nextIndex) >= Lifetime(Style.Emphasis, nextIndex) ? Style.Strong : Style.Emphasis;
            Open(first);
            Open(first == Style.Strong ? Style.Emphasis : Style.Strong);
        }
        else
        {
            Open(toOpen);
        }
    }

    private void Open(Style style)
    {
        _out.Append(Delimiter(style));
        _open.Add(style);
    }

    private int Lifetime(Style style, int from)
    {
        var i = from;
        while (i < _pieces.Count && (_pieces[i].Style & style) != 0)
        {
            i++;
        }
        return i - from;
    }

    private static string Delimiter(Style style) => style == Style.Strong ? "**" : "*";

    /// <summary>The characters of a piece: a slice of a model string, or of the arena when <see cref="Piece.Source"/> is null.</summary>
    private ReadOnlySpan<char> Text(Piece piece) =>
        piece.Source is { } source ? source.AsSpan(piece.Start, piece.Length) : _arena.AsSpan().Slice(piece.Start, piece.Length);

    private static Rune FirstRune(ReadOnlySpan<char> text) =>
        Rune.DecodeFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;

    private static Rune LastRune(ReadOnlySpan<char> text) =>
        Rune.DecodeLastFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;

    private static Rune LastRune(CharBuffer builder)
    {
        var c = builder[builder.Length - 1];
        if (char.IsLowSurrogate(c) && builder.Length >= 2 && char.IsHighSurrogate(builder[builder.Length - 2]))
        {
            return new Rune(builder[builder.Length - 2], c);
        }
        return Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
    }
}
