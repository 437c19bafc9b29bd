using System.Collections.Immutable;
using System.Text;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>
/// Builds the inlines of one paragraph: merges adjacent text, collapses whitespace (no space between two CJK characters),
/// turns single line breaks into <see cref="LineBreakInline"/>, and can be cut into paragraphs while strong/emphasis/link
/// wrappers stay open (they are closed before the cut and reopened after it).
/// </summary>
internal sealed class InlineBuilder
{
    private readonly List<Frame> _frames = [new Frame(FrameKind.Root, null, "")];

    // Closed frames, kept with their buffers for the next wrapper: a paragraph opens and closes many.
    private readonly Stack<Frame> _spare = new();
    private bool _pendingSpace;
    private bool _pendingHardSpace;
    private int _pendingIdeographic;
    private bool _pendingBreak;
    private char _last;

    /// <summary>True once the paragraph holds visible text.</summary>
    public bool HasContent { get; private set; }

    /// <summary>Characters of visible text in the paragraph so far.</summary>
    public int Length { get; private set; }

    /// <summary>The last visible character, or NUL.</summary>
    public char LastChar => _last;

    /// <summary>How many frames are open above the root.</summary>
    public int Depth => _frames.Count - 1;

    public void AppendText(ReadOnlySpan<char> raw)
    {
        // Runs of ordinary characters are appended whole; the collapsible, ideographic and invisible ones one by one.
        while (!raw.IsEmpty)
        {
            var special = TextAccumulator.IndexOfSpecial(raw);
            var run = special < 0 ? raw : raw[..special];
            if (!run.IsEmpty)
            {
                AppendVisible(run);
            }
            if (special < 0)
            {
                return;
            }
            var c = raw[special];
            raw = raw[(special + 1)..];
            if (TextAccumulator.IsCollapsible(c))
            {
                _pendingSpace = HasContent;
                _pendingHardSpace |= c is '\n' or '\r' or '\t';
            }
            else if (c == '\u3000')
            {
                if (HasContent)
                {
                    _pendingIdeographic++;
                }
            }
        }
    }

    /// <summary>Appends characters that are all visible, after what is pending before the first of them.</summary>
    private void AppendVisible(ReadOnlySpan<char> run)
    {
        var c = run[0];
        var target = Top;
        if (_pendingBreak)
        {
            var holder = ContentHolder();
            holder.FlushText();
            holder.Items.Add(LineBreakInline.Instance);
            _pendingBreak = false;
            _pendingSpace = false;
            _pendingIdeographic = 0;
            _last = '\n';
        }
        else if (_pendingIdeographic > 0)
        {
            ContentHolder().Text.Append('\u3000', _pendingIdeographic);
            _pendingIdeographic = 0;
            _pendingSpace = false;
            _last = '\u3000';
        }
        else if (_pendingSpace)
        {
            if (!(_pendingHardSpace && CjkText.IsCjk(_last) && CjkText.IsCjk(c)))
            {
                ContentHolder().Text.Append(' ');
            }
            _pendingSpace = false;
        }
        _pendingHardSpace = false;
        target.Text.Append(run);
        target.HasText = true;
        _last = run[^1];
        Length += run.Length;
        HasContent = true;
    }

    /// <summary>A &lt;br&gt;. Returns true when it is the second in a row, which ends the paragraph.</summary>
    public bool LineBreak()
    {
        if (!HasContent)
        {
            return false;
        }
        if (_pendingBreak)
        {
            _pendingBreak = false;
            return true;
        }
        _pendingBreak = true;
        _pendingSpace = false;
        _pendingIdeographic = 0;
        return false;
    }

    public void Open(FrameKind kind, string? url = null, string title = "")
    {
        if (_spare.Count > 0)
        {
            var frame = _spare.Pop();
            frame.Reopen(kind, url, title);
            _frames.Add(frame);
        }
        else
        {
            _frames.Add(new Frame(kind, url, title));
        }
    }

    /// <summary>Closes the innermost frame. Returns false when it held nothing (an empty link, an empty strong).</summary>
    public bool Close()
    {
        if (_frames.Count <= 1)
        {
            return true;
        }
        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        var parent = _frames[^1];
        var added = AddWrapped(parent, frame);
        frame.Reset();
        _spare.Push(frame);
        return added;
    }

    /// <summary>Ends the paragraph: returns its inlines (empty when it held nothing) and reopens the open wrappers.</summary>
    public ImmutableArray<Inline> Take()
    {
        for (var i = _frames.Count - 1; i >= 1; i--)
        {
            AddWrapped(_frames[i - 1], _frames[i]);
            _frames[i].Reset();
        }
        var root = _frames[0].Build();
        _frames[0].Reset();
        _pendingSpace = false;
        _pendingHardSpace = false;
        _pendingBreak = false;
        _pendingIdeographic = 0;
        _last = '\0';
        Length = 0;
        HasContent = false;
        return root;
    }

    private Frame Top => _frames[^1];

    /// <summary>The innermost frame that already holds content (a pending space goes there, not into an empty new wrapper).</summary>
    private Frame ContentHolder()
    {
        for (var i = _frames.Count - 1; i > 0; i--)
        {
            if (_frames[i].HasText)
            {
                return _frames[i];
            }
        }
        return _frames[0];
    }

    /// <summary>Adds what <paramref name="frame"/> holds to <paramref name="parent"/> in its wrapper; false when it held nothing.</summary>
    private static bool AddWrapped(Frame parent, Frame frame)
    {
        var inlines = frame.Build();
        if (inlines.Length == 0)
        {
            return false;
        }
        parent.FlushText();
        parent.Items.Add(frame.Kind switch
        {
            FrameKind.Strong => new StrongInline(inlines),
            FrameKind.Emphasis => new EmphasisInline(inlines),
            FrameKind.Link => new LinkInline(frame.Url!, inlines, frame.Title),
            _ => throw new InvalidOperationException("root is never wrapped"),
        });
        parent.HasText = true;
        return true;
    }

    internal enum FrameKind
    {
        Root,
        Strong,
        Emphasis,
        Link,
    }

    private sealed class Frame(FrameKind kind, string? url, string title)
    {
        public FrameKind Kind { get; private set; } = kind;
        public string? Url { get; private set; } = url;
        public string Title { get; private set; } = title;
        public List<Inline> Items { get; } = [];
        public StringBuilder Text { get; } = new();
        public bool HasText { get; set; }

        /// <summary>Empties the frame, keeping its kind and its buffers.</summary>
        public void Reset()
        {
            Items.Clear();
            Text.Clear();
            HasText = false;
        }

        /// <summary>Makes an emptied frame a new wrapper.</summary>
        public void Reopen(FrameKind kind, string? url, string title)
        {
            Kind = kind;
            Url = url;
            Title = title;
        }

        public void FlushText()
        {
            if (Text.Length > 0)
            {
                Items.Add(new TextInline(Text.ToString()));
                Text.Clear();
            }
        }

        public ImmutableArray<Inline> Build()
        {
            FlushText();
            if (Items.Count == 0)
            {
                return [];
            }
            // Trim a trailing ideographic space.
            if (Items[^1] is TextInline t && t.Text.EndsWith('\u3000'))
            {
                var trimmed = t.Text.TrimEnd('\u3000');
                if (trimmed.Length == 0)
                {
                    Items.RemoveAt(Items.Count - 1);
                }
                else
                {
                    Items[^1] = new TextInline(trimmed);
                }
            }
            while (Items.Count > 0 && Items[^1] is LineBreakInline)
            {
                Items.RemoveAt(Items.Count - 1);
            }
            return [.. Items];
        }
    }
}
