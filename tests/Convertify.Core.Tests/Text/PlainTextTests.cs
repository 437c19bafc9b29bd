using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Core.Tests.Text;

public sealed class PlainTextTests
{
    private static TextInline T(string text) => new(text);

    [Fact]
    public void The_text_of_blocks_is_their_lines_each_ended_by_a_line_break()
    {
        ImmutableArray<Block> body =
        [
            new ParagraphBlock([T("一"), new StrongInline([T("强")]), new EmphasisInline([T("斜")]), LineBreakInline.Instance,
                new LinkInline("https://example.org/a", [T("链接")])]),
            new HeadingBlock(2, [T("小标题")]),
            new FigureBlock("https://example.org/p.jpg", "", "图注", "摄影"),
            new FigureBlock("https://example.org/q.jpg", "", "", ""),
            new QuoteBlock([new ParagraphBlock([T("引文")])]),
            new ListBlock(true, [new ListItem([new ParagraphBlock([T("第一项")]), new ListBlock(false, [new ListItem([new ParagraphBlock([T("子项")])])])])]),
            new TableBlock([new TableRow([new TableCell([T("表头")]), new TableCell([T("值")])], true),
                new TableRow([new TableCell([T("a")]), new TableCell([])], false)], "表题"),
            new EmbedBlock(EmbedKind.Video, "https://example.org/v.mp4", "视频"),
            new RuleBlock(),
        ];

        var expected = string.Concat(PlainText.Lines(body).Select(line => line + "\n"));
        PlainText.Of(body).ShouldBe(expected);
        expected.ShouldBe("一强斜\n链接\n小标题\n图注\n摄影\n引文\n第一项\n子项\n表题\n表头 值\na \n");
    }
}
