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
internal sealed class InlineRenderer
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

    private static void ReplaceBreaks(List<Token> tokens)
    {
        var span = CollectionsMarshal.AsSpan(tokens);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Kind == TokenKind.Break)
            {
                span[i] = Token.Text(Space, 0, 1, Style.None);
            }
        }
    }

    private void Flatten(ImmutableArray<Inline> inlines, Style style, bool inLink, List<Token> tokens)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    AddText(XmlSafeText.CleanOrEmpty(t.Text), style, inLink, tokens);
                    break;
                case StrongInline s when !s.Inlines.IsDefault:
                    Flatten(s.Inlines, style | Style.Strong, inLink, tokens);
                    break;
                case EmphasisInline e when !e.Inlines.IsDefault:
                    Flatten(e.Inlines, style | Style.Emphasis, inLink, tokens);
                    break;
                case LinkInline l when inLink:
                    if (!l.Inlines.IsDefault)
                    {
                        Flatten(l.Inlines, style, inLink, tokens);
                    }
                    break;
                case LinkInline l:
                    // A link's content never holds a link (nested ones are flattened to their text), so every
                    // link's content can live in one list, each link keeping its range of it.
                    var start = _linkTokens.Count;
                    if (!l.Inlines.IsDefault)
                    {
                        Flatten(l.Inlines, style, inLink: true, _linkTokens);
                    }
                    if (!HasVisibleText(CollectionsMarshal.AsSpan(_linkTokens)[start..]))
                    {
                        _linkTokens.RemoveRange(start, _linkTokens.Count - start);
                        var shown = XmlSafeText.CleanOrEmpty(l.Url);
                        _linkTokens.Add(Token.Text(shown, 0, shown.Length, style));
                    }
                    tokens.Add(Token.Link(XmlSafeText.CleanOrEmpty(l.Url), XmlSafeText.CleanOrEmpty(l.Title), start, _linkTokens.Count - start));
                    break;
                case LineBreakInline:
                    tokens.Add(inLink ? Token.Text(Space, 0, 1, style) : Token.Break);
                    break;
            }
        }
    }

    private static bool HasVisibleText(ReadOnlySpan<Token> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Span.Trim().Length > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds a text's lines as text tokens with breaks between them (spaces inside a link); <c>\r\n</c>, <c>\r</c> and <c>\n</c> each end a line.</summary>
    private static void AddText(string text, Style style, bool inLink, List<Token> tokens)
    {
        if (text.Length == 0)
        {
            return;
        }
        var newline = text.AsSpan().IndexOfAny('\n', '\r');
        if (newline < 0)
        {
            tokens.Add(Token.Text(text, 0, text.Length, style));
            return;
        }
        var start = 0;
        while (true)
        {
            if (newline > start)
            {
                tokens.Add(Token.Text(text, start, newline - start, style));
            }
            if (newline == text.Length)
            {
                return;
            }
            tokens.Add(inLink ? Token.Text(Space, 0, 1, style) : Token.Break);
            start = newline + (text[newline] == '\r' && newline + 1 < text.Length && text[newline + 1] == '\n' ? 2 : 1);
            var next = text.AsSpan(start).IndexOfAny('\n', '\r');
            newline = next < 0 ? text.Length : start + next;
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

    /// <summary>
    /// Moves edge characters out of styled pieces until every delimiter flanks: content may not start or end with
    /// whitespace, and may start (end) with punctuation only when the character outside is whitespace or punctuation.
    /// </summary>
    private void PlaceDelimiters(Rune? before, Rune? after)
    {
        if (_pieces.Count == 1 && _pieces[0].Style == Style.None)
        {
            // Plain text (the usual paragraph): no delimiter to place.
            return;
        }
        Merge();
        // Each fix moves one character to a piece with fewer styles, so this ends; after a fix only the transitions
        // next to it can have changed, so the scan steps back one instead of starting over (no quadratic rescans).
        var t = 0;
        while (t <= _pieces.Count)
        {
            if (FixTransition(t, before, after))
            {
                t = Math.Max(0, t - 1);
                continue;
            }
            t++;
        }
    }

    /// <summary>Fixes the transition before piece <paramref name="t"/>; true when something moved.</summary>
    private bool FixTransition(int t, Rune? before, Rune? after)
    {
        var pieces = _pieces;
        var previous = t > 0 ? pieces[t - 1].Style : Style.None;
        var next = t < pieces.Count ? pieces[t].Style : Style.None;
        var closing = previous & ~next;
        var opening = next & ~previous;
        var shared = previous & next;
        if (closing != Style.None)
        {
            var a = pieces[t - 1];
            var edge = LastRune(Text(a));
            Rune? outside = opening != Style.None ? new Rune('*') : t < pieces.Count ? FirstRune(Text(pieces[t])) : after;
            if (!CharClass.DelimiterFits(edge, outside))
            {
                var kept = a with { Length = a.Length - edge.Utf16SequenceLength };
                pieces[t - 1] = kept;
                pieces.Insert(t, EdgePiece(a, kept.Start + kept.Length, edge, shared));
                Tidy(t);
                return true;
            }
        }
        if (opening != Style.None)
        {
            var b = pieces[t];
            var edge = FirstRune(Text(b));
            Rune? outside = closing != Style.None ? new Rune('*') : t > 0 ? LastRune(Text(pieces[t - 1])) : before;
            if (!CharClass.DelimiterFits(edge, outside))
            {
                pieces[t] = b with { Start = b.Start + edge.Utf16SequenceLength, Length = b.Length - edge.Utf16SequenceLength };
                pieces.Insert(t, EdgePiece(b, b.Start, edge, shared));
                Tidy(t);
                return true;
            }
        }
        return false;
    }

    /// <summary>The piece holding <paramref name="edge"/>, found at <paramref name="start"/> of <paramref name="from"/>'s text.</summary>
    private Piece EdgePiece(Piece from, int start, Rune edge, Style style)
    {
        var length = edge.Utf16SequenceLength;
        Span<char> encoded = stackalloc char[2];
        edge.EncodeToUtf16(encoded);
        var text = from.Source is { } source ? source.AsSpan(start, length) : _arena.AsSpan().Slice(start, length);
        if (text.SequenceEqual(encoded[..length]))
        {
            return new Piece(from.Source, start, length, style);
        }
        // An undecodable edge (a lone surrogate) became U+FFFD: the piece holds that, as a string would have.
        var at = _arena.Length;
        _arena.Append(encoded[..length]);
        return new Piece(null, at, length, style);
    }

    /// <summary>Removes empty pieces and merges equal neighbours around <paramref name="index"/> (the piece just inserted).</summary>
    private void Tidy(int index)
    {
        var pieces = _pieces;
        for (var i = Math.Min(index + 1, pieces.Count - 1); i >= Math.Max(0, index - 1); i--)
        {
            if (i < pieces.Count && pieces[i].Length == 0)
            {
                pieces.RemoveAt(i);
            }
        }
        for (var i = Math.Min(index + 1, pieces.Count - 1); i >= Math.Max(1, index - 1); i--)
        {
            if (i < pieces.Count && pieces[i - 1].Style == pieces[i].Style)
            {
                pieces[i - 1] = Concat(pieces[i - 1], pieces[i]);
                pieces.RemoveAt(i);
            }
        }
    }

    /// <summary>Drops empty pieces and merges neighbours of equal style.</summary>
    private void Merge()
    {
        var pieces = _pieces;
        var write = 0;
        for (var read = 0; read < pieces.Count; read++)
        {
            var piece = pieces[read];
            if (piece.Length == 0)
            {
                continue;
            }
            if (write > 0 && pieces[write - 1].Style == piece.Style)
            {
                pieces[write - 1] = Concat(pieces[write - 1], piece);
                continue;
            }
            pieces[write++] = piece;
        }
        pieces.RemoveRange(write, pieces.Count - write);
    }

    /// <summary>
    /// One piece with the text of <paramref name="a"/> then <paramref name="b"/> (the style of <paramref name="a"/>): the
    /// same slice widened when they are neighbours in one string, else their text copied to the arena (appended to
    /// <paramref name="a"/> in place when it already ends the arena, so a run of merges copies each text once).
    /// </summary>
    private Piece Concat(Piece a, Piece b)
    {
        if (a.Source is not null && ReferenceEquals(a.Source, b.Source) && a.Start + a.Length == b.Start)
        {
            return a with { Length = a.Length + b.Length };
        }
        if (a.Source is null && a.Start + a.Length == _arena.Length)
        {
            _arena.Append(Text(b));
            return a with { Length = a.Length + b.Length };
        }
        var start = _arena.Length;
        _arena.Append(Text(a));
        _arena.Append(Text(b));
        return new Piece(null, start, a.Length + b.Length, a.Style);
    }

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

    [Flags]
    internal enum Style : byte
    {
        None = 0,
        Strong = 1,
        Emphasis = 2,
    }

    /// <summary>A styled run of text: <see cref="Length"/> characters at <see cref="Start"/> of <see cref="Source"/>, or of the arena when that is null.</summary>
    private readonly record struct Piece(string? Source, int Start, int Length, Style Style);

    private enum TokenKind : byte
    {
        Text,
        Break,
        Link,
    }

    /// <summary>
    /// A text run (a slice of <see cref="Source"/>), a hard break, or a link (<see cref="Source"/> its URL, its content
    /// <see cref="ContentCount"/> tokens of the renderer's link tokens from <see cref="ContentStart"/>).
    /// </summary>
    private readonly record struct Token(TokenKind Kind, Style Style, string Source, int Start, int Length, string Title, int ContentStart, int ContentCount)
    {
        public static readonly Token Break = new(TokenKind.Break, Style.None, "", 0, 0, "", 0, 0);

        public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

        public static Token Text(string text, int start, int length, Style style) => new(TokenKind.Text, style, text, start, length, "", 0, 0);

        public static Token Link(string url, string title, int contentStart, int contentCount) =>
            new(TokenKind.Link, Style.None, url, 0, url.Length, title, contentStart, contentCount);
    }
}
