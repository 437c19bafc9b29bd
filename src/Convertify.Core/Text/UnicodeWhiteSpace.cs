using System.Runtime.CompilerServices;

namespace Convertify.Text;

/// <summary>
/// <see cref="char.IsWhiteSpace(char)"/> without the Unicode category lookup it makes for every character above
/// U+00FF (most of a Chinese text): the white space characters there are few and fixed.
/// </summary>
public static class UnicodeWhiteSpace
{
    /// <summary>Same answer as <see cref="char.IsWhiteSpace(char)"/> for every UTF-16 code unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(char c) => c <= '\u00FF'
        ? c is ' ' or (>= '\t' and <= '\r') or '\u0085' or '\u00A0'
        : c is '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';
}
