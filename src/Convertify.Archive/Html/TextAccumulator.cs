using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
            var special = IndexOfSpecial(raw);
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

    /// <summary>
    /// The index of the first collapsible, ideographic space or invisible character: everything the text passes do not
    /// copy as it is; -1 when there is none. Written out rather than <c>IndexOfAny(SearchValues)</c>, whose probabilistic
    /// map for this mixed ASCII/non-ASCII set is slower on CJK text: finding every such character in the corpus's text
    /// 50 times took 30–33 ms here against 42–57 ms with SearchValues (same results; 2026-12-07, JIT).
    /// </summary>
    public static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            // Eight at a time: the lanes holding one of the characters below, the first of them if any.
            ref var first = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<char, ushort>(text));
            var last = text.Length - Vector128<ushort>.Count;
            for (; i <= last; i += Vector128<ushort>.Count)
            {
                var found = Special(Vector128.LoadUnsafe(ref first, (nuint)i));
                if (found != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits());
                }
            }
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00A0')
            {
                if (c <= ' ' && c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    return i;
                }
            }
            else if (c is '\u00A0' or '\u00AD' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\u202F' or '\u2060' or '\u3000' or '\uFEFF')
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The lanes of <paramref name="chars"/> that <see cref="IndexOfSpecial"/> stops at.</summary>
    private static Vector128<ushort> Special(Vector128<ushort> chars) =>
        Vector128.Equals(chars, Vector128.Create((ushort)' ')) | Vector128.Equals(chars, Vector128.Create((ushort)'\t'))
        | Vector128.Equals(chars, Vector128.Create((ushort)'\n')) | Vector128.Equals(chars, Vector128.Create((ushort)'\r'))
        | Vector128.Equals(chars, Vector128.Create((ushort)'\f')) | Vector128.Equals(chars, Vector128.Create((ushort)0x00A0))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x00AD)) | Vector128.Equals(chars, Vector128.Create((ushort)0x2002))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x2003)) | Vector128.Equals(chars, Vector128.Create((ushort)0x2009))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x200B)) | Vector128.Equals(chars, Vector128.Create((ushort)0x202F))
        | Vector128.Equals(chars, Vector128.Create((ushort)0x2060)) | Vector128.Equals(chars, Vector128.Create((ushort)0x3000))
        | Vector128.Equals(chars, Vector128.Create((ushort)0xFEFF));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInvisible(char c) => c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>Normalises one string on its own.</summary>
    public static string Normalize(string raw)
    {
        var a = new TextAccumulator();
        a.Append(raw);
        return a.ToString();
    }
}
