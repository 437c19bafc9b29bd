using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Markdown.Internal;

/// <summary>The first step: the model's inlines flattened into styled text runs, breaks and links.</summary>
internal sealed partial class InlineRenderer
{
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

    [Flags]
    internal enum Style : byte
    {
        None = 0,
        Strong = 1,
        Emphasis = 2,
    }

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
