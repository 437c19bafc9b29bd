using System.Collections.Immutable;
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
internal sealed class InlineRenderer
{
    private readonly StringBuilder _out;
    private readonly List<Token> _tokens = [];
    private readonly List<Piece> _pieces = [];
    private readonly List<Style> _open = [];
    private int _lineStart;
    private bool _inHeading;

    public InlineRenderer(StringBuilder output)
    {
        _out = output;
    }

    /// <summary>Appends the inlines. Hard breaks become <c>\</c> + newline unless <paramref name="singleLine"/>, where they become spaces.</summary>
    public void Render(ImmutableArray<Inline> inlines, bool singleLine = false, bool inHeading = false)
    {
        _tokens.Clear();
        _inHeading = inHeading;
        _lineStart = _out.Length;
        if (!inlines.IsDefault)
        {
            Flatten(inlines, Style.None, inLink: false, _tokens);
        }
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
                _out.Append("\\\n");
                _lineStart = _out.Length;
            }
            lineBegin = i + 1;
        }
        // A trailing hard break is meaningless at the end of a block and would leave a stray backslash.
        while (_out.Length >= 2 && _out[^1] == '\n' && _out[^2] == '\\')
        {
            _out.Length -= 2;
        }
    }

    private static void ReplaceBreaks(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Break)
            {
                tokens[i] = Token.Text(" ", Style.None);
            }
        }
    }

    private static void Flatten(ImmutableArray<Inline> inlines, Style style, bool inLink, List<Token> tokens)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    AddText(XmlSafeText.Clean(t.Text ?? ""), style, inLink, tokens);
                    break;
                case StrongInline s when !s.Inlines.IsDefault:
                    Flatten(s.Inlines, style | Style.Strong, inLink, tokens);
                    break;
                case EmphasisInline e when !e.Inlines.IsDefault:
                    Flatten(e.Inlines, style | Style.Emphasis, inLink, tokens);
                    break;
                case LinkInline l when inLink:
                    Flatten(l.Inlines.IsDefault ? [] : l.Inlines, style, inLink, tokens);
                    break;
                case LinkInline l:
                    var content = new List<Token>();
                    if (!l.Inlines.IsDefault)
                    {
                        Flatten(l.Inlines, style, inLink: true, content);
                    }
                    ReplaceBreaks(content);
                    if (!content.Any(c => c.Value.AsSpan().Trim().Length > 0))
                    {
                        content.Clear();
                        content.Add(Token.Text(XmlSafeText.Clean(l.Url ?? ""), style));
                    }
                    tokens.Add(Token.Link(XmlSafeText.Clean(l.Url ?? ""), XmlSafeText.Clean(l.Title ?? ""), content));
                    break;
                case LineBreakInline:
                    tokens.Add(inLink ? Token.Text(" ", style) : Token.Break);
                    break;
            }
        }
    }

    private static void AddText(string text, Style style, bool inLink, List<Token> tokens)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (text.AsSpan().IndexOfAny('\n', '\r') < 0)
        {
            tokens.Add(Token.Text(text, style));
            return;
        }
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var parts = normalised.Split('\n');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                tokens.Add(inLink ? Token.Text(" ", style) : Token.Break);
            }
            if (parts[i].Length > 0)
            {
                tokens.Add(Token.Text(parts[i], style));
            }
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
        for (var i = begin; i < end && _tokens[i].Kind == TokenKind.Text; i++)
        {
            var trimmed = _tokens[i].Value.TrimStart(' ', '\t');
            _tokens[i] = _tokens[i] with { Value = trimmed };
            if (trimmed.Length > 0)
            {
                break;
            }
        }
        for (var i = end - 1; i >= begin && _tokens[i].Kind == TokenKind.Text; i--)
        {
            var trimmed = _tokens[i].Value.TrimEnd(' ', '\t');
            _tokens[i] = _tokens[i] with { Value = trimmed };
            if (trimmed.Length > 0)
            {
                break;
            }
        }
    }

    private void RenderLink(Token link)
    {
        // "!" right before "[" would make the link an image.
        if (_out.Length > _lineStart && _out[^1] == '!')
        {
            _out.Insert(_out.Length - 1, '\\');
        }
        _out.Append('[');
        RenderSegment(link.Content!, 0, link.Content!.Count, new Rune(']'));
        _out.Append("](");
        MarkdownEscaper.AppendDestination(_out, link.Value);
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
        for (var i = begin; i < end; i++)
        {
            if (tokens[i].Value.Length > 0)
            {
                _pieces.Add(new Piece(tokens[i].Value, tokens[i].Style));
            }
        }
        Rune? before = _out.Length == _lineStart ? null : LastRune(_out);
        PlaceDelimiters(_pieces, before, after);
        _open.Clear();
        for (var p = 0; p < _pieces.Count; p++)
        {
            var piece = _pieces[p];
            Transition(piece.Style, p);
            MarkdownEscaper.AppendText(_out, piece.Text, atLineStart: _out.Length == _lineStart, _inHeading);
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

    /// <summary>
    /// Moves edge characters out of styled pieces until every delimiter flanks: content may not start or end with
    /// whitespace, and may start (end) with punctuation only when the character outside is whitespace or punctuation.
    /// </summary>
    internal static void PlaceDelimiters(List<Piece> pieces, Rune? before, Rune? after)
    {
        Merge(pieces);
        // Each fix moves one character to a piece with fewer styles, so this ends; after a fix only the transitions
        // next to it can have changed, so the scan steps back one instead of starting over (no quadratic rescans).
        var t = 0;
        while (t <= pieces.Count)
        {
            if (FixTransition(pieces, t, before, after))
            {
                t = Math.Max(0, t - 1);
                continue;
            }
            t++;
        }
    }

    /// <summary>Fixes the transition before piece <paramref name="t"/>; true when something moved.</summary>
    private static bool FixTransition(List<Piece> pieces, int t, Rune? before, Rune? after)
    {
        var previous = t > 0 ? pieces[t - 1].Style : Style.None;
        var next = t < pieces.Count ? pieces[t].Style : Style.None;
        var closing = previous & ~next;
        var opening = next & ~previous;
        var shared = previous & next;
        if (closing != Style.None)
        {
            var a = pieces[t - 1];
            var edge = LastRune(a.Text);
            Rune? outside = opening != Style.None ? new Rune('*') : t < pieces.Count ? FirstRune(pieces[t].Text) : after;
            if (!CharClass.DelimiterFits(edge, outside))
            {
                pieces[t - 1] = a with { Text = a.Text[..^edge.Utf16SequenceLength] };
                pieces.Insert(t, new Piece(edge.ToString(), shared));
                Tidy(pieces, t);
                return true;
            }
        }
        if (opening != Style.None)
        {
            var b = pieces[t];
            var edge = FirstRune(b.Text);
            Rune? outside = closing != Style.None ? new Rune('*') : t > 0 ? LastRune(pieces[t - 1].Text) : before;
            if (!CharClass.DelimiterFits(edge, outside))
            {
                pieces[t] = b with { Text = b.Text[edge.Utf16SequenceLength..] };
                pieces.Insert(t, new Piece(edge.ToString(), shared));
                Tidy(pieces, t);
                return true;
            }
        }
        return false;
    }

    /// <summary>Removes empty pieces and merges equal neighbours around <paramref name="index"/> (the piece just inserted).</summary>
    private static void Tidy(List<Piece> pieces, int index)
    {
        for (var i = Math.Min(index + 1, pieces.Count - 1); i >= Math.Max(0, index - 1); i--)
        {
            if (i < pieces.Count && pieces[i].Text.Length == 0)
            {
                pieces.RemoveAt(i);
            }
        }
        for (var i = Math.Min(index + 1, pieces.Count - 1); i >= Math.Max(1, index - 1); i--)
        {
            if (i < pieces.Count && pieces[i - 1].Style == pieces[i].Style)
            {
                pieces[i - 1] = pieces[i - 1] with { Text = pieces[i - 1].Text + pieces[i].Text };
                pieces.RemoveAt(i);
            }
        }
    }

    /// <summary>Drops empty pieces and merges neighbours of equal style (one pass, no repeated concatenation).</summary>
    private static void Merge(List<Piece> pieces)
    {
        var write = 0;
        StringBuilder? run = null;
        for (var read = 0; read < pieces.Count; read++)
        {
            var piece = pieces[read];
            if (piece.Text.Length == 0)
            {
                continue;
            }
            if (write > 0 && pieces[write - 1].Style == piece.Style)
            {
                run ??= new StringBuilder();
                if (run.Length == 0) run.Append(pieces[write - 1].Text);
                run.Append(piece.Text);
                continue;
            }
            if (run is { Length: > 0 })
            {
                pieces[write - 1] = pieces[write - 1] with { Text = run.ToString() };
                run.Clear();
            }
            pieces[write++] = piece;
        }
        if (run is { Length: > 0 })
        {
            pieces[write - 1] = pieces[write - 1] with { Text = run.ToString() };
        }
        pieces.RemoveRange(write, pieces.Count - write);
    }

    private static Rune FirstRune(string text) =>
        Rune.DecodeFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;

    private static Rune LastRune(string text) =>
        Rune.DecodeLastFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;

    private static Rune LastRune(StringBuilder builder)
    {
        var c = builder[^1];
        if (char.IsLowSurrogate(c) && builder.Length >= 2 && char.IsHighSurrogate(builder[^2]))
        {
            return new Rune(builder[^2], c);
        }
        return Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
    }

    [Flags]
    internal enum Style : byte
    {
        None = 0,
        Strong = 1,
        Emphasis = 2,
    }

    internal readonly record struct Piece(string Text, Style Style);

    private enum TokenKind : byte
    {
        Text,
        Break,
        Link,
    }

    private sealed record Token(TokenKind Kind, string Value, Style Style, string Title, List<Token>? Content)
    {
        public static readonly Token Break = new(TokenKind.Break, "", Style.None, "", null);

        public static Token Text(string text, Style style) => new(TokenKind.Text, text, style, "", null);

        public static Token Link(string url, string title, List<Token> content) => new(TokenKind.Link, url, Style.None, title, content);
    }
}
