using System.Buffers;
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
        // Runs of ordinary characters are copied whole; only the characters this class treats specially go one by one.
        while (!raw.IsEmpty)
        {
            var special = raw.IndexOfAny(Special);
            var run = special < 0 ? raw : raw[..special];
            if (!run.IsEmpty)
            {
                BeforeVisible(run[0]);
                _text.Append(run);
            }
            if (special < 0)
            {
                return;
            }
            var c = raw[special];
            raw = raw[(special + 1)..];
            if (IsCollapsible(c))
            {
                _pendingSpace = _text.Length > 0;
                _pendingHardSpace |= c is '\n' or '\r' or '\t';
            }
            else if (c == '\u3000')
            {
                if (_text.Length > 0)
                {
                    _pendingIdeographic++;
                }
            }
        }
    }

    /// <summary>Writes what is pending before visible character <paramref name="c"/>.</summary>
    private void BeforeVisible(char c)
    {
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

    // Collapsible, ideographic space and invisible characters: everything Append does not copy as it is.
    internal static readonly SearchValues<char> Special = SearchValues.Create(" \t\n\r\f\u00A0\u2002\u2003\u2009\u202F\u3000\u200B\u2060\uFEFF\u00AD");

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
