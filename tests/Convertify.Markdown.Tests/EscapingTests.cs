using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

public sealed class EscapingTests
{
    public static readonly string[] NastyTexts =
    [
        "plain text",
        "星号*不是*强调，下划线_也不是_",
        "**not bold** and __not bold__",
        "`code` and ``more``",
        "[not a link](https://example.com) and [ref][1]",
        "![not an image](x.png)",
        "<div>not html</div> <b>bold?</b> <!-- comment -->",
        "<https://example.com> autolink?",
        "a & b &amp; &#169; &copy; &#x41; &nbsp",
        "back\\slash \\* and trailing\\",
        "# not a heading",
        "## also not",
        "#hashtag",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a list",
        "1) not a list",
        "2024. 年份",
        "123456789. big",
        "===",
        "---",
        "***",
        "___",
        "- - -",
        ": not a definition",
        "| a | b |",
        "a | b",
        "~~not struck~~ ~single~",
        "```",
        "~~~",
        "[^1] footnote?",
        "[ ] task?",
        "line one\nline two",
        "first\n- second looks like a list\n# third like a heading\n1. fourth\n> fifth",
        "text ending with two spaces",
        "tab\tinside",
        "emoji 😀 and 👍🏽 and RTL שלום عربي",
        "中文“引号”和「括号」（全角）",
        "URL http://example.com/a_b_c?x=1&y=2",
        "www.example.com/path_with_underscores",
        "2 * 3 * 4 = 24",
        "snake_case_word and __dunder__",
        "a\\\nb",
        "!important [",
        "]",
        "\\",
        "[[wiki]]",
        "{curly} and $math$ and ^sup^ and ==mark== and ++ins++",
        "<",
        "a<b>c",
        "&",
        "&;",
        "&#;",
        "tomoko_koichi：用户名", "a_b_c", "_lead and trail_", "x_", "_x", "中_文_字", "snake_case_word_",
        "-5度", "+86 电话", "#tag #另一个", "####### seven", "###### six", "0.2%", "1.5 million", "1234567890. ten digits",
        ":)", ": 冒号", "===x", "--- x", "= x", "-", "+", "#", "1.", "1)", ">", "- - -", "= = =",
        "first line\n-5 second\n#tag third\n0.2% fourth\n---\n===",
    ];

    [Fact]
    public void NastyTextsRoundTripThroughMarkdig()
    {
        var failures = new List<string>();
        foreach (var text in NastyTexts)
        {
            var markdown = Body(P(text));
            var document = MarkdigText.Parse(markdown);
            var back = MarkdigText.PlainText(document).TrimEnd('\n');
            if (back != text)
            {
                failures.Add($"{Show(text)} -> {Show(markdown)} -> {Show(back)}");
            }
            if (document.Count != 1 || document[0] is not Markdig.Syntax.ParagraphBlock)
            {
                failures.Add($"{Show(text)} did not stay one paragraph: {string.Join(", ", document.Select(b => b.GetType().Name))}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void NastyTextsRoundTripInHeadingsListsQuotesAndTables()
    {
        var failures = new List<string>();
        foreach (var text in NastyTexts.Where(t => !t.Contains('\n')))
        {
            Block[] blocks =
            [
                new HeadingBlock(2, [T(text)]),
                new ListBlock(false, [new ListItem([P(text)])]),
                new ListBlock(true, [new ListItem([P(text)])], 3),
                new QuoteBlock([P(text)]),
                new TableBlock([new TableRow([new TableCell([T("h")]), new TableCell([T("x")])], true),
                    new TableRow([new TableCell([T(text)]), new TableCell([T("y")])], false)]),
            ];
            foreach (var block in blocks)
            {
                var markdown = Body(block);
                var back = MarkdigText.PlainText(MarkdigText.Parse(markdown));
                var expected = block is TableBlock ? $"h x\n{text} y\n" : text + "\n";
                if (back != expected)
                {
                    failures.Add($"{block.GetType().Name}: {Show(text)} -> {Show(markdown)} -> {Show(back)}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void LinkDestinationsAndTitlesRoundTrip()
    {
        string[] urls =
        [
            "https://example.com/a_(b)_c",
            "https://example.com/path with spaces/x.html",
            "https://example.com/?q=a|b&c=<d>",
            "https://example.com/back\\slash",
            "https://example.com/?x=&amp;&copy;",
            "https://example.com/<>",
            "https://example.com/ünï/中文",
            "mailto:someone@example.com",
        ];
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var markdown = Body(P(T("see "), L(url, "link [text]", "title \"quoted\" & (paren)")));
            var document = MarkdigText.Parse(markdown);
            var link = MarkdigText.Links(document).SingleOrDefault();
            if (link is null || link.Url != url || link.Title != "title \"quoted\" & (paren)" || MarkdigText.InlineText(link) != "link [text]")
            {
                failures.Add($"{url} -> {markdown} -> {link?.Url} / {link?.Title}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void ExclamationMarkBeforeALinkDoesNotMakeAnImage()
    {
        var markdown = Body(P(T("注意!"), L("https://example.com/", "链接"), T("!")));
        markdown.ShouldBe("注意\\![链接](https://example.com/)!\n");
        var document = MarkdigText.Parse(markdown);
        MarkdigText.Images(document).ShouldBeEmpty();
        MarkdigText.PlainText(document).ShouldBe("注意!链接!\n");
    }

    [Fact]
    public void ControlCharactersAndLoneSurrogatesAreRemoved()
    {
        var markdown = Body(P("a\u0001b\uD800c\u0000d"));
        markdown.ShouldBe("abcd\n");
    }

    [Fact]
    public void SpacesAtLineEdgesAreTrimmedSoTheyCannotMakeCode()
    {
        var markdown = Body(P("      indented code?\n    second  "));
        markdown.ShouldBe("indented code?\\\nsecond\n");
    }

    internal static string Show(string s) => s.Replace("\n", "⏎");
}
