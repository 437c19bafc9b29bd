using System.Text;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>
/// Collapses whitespace the way the body text needs it: runs of ASCII whitespace and no-break spaces become one space,
/// dropped between two CJK characters and at both ends; ideographic spaces are kept inside the text but trimmed at the ends.
/// </summary>
internal sealed class TextAccumulator
{
    private readonly StringBuilder _text = new();
    private bool _pendingSpace;
    private bool _pendingHardSpace;
    private int _pendingIdeographic;

    public bool IsEmpty => _text.Length == 0;

    public void Append(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
        {
            if (IsCollapsible(c))
            {
                _pendingSpace = _text.Length > 0;
                _pendingHardSpace |= c is '\n' or '\r' or '\t';
                continue;
            }
            if (c == '\u3000')
            {
                if (_text.Length > 0)
                {
                    _pendingIdeographic++;
                }
                continue;
            }
            if (IsInvisible(c))
            {
                continue;
            }
            if (_pendingIdeographic > 0)
            {
                _text.Append('\u3000', _pendingIdeographic);
                _pendingIdeographic = 0;
                _pendingSpace = false;
            }
            else if (_pendingSpace)
            {
                if (!(_pendingHardSpace && CjkText.IsCjk(_text[^1]) && CjkText.IsCjk(c)))
                {
                    _text.Append(' ');
                }
                _pendingSpace = false;
            }
            _pendingHardSpace = false;
            _text.Append(c);
        }
    }

    /// <summary>Separates the next piece with a space unless CJK meets CJK.</summary>
    public void Separate()
    {
        _pendingSpace = _text.Length > 0;
        _pendingHardSpace = true;
    }

    public override string ToString() => _text.ToString();

    public void Clear()
    {
        _text.Clear();
        _pendingSpace = false;
        _pendingHardSpace = false;
        _pendingIdeographic = 0;
    }

    public static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F';

    public static bool IsInvisible(char c) => c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>Normalises one string on its own.</summary>
    public static string Normalize(string raw)
    {
        var a = new TextAccumulator();
        a.Append(raw);
        return a.ToString();
    }
}
