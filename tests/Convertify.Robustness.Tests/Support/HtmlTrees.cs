using System.Text;
using CsCheck;

namespace Convertify.Robustness.Tests.Support;

/// <summary>CsCheck generators for random HTML bodies: nested tags, hostile attributes and text, malformed fragments.</summary>
internal static class HtmlTrees
{
    private static readonly string[] Tags =
    [
        "p", "div", "span", "b", "i", "strong", "em", "a", "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li",
        "blockquote", "script", "style", "noscript", "picture", "iframe", "video", "h1", "h2", "h3", "h6", "time", "section", "main", "pre",
        "code", "sup", "sub", "header", "footer", "aside", "svg", "math", "template", "textarea", "title", "object",
    ];

    private static readonly string[] VoidTags = ["img", "br", "source", "hr", "wbr", "input", "meta", "link"];

    private static readonly string[] AttributeNames =
    [
        "src", "srcset", "srcSet", "data-src", "data-original", "data-lazy-src", "href", "alt", "title", "class", "style", "onerror", "onclick",
        "colspan", "rowspan", "width", "height", "id", "dir", "lang", "data-testid", "role", "type", "sizes", "dateTime", "poster", "xmlns",
    ];

    private static readonly Gen<string> AttributeValue = Gen.Frequency(
        (4, Gen.OneOf(
            "https://images.weserv.nl/?url=ichef.bbci.co.uk/news/640/cpsprodpb/1/production/_1_x.jpg", "https://i0.wp.com/example.com/a.png?resize=1",
            "https://x.example/img.jpg", "//cdn.example.com/x.jpg", "/relative/path.png", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
            " javascript:alert(1)", "java\tscript:alert(1)", "data:image/png;base64,AAAA", "data:text/html,<script>alert(1)</script>", "vbscript:x",
            "file:///etc/passwd", "http://127.0.0.1/", "x.jpg 1x, y.jpg 2x", "a.jpg 240w, b.jpg 800w", ",,, 9999w", "", "999999999", "-1", "0",
            "2147483648", "rtl", "image-placeholder", "caption-paragraph", "display:none", "text/html", "ltr")),
        (2, HostileText.Phrase),
        (1, Gen.Int[1, 30_000].Select(n => new string('a', n))));

    private static readonly Gen<string> Attribute = Gen.Select(Gen.OneOf(AttributeNames), AttributeValue, Gen.Int[0, 3], (name, value, quote) => quote switch
    {
        0 => $" {name}=\"{value.Replace("\"", "&quot;")}\"",
        1 => $" {name}='{value.Replace("'", "&#39;")}'",
        2 => $" {name}={value.Replace(" ", "").Replace(">", "")}",
        _ => $" {name}",
    });

    private static readonly Gen<string> Attributes = Attribute.Array[0, 3].Select(a => string.Concat(a));

    private static readonly Gen<string> Broken = Gen.OneOf(
        "<div", "</p>", "<a href=", "<", "<<>>", "</div></div>", "<!--", "<script>", "</td>", "<tr>", "<li>", "<img", "<br/>", "</>",
        "<p/>", "<table><td>x", "<ul><p>y</ul>", "<b><i>z</b></i>", "<svg><script>alert(1)</script></svg>", "<?xml?>", "<!DOCTYPE html>");

    private static readonly Gen<string>[] ByDepth = Build(7);

    /// <summary>A body of up to seven levels of nesting.</summary>
    public static Gen<string> Body { get; } = ByDepth[^1].Array[1, 6].Select(parts => string.Concat(parts));

    /// <summary>Whole archive files: a hostile title and URL around a generated body.</summary>
    public static Gen<string> Article { get; } = Gen.Select(Gen.Frequency((3, HostileText.Phrase.Select(OneLine)), (1, HostileText.Phrase)), HostileText.Url, Body.Select(NoNul), Gen.Frequency((9, Gen.Long[0, 253_402_300_799_999]), (1, Gen.Long)),
        (title, url, body, feed) => ArchiveText.Article(title, url, body, feed));

    // Most titles stay on one line and most bodies hold no NUL (which makes a file binary), so most inputs reach the writers.
    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace("\0", "", StringComparison.Ordinal);

    private static string NoNul(string text) => text.Replace('\0', '\u0001');

    private static Gen<string>[] Build(int levels)
    {
        var gens = new Gen<string>[levels];
        gens[0] = HostileText.Text;
        for (var depth = 1; depth < levels; depth++)
        {
            var inner = gens[depth - 1];
            var element = Gen.Select(Gen.OneOf(Tags), Attributes, inner.Array[0, 4], Gen.Int[0, 9], (tag, attributes, children, close) =>
            {
                var builder = new StringBuilder().Append('<').Append(tag).Append(attributes).Append('>');
                foreach (var child in children) builder.Append(child);
                if (close > 0) builder.Append("</").Append(tag).Append('>');
                return builder.ToString();
            });
            var empty = Gen.Select(Gen.OneOf(VoidTags), Attributes, Gen.Bool, (tag, attributes, slash) => $"<{tag}{attributes}{(slash ? "/" : "")}>");
            gens[depth] = Gen.Frequency((3, inner), (6, element), (2, empty), (1, Broken));
        }
        return gens;
    }
}
