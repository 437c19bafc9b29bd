using System.Text.Json;
using Convertify.Json;
using Convertify.Model;
using static Convertify.Core.Tests.ArticleSamples;

namespace Convertify.Core.Tests.Json;

public sealed class ArticleJsonWriterTests
{
    [Fact]
    public void Writes_metadata_provenance_and_typed_blocks()
    {
        var article = Assemble(
            new HeadingBlock(2, [Txt("小标题")]),
            Paragraph(Txt("正文"), new StrongInline([Txt("加粗")]), LineBreakInline.Instance,
                new LinkInline("https://example.org/x", [Txt("链接")])),
            new FigureBlock("https://img.example.org/a.jpg", "alt", "说明", "AFP"),
            new ListBlock(true, [new ListItem([Paragraph(Txt("一"))])], Start: 3),
            new RuleBlock());
        using var stream = new MemoryStream();
        ArticleJsonWriter.Write(article, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        root.GetProperty("id").GetString().ShouldBe("voa/1000001");
        root.GetProperty("site").GetProperty("name").GetString().ShouldBe("美国之音");
        root.GetProperty("published").GetProperty("value").GetString().ShouldBe("2022-12-29T15:59:01+00:00");
        root.GetProperty("published").GetProperty("source").GetString().ShouldBe("body_with_zone");
        root.GetProperty("lead_image").GetString().ShouldBe("https://img.example.org/a.jpg");
        var body = root.GetProperty("body");
        body.GetArrayLength().ShouldBe(5);
        body[0].GetProperty("level").GetInt32().ShouldBe(2);
        var inlines = body[1].GetProperty("inlines");
        inlines[0].GetString().ShouldBe("正文");
        inlines[1].GetProperty("strong")[0].GetString().ShouldBe("加粗");
        inlines[2].GetProperty("break").GetBoolean().ShouldBeTrue();
        inlines[3].GetProperty("link").GetString().ShouldBe("https://example.org/x");
        body[2].GetProperty("credit").GetString().ShouldBe("AFP");
        body[3].GetProperty("start").GetInt32().ShouldBe(3);
        body[4].GetProperty("type").GetString().ShouldBe("rule");
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldContain("美国之音");
    }

    [Theory]
    [InlineData(0, "2021-01-04T08:17:25+08:00")]
    [InlineData(243, "2021-01-04T08:17:25.243+08:00")]
    public void Formats_times_as_rfc3339_with_offset(int milliseconds, string expected) =>
        ArticleJsonWriter.FormatTime(new DateTimeOffset(2021, 1, 4, 8, 17, 25, milliseconds, TimeSpan.FromHours(8))).ShouldBe(expected);
}
