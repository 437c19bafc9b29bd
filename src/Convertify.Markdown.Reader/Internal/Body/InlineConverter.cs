using System.Collections.Immutable;
using System.Text;
using Convertify.Model;
using Convertify.Text;
using MdInlines = Markdig.Syntax.Inlines;

namespace Convertify.Markdown.Reader.Internal.Body;

/// <summary>
/// Turns Markdig's inlines into the model's: neighbouring text joined into one run, <c>*</c>/<c>_</c> emphasis by
/// delimiter count, hard breaks kept and soft breaks as spaces (none between two CJK characters), code spans and entities as their text, inline HTML
/// tags dropped (their text stays). An image inside a paragraph becomes its alt text here; a paragraph's own images
/// are split out as figures by <see cref="BodyConverter"/>.
/// </summary>
internal static class InlineConverter
{
    /// <summary>The model inlines of <paramref name="container"/>'s children.</summary>
    public static ImmutableArray<Inline> Convert(MdInlines.ContainerInline? container)
    {
        if (container?.FirstChild is not { } first)
        {
            return [];
        }
        if (first.NextSibling is null && first is MdInlines.LiteralInline only)
        {
            return [new TextInline(only.Content.ToString())];
        }
        var output = Builder.Rent();
        output.AddChildren(container);
        return output.FinishAndReturn();
    }

    /// <summary>The model inlines of a run of sibling inlines, from <paramref name="first"/> up to (not including) <paramref name="end"/>.</summary>
    public static ImmutableArray<Inline> Convert(MdInlines.Inline? first, MdInlines.Inline? end)
    {
        var output = Builder.Rent();
        for (var inline = first; inline is not null && inline != end; inline = inline.NextSibling)
        {
            output.Add(inline);
        }
        return output.FinishAndReturn();
    }

    /// <summary>The text of inlines (for alt texts and titles): emphasis, links and breaks reduced to their characters.</summary>
    public static string PlainText(MdInlines.ContainerInline? container)
    {
        var text = new StringBuilder();
        AppendPlain(text, container);
        return text.ToString();
    }

    private static void AppendPlain(StringBuilder text, MdInlines.ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case MdInlines.LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case MdInlines.CodeInline code:
                    text.Append(code.Content);
                    break;
                case MdInlines.HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case MdInlines.LineBreakInline:
                    text.Append(' ');
                    break;
                case MdInlines.AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case MdInlines.ContainerInline inner:
                    AppendPlain(text, inner);
                    break;
            }
        }
    }

    /// <summary>Collects model inlines, joining neighbouring text. Reused: one per nesting level and thread.</summary>
    private sealed class Builder
    {
        [ThreadStatic]
        private static Stack<Builder>? t_pool;

        private readonly List<Inline> _inlines = [];
        private readonly StringBuilder _text = new();

        // Where the space a soft line break became stands in _text (-1: none pending).
        private int _softBreak = -1;

        public static Builder Rent() => t_pool is { Count: > 0 } pool ? pool.Pop() : new Builder();

        public void AddChildren(MdInlines.ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                Add(inline);
            }
        }

        public void Add(MdInlines.Inline inline)
        {
            switch (inline)
            {
                case MdInlines.LiteralInline literal:
                    AppendText(literal.Content.AsSpan());
                    break;
                case MdInlines.CodeInline code:
                    AppendText(code.Content);
                    break;
                case MdInlines.HtmlEntityInline entity:
                    AppendText(entity.Transcoded.AsSpan());
                    break;
                case MdInlines.LineBreakInline lineBreak:
                    if (lineBreak.IsHard)
                    {
                        Flush();
                        _inlines.Add(LineBreakInline.Instance);
                    }
                    else
                    {
                        _softBreak = _text.Length;
                        _text.Append(' ');
                    }
                    break;
                case MdInlines.HtmlInline:
                    break;
                case MdInlines.AutolinkInline autolink:
                    Flush();
                    _inlines.Add(new LinkInline(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, [new TextInline(autolink.Url)]));
                    break;
                case MdInlines.LinkInline { IsImage: true } image:
                    AppendPlain(_text, image);
                    break;
                case MdInlines.LinkInline link:
                    Flush();
                    _inlines.Add(new LinkInline(link.Url ?? "", Convert(link), link.Title ?? ""));
                    break;
                case MdInlines.EmphasisInline emphasis when emphasis.DelimiterChar is '*' or '_':
                    Flush();
                    var content = Convert(emphasis);
                    _inlines.Add(emphasis.DelimiterCount >= 2 ? new StrongInline(content) : new EmphasisInline(content));
                    break;
                case MdInlines.ContainerInline container:
                    AddChildren(container);
                    break;
            }
        }

        /// <summary>Appends text; a line wrapped between two CJK characters is joined without a space.</summary>
        private void AppendText(ReadOnlySpan<char> text)
        {
            if (_softBreak >= 1 && _softBreak == _text.Length - 1 && !text.IsEmpty
                && CjkText.IsCjk(_text[_softBreak - 1]) && CjkText.IsCjk(text[0]))
            {
                _text.Length = _softBreak;
            }
            _softBreak = -1;
            _text.Append(text);
        }

        /// <summary>The inlines collected; the builder goes back to the thread's pool.</summary>
        public ImmutableArray<Inline> FinishAndReturn()
        {
            Flush();
            var result = ImmutableArray.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_inlines));
            _inlines.Clear();
            if (_text.Capacity > 64 * 1024)
            {
                _text.Capacity = 1024;
            }
            (t_pool ??= new Stack<Builder>()).Push(this);
            return result;
        }

        private void Flush()
        {
            _softBreak = -1;
            if (_text.Length > 0)
            {
                _inlines.Add(new TextInline(_text.ToString()));
                _text.Clear();
            }
        }
    }
}
