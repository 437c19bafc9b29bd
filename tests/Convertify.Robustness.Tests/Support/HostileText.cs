using CsCheck;

namespace Convertify.Robustness.Tests.Support;

/// <summary>CsCheck generators for hostile text: scripts, control characters, lone surrogates, YAML and Markdown syntax.</summary>
internal static class HostileText
{
    public static readonly string[] Pieces =
    [
        "临登港的灯塔", "한국어 문장", "日本語の文", "😀👍🏽👨‍👩‍👧", "مرحبا بالعالم", "שלום עולם", "\u202Eevil\u202C", "\u200F\u200E",
        "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F", "\uD800", "\uDFFF", "\uDBFF\uD800",
        "\uFEFF", "\u2028", "\u2029", "\uFFFE", "\uFFFF", "\uFFFD", "\t", "\r", "\n", "\r\n", " ", "\u00A0", "\u3000",
        "&amp;", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#0;", "&#xD800;", "&#1114112;", "&#x110000;", "&nbsp;", "&", "&#", "&#x", "&amp",
        "&notanentity;", "&#x1F600;", "&#128512", "*", "_", "**", "`", "```", "[", "]", "(", ")", "#", "# ", ">", "!", "|", "-", "+", "=", "~", "\\",
        "<!-- c -->", "<![CDATA[x]]>", "javascript:alert(1)", "---", "...", ": ", "- ", "? ", "yes", "no", "on", "off", "~", "null", "1e3", "0x1F",
        "2024-01-01", "'", "\"", "%", "@", "{{ .Site }}", "{% raw %}", "&lt;img src=x onerror=alert(1)&gt;", "<b>", "</i>", "1. ", "* ",
    ];

    public static readonly Gen<string> Piece = Gen.OneOf(Pieces);

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Piece),
        (2, Gen.String[0, 12]),
        (1, Gen.Char.Array[0, 8].Select(chars => new string(chars))),
        (1, Gen.Char['\u0000', '\u00FF'].Array[0, 8].Select(chars => new string(chars))),
        (1, Gen.Char['\uD7F0', '\uE010'].Array[0, 4].Select(chars => new string(chars))));

    public static readonly Gen<string> Phrase = Text.Array[1, 6].Select(parts => string.Concat(parts));

    public static readonly Gen<string> Url = Gen.OneOf(
        "https://www.voachinese.com/a/x.html", "https://www.bbc.com/zhongwen/simp/world-1", "javascript:alert(1)", "", "not a url",
        "http://[::1", "https://例子.测试/路径?q=1#f", "https://x.example/a)b", "https://x.example/<script>", "file:///etc/passwd",
        "http://127.0.0.1:9/", "https://x.example/a b\"c", "mailto:a@b.example", "//x.example/p", "\u0000https://x.example/");
}
