using System.Collections.Immutable;
using System.Globalization;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

public sealed class EmphasisTests
{
    private static readonly string[] Lefts = ["", "字", "。", "“", "a", "1", " ", "）", "😀"];
    private static readonly string[] Rights = ["", "后", "，", "”", "b", "2", " ", "（", "😀"];
    private static readonly string[] Firsts = ["引", "“", "「", "（", "a", "1", "《", "😀", "$", "—"];
    private static readonly string[] Lasts = ["语", "”", "」", "）", "b", "2", "》", "。", "😀", "%"];

    public static TheoryData<string> Kinds => new() { "strong", "emphasis", "strong-in-emphasis", "emphasis-in-strong", "link-in-strong" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmphasisRendersWhateverItsNeighbours(string kind)
    {
        var failures = new List<string>();
        foreach (var left in Lefts)
        foreach (var right in Rights)
        foreach (var first in Firsts)
        foreach (var last in Lasts)
        {
            var content = first + "中" + last;
            Inline styled = kind switch
            {
                "strong" => B(content),
                "emphasis" => I(content),
                "strong-in-emphasis" => I(B(content)),
                "emphasis-in-strong" => B(I(content)),
                _ => B(L("https://example.com/", content)),
            };
            var inlines = new List<Inline>();
            if (left.Length > 0) inlines.Add(T("前" + left));
            inlines.Add(styled);
            if (right.Length > 0) inlines.Add(T(right + "尾"));
            Check([.. inlines], failures);
        }
        failures.Count.ShouldBe(0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>Mixed, nested and adjacent emphasis (also rendered by Hugo in <see cref="HugoTests"/>).</summary>
    internal static readonly Inline[][] MixedCases =
        [
            [B("粗体"), I("斜体")],
            [I("斜体"), B("粗体")],
            [B("“甲”"), B("“乙”")],
            [B("甲"), T("乙"), B("丙")],
            [B(T("粗"), I("粗斜"), T("粗")), T("后")],
            [B(I("粗斜"), T("粗")), T("后")],
            [B(T("粗"), I("粗斜")), T("后")],
            [I(T("斜"), B("“斜粗”")), T("后")],
            [T("前"), B(T("“"), I("引"), T("”")), T("后")],
            [T("前"), B(L("https://example.com/", "“链接”"), T("说")), T("后")],
            [T("前"), B(T("一"), LineBreakInline.Instance, T("“二”")), T("后")],
            [T("前"), B("，。"), T("后")],
            [T("前"), B("  "), T("后")],
            [T("前"), B(" 空格 "), T("后")],
            [T("a"), B("*star*"), T("b")],
            [T("a"), B("_under_"), T("b")],
            [T("a"), I("\\back\\"), T("b")],
            [T("价格"), B("$100"), T("元")],
            [B("- 列表"), T("否")],
            [B("1. 编号"), T("否")],
            [L("https://example.com/", "链接"), B("“粗”"), L("https://example.com/", "链接")],
        ];

    [Fact]
    public void MixedAndAdjacentEmphasisRenders()
    {
        var failures = new List<string>();
        foreach (var inlines in MixedCases)
        {
            Check([.. inlines], failures);
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void QuotedBoldBeforeCjkTextKeepsTheQuotesOutside()
    {
        Body(P(T("他说"), B("“引语”"), T("后面"))).ShouldBe("他说“**引语**”后面\n");
    }

    [Fact]
    public void EmphasisOfOnlyPunctuationIsDropped()
    {
        Body(P(T("前"), B("，"), T("后"))).ShouldBe("前，后\n");
    }

    private static void Check(ImmutableArray<Inline> inlines, List<string> failures)
    {
        var markdown = Body(new ParagraphBlock(inlines));
        var document = MarkdigText.Parse(markdown);
        var paragraph = document.Count == 1 ? document[0] as Markdig.Syntax.ParagraphBlock : null;
        if (paragraph?.Inline is null)
        {
            failures.Add($"not one paragraph: {EscapingTests.Show(markdown)}");
            return;
        }
        var expected = ModelText.StyledChars(inlines);
        var actual = MarkdigText.StyledChars(paragraph.Inline);
        var expectedText = new string(expected.Select(e => e.Char).ToArray());
        var actualText = new string(actual.Select(a => a.Char).ToArray());
        if (expectedText.Trim() != actualText)
        {
            failures.Add($"text {expectedText} -> {EscapingTests.Show(markdown)} -> {actualText}");
            return;
        }
        // Letters and digits keep their styles exactly; punctuation, symbols and spaces may move outside.
        var offset = expectedText.Length - expectedText.TrimStart().Length;
        for (var i = 0; i < actual.Count; i++)
        {
            var c = actual[i].Char;
            if (char.IsSurrogate(c) || !char.IsLetterOrDigit(c))
            {
                continue;
            }
            if (expected[i + offset].Style != actual[i].Style)
            {
                failures.Add($"style of '{c}' at {i.ToString(CultureInfo.InvariantCulture)}: {expected[i + offset].Style} -> {actual[i].Style} in {EscapingTests.Show(markdown)}");
                return;
            }
        }
    }
}
