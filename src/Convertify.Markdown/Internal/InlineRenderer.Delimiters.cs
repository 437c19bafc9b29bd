using System.Text;

namespace Convertify.Markdown.Internal;

/// <summary>The second step: edge characters moved out of styled pieces so that every emphasis delimiter flanks.</summary>
internal sealed partial class InlineRenderer
{
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

    /// <summary>A styled run of text: <see cref="Length"/> characters at <see cref="Start"/> of <see cref="Source"/>, or of the arena when that is null.</summary>
    private readonly record struct Piece(string? Source, int Start, int Length, Style Style);
}
