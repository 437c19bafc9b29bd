using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Word.Tests.Support;

/// <summary>Hand-made articles (invented text) for unit tests.</summary>
internal static class TestArticles
{
    public static readonly DateTimeOffset Published = new(2022, 12, 29, 15, 59, 0, TimeSpan.Zero);

    public static Article Create(ImmutableArray<Block> body, string language = "zh-Hans", string title = "测试标题：城市里的新图书馆",
        ImmutableArray<RelatedLink> related = default, ImmutableArray<string> authors = default, DatePrecision precision = DatePrecision.Minute,
        string url = "https://example.com/news/2022/12/29/library.html", DateTimeOffset? published = null)
    {
        var metadata = new ArticleMetadata(
            Id: "voa/1000001",
            SourcePath: null,
            Site: new SiteInfo("voa", language.StartsWith("zh", StringComparison.Ordinal) ? "美国之音" : "Example News"),
            Title: title,
            OriginalUrl: url,
            Published: new PublishedTime(published ?? Published, DateSource.BodyWithZone, precision, null),
            FeedTime: new DateTimeOffset(2022, 12, 29, 16, 5, 8, TimeSpan.Zero),
            Authors: authors.IsDefault ? ["李明"] : authors,
            Language: language,
            Description: "",
            LeadImage: null);
        return ArticleAssembler.Assemble(metadata, body, related, []);
    }

    /// <summary>The article without <see cref="ArticleAssembler"/> (whose content hash rejects lone surrogates), as a careless producer might build it.</summary>
    public static Article Unassembled(Article article, ImmutableArray<Block> body, string title) =>
        article with
        {
            Metadata = article.Metadata with { Title = title, Description = title },
            Body = body,
        };

    public static ParagraphBlock Paragraph(params Inline[] inlines) => new([.. inlines]);

    public static ParagraphBlock Paragraph(string text) => new([new TextInline(text)]);

    public static TextInline T(string text) => new(text);

    public static Article Rich(string language = "zh-Hans") => Create(
    [
        Paragraph(T("新馆周一开放，"), new StrongInline([T("市长")]), T("出席了仪式。"), new EmphasisInline([T("读者")]), T("排起长队。")),
        new HeadingBlock(2, [T("开放时间")]),
        Paragraph(T("详情见"), new LinkInline("https://example.com/library/hours", [T("官方网站")], "开放时间"), T("。")),
        new QuoteBlock([Paragraph("这是城市的客厅。")]),
        new ListBlock(false,
        [
            new ListItem([Paragraph("一楼：儿童阅览室"), new ListBlock(true, [new ListItem([Paragraph("周末开放")]), new ListItem([Paragraph("需要预约")])], 3)]),
            new ListItem([Paragraph("二楼：报刊区")]),
        ]),
        new HeadingBlock(3, [T("藏书")]),
        new TableBlock(
        [
            new TableRow([new TableCell([T("类别")]), new TableCell([T("数量")])], true),
            new TableRow([new TableCell([T("图书")]), new TableCell([T("120万")])], false),
        ], "馆藏统计"),
        new FigureBlock("https://img.example.com/photos/library-hall.jpg", "大厅", "新馆大厅。", "图片来源：示例社"),
        Paragraph(T("第一行"), LineBreakInline.Instance, T("第二行")),
        new EmbedBlock(EmbedKind.Video, "https://video.example.com/v/123", "开馆视频"),
        new RuleBlock(),
    ], language);
}
