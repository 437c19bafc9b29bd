using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Text;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

/// <summary>The synthetic articles under <c>fixtures/articles</c>: one or two per site and era, invented text.</summary>
public sealed class FixtureTests
{
    private static Article Fixture(string relative) =>
        Reader.Read(ArticleInput.FromFile(Path.Combine(TestPaths.Fixtures, "articles", relative)));

    private static string Bad(string name) => Path.Combine(TestPaths.Fixtures, "bad", name);

    [Fact]
    public void Every_fixture_is_clean()
    {
        var failures = new List<string>();
        var root = Path.Combine(TestPaths.Fixtures, "articles");
        var files = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var file in files)
        {
            var article = Reader.Read(ArticleInput.FromFile(file));
            var site = Path.GetFileName(Path.GetDirectoryName(file))!;
            var text = PlainText.Of(article.Body);
            if (article.Metadata.Site.Code != site) failures.Add($"{file}: site {article.Metadata.Site.Code}");
            foreach (var marker in new[] { "获取更多RSS", "feedx", "Image caption", "图片版权", "CDT 档案卡", "分享", "Array", "<" })
            {
                if (text.Contains(marker, StringComparison.Ordinal)) failures.Add($"{file}: '{marker}' in body");
            }
            foreach (var figure in BlockWalker.Figures(article.Body))
            {
                if (ImageUrls(figure.ImageUrl)) failures.Add($"{file}: proxy or relative figure {figure.ImageUrl}");
            }
        }
        failures.ShouldBeEmpty();

        static bool ImageUrls(string url) => !url.StartsWith("http", StringComparison.Ordinal) || url.Contains("weserv", StringComparison.Ordinal) || url.Contains("thumbor", StringComparison.Ordinal);
    }

    [Fact]
    public void Voa()
    {
        var a = Fixture("voa/1090001.md");
        a.Metadata.Id.ShouldBe("voa/1090001");
        a.Metadata.Site.DisplayName.ShouldBe("美国之音");
        a.Metadata.Published.Source.ShouldBe(DateSource.BodyWithZone);
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2022, 12, 29, 15, 59, 1, TimeSpan.Zero));
        var figures = a.Body.OfType<FigureBlock>().ToList();
        figures.Select(f => f.ImageUrl).ShouldBe(["https://gdb.voanews.com/0a1b2c3d-ferry_r1_s_w900.jpg", "https://gdb.voanews.com/0a1b2c3d-pier_r1_s_w900.jpg"]);
        figures[0].Caption.ShouldBe("资料照：临登港老码头上等候渡轮的乘客。");
        Paragraphs(a)[0].ShouldStartWith("临登港 — 临登港市议会星期四");
        Paragraphs(a).Count(p => p.StartsWith("议会发言人", StringComparison.Ordinal)).ShouldBe(1);
        a.RelatedLinks.ShouldBe([new RelatedLink("https://www.voachinese.com/a/lindenport-roads/6880001.html", null)]);
        HasWarning(a, "boilerplate.feed-footer").ShouldBeTrue();
        a.Body[^1].ShouldBeOfType<ParagraphBlock>();
    }

    [Fact]
    public void Dw_2025_author_artefacts_and_gallery()
    {
        var a = Fixture("dw/1090002.md");
        a.Metadata.Authors.ShouldBe(["米娅·霍夫曼"]);
        a.Metadata.Title.ShouldBe("临登港举办首届海藻博览会（综合报道）");
        a.Metadata.Published.Precision.ShouldBe(DatePrecision.Millisecond);
        a.Body.OfType<HeadingBlock>().Single().Level.ShouldBe(3);
        a.Body.OfType<FigureBlock>().Select(f => f.Caption).ShouldBe(["博览会开幕当天，展馆外排起长队", "晾晒场：清晨的晾晒场上铺满了刚收获的海藻。", "加工车间：工人在车间里分拣海藻。"]);
        Paragraphs(a)[0].ShouldContain("首届海藻博览会");
        Paragraphs(a)[0].ShouldContain("[海藻养殖](https://api.dw.com/api/detail/article/71000002)");
    }

    [Fact]
    public void Dw_2021_video_and_empty_author()
    {
        var a = Fixture("dw/1040010.md");
        a.Metadata.Authors.ShouldBeEmpty();
        a.Body[0].ShouldBe(new EmbedBlock(EmbedKind.Video, "https://tvdownloaddw-a.akamaihd.net/dwtv_video/flv/lindenport/tram.mp4", ""));
        Paragraphs(a).Count.ShouldBe(2);
    }

    [Fact]
    public void Bbc_2020_story_body()
    {
        var a = Fixture("bbc/1047650.md");
        a.Metadata.Published.Source.ShouldBe(DateSource.BodyDateOnly);
        a.Metadata.Published.RawText.ShouldBe("2020年 9月 9日");
        var figure = a.Body[0].ShouldBeOfType<FigureBlock>();
        figure.Caption.ShouldBe("修复后的灯塔在夜间重新亮灯");
        figure.Credit.ShouldBe("Getty Images");
        a.Body.OfType<HeadingBlock>().Single().Level.ShouldBe(2);
        BodyText(a).ShouldNotContain("2020年 9月 9日");
    }

    [Fact]
    public void Bbc_2022_picture_and_noscript()
    {
        var a = Fixture("bbc/1043710.md");
        a.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
        var figures = a.Body.OfType<FigureBlock>().ToList();
        figures.Count.ShouldBe(2);
        figures[0].Credit.ShouldBe("Getty Images");
        figures[0].Caption.ShouldBe("合龙仪式在清晨举行，数百名工人到场。");
        figures[1].ImageUrl.ShouldBe("https://ichef.bbci.co.uk/news/640/cpsprodpb/3333/production/_126290002_crane.jpg");
        figures[1].Credit.ShouldBe("AFP");
        var list = a.Body.OfType<ListBlock>().Single();
        list.Items.Length.ShouldBe(2);
        BodyText(a).ShouldNotContain("分钟前");
    }

    [Fact]
    public void Bbc_2024_srcset_caption_and_player()
    {
        var a = Fixture("bbc/1041700.md");
        a.Metadata.Authors.ShouldBe(["记者甲"]);
        a.Body.OfType<ListBlock>().ShouldBeEmpty();
        var figure = a.Body.OfType<FigureBlock>().Single();
        figure.ImageUrl.ShouldBe("https://ichef.bbci.co.uk/ace/ws/800/cpsprodpb/4444/production/_133520001_mayor.jpg.webp");
        figure.Caption.ShouldBe("新市长在计票结束后向支持者致意");
        figure.Credit.ShouldBe("Reuters");
        a.Body.OfType<EmbedBlock>().Single().Kind.ShouldBe(EmbedKind.Frame);
        Paragraphs(a).ShouldContain("**临登港周二举行市长选举，前港务局官员韦兰当选。**");
    }

    [Fact]
    public void Rfi_2021_array_and_title_suffix_kept()
    {
        var a = Fixture("rfi/1022010.md");
        a.Metadata.Title.ShouldBe("临登港市政府大楼启用太阳能屋顶 – 法国国际广播电台 - RFI");
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2021, 11, 12, 15, 42, 0, TimeSpan.FromHours(1)));
        Paragraphs(a).ShouldBe(["**临登港市政府大楼的太阳能屋顶今天正式启用，每年可发电一百万度。**", "据市政府介绍，屋顶共安装了三千块光伏板。", "市长说，这只是全市节能计划的第一步。"]);
    }

    [Fact]
    public void Rfi_2023_glued_image_nested_spans_share_block()
    {
        var a = Fixture("rfi/1000010.md");
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2023, 9, 26, 10, 44, 0, TimeSpan.FromHours(2)));
        a.Body[0].ShouldBeOfType<FigureBlock>().ImageUrl.ShouldBe("https://s.rfi.fr/media/display/aaaa-bbbb/w:1280/p:16x9/Lindenport-Harbour.jpg");
        Paragraphs(a).Count.ShouldBe(3);
        a.RelatedLinks.ShouldBeEmpty();
    }

    [Fact]
    public void Nyt_2021_date_line()
    {
        var a = Fixture("nyt/1047010.md");
        a.Metadata.Authors.ShouldBe(["艾琳·沃德"]);
        a.Metadata.Published.Source.ShouldBe(DateSource.BodyReconciled);
        a.Metadata.Published.Value.Offset.ShouldBe(TimeSpan.FromHours(8));
        Paragraphs(a)[0].ShouldContain("[此前报道](https://cn.nytimes.com/culture/20200101/other/?a=1&b=2)");
        a.Body.OfType<FigureBlock>().Single().Caption.ShouldBe("书店老板在柜台后整理旧书。");
    }

    [Fact]
    public void Nyt_2025_address_time_figure_footer()
    {
        var a = Fixture("nyt/1041950.md");
        a.Metadata.Authors.ShouldBe(["SAMUEL OKAFOR", "LENA BRANDT"]);
        a.Metadata.Published.RawText.ShouldBe("2025-02-14 05:24:00");
        var figure = a.Body[0].ShouldBeOfType<FigureBlock>();
        figure.Caption.ShouldBe("潮汐发电站的涡轮机正在安装。");
        figure.Credit.ShouldBe("Mira Holm for The New York Times");
        BodyText(a).ShouldNotContain("2025年2月14日");
        BodyText(a).ShouldContain("翻译：纽约时报中文网");
    }

    [Fact]
    public void Reuters()
    {
        var a = Fixture("reuters/1038010.md");
        a.Metadata.Published.Source.ShouldBe(DateSource.BodyWithZone);
        a.Metadata.Site.DisplayName.ShouldBe("路透");
        a.Body[1].ShouldBeOfType<FigureBlock>().ImageUrl.ShouldBe("https://static.reuters.com/resources/r/?m=02&d=20210518&t=2&i=1000000001&r=LYNXLINDEN001");
    }

    [Fact]
    public void Ft_standfirst_thumbor_and_ads()
    {
        var a = Fixture("ft/1044810.md");
        a.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
        Paragraphs(a)[0].ShouldBe("临登港：廉价的仓库和便利的航运让这座港城成了创业者的新宠。");
        a.Body[1].ShouldBeOfType<FigureBlock>().ImageUrl.ShouldBe("https://i.ftimg.net/picture/1/000100001_piclink.jpg");
        BodyText(a).ShouldNotContain("devices");
        Paragraphs(a)[^1].ShouldBe("_（注：作者是临登港大学的经济学者。）_");
    }

    [Fact]
    public void Rfa_2023_figure_in_paragraph_related_list_tweet()
    {
        var a = Fixture("rfa/1038510.md");
        a.Metadata.Title.ShouldBe("临登港居民悼念老渡轮　“它陪伴了三代人”");
        a.RelatedLinks.Select(r => r.Url).ShouldBe(["https://www.rfa.org/mandarin/yataibaodao/lindenport-10292023.html"]);
        a.Body.OfType<ListBlock>().Single().Items.Length.ShouldBe(2);
        var figure = a.Body.OfType<FigureBlock>().Single();
        figure.Caption.ShouldBe("2023年10月28日，临登港码头，居民与海鸥号合影。（美联社）");
        Paragraphs(a).ShouldContain("**网民：“再见了海鸥号”**");
        a.Body.OfType<QuoteBlock>().Single();
        Paragraphs(a)[^1].ShouldBe("记者：林海 责编：周文 网编：陈一");
    }

    [Fact]
    public void Rfa_2021_br_paragraphs_inline_image_and_player()
    {
        var a = Fixture("rfa/1046810.md");
        Paragraphs(a).ShouldBe(["临登港市立图书馆从本周起延长开放时间。", "馆长说，晚上的读者大多是学生。⏎周末也会延长一小时。", "市民普遍表示欢迎。", "自由亚洲电台记者林海 临登港报道"]);
        a.Body.OfType<FigureBlock>().Single().ImageUrl.ShouldBe("https://www.rfa.org/mandarin/yataibaodao/lindenport-library.jpg");
        a.Body.OfType<EmbedBlock>().Single().Url.ShouldStartWith("https://cdnapisec.kaltura.com/");
    }

    [Fact]
    public void Cdt_card_lazy_images_quote_share()
    {
        var a = Fixture("cdt/332950.md");
        a.Metadata.Authors.ShouldBe(["临登港观察"]);
        var figures = a.Body.OfType<FigureBlock>().ToList();
        figures.Select(f => f.ImageUrl).ShouldBe(["https://chinadigitaltimes.net/chinese/files/2025/02/lindenport-metro.jpg", "https://chinadigitaltimes.net/chinese/files/2025/02/lindenport-crowd.jpg"]);
        figures[0].Caption.ShouldBe("图源：网民拍摄的站台");
        Paragraphs(a)[0].ShouldBe("**CDT编辑注：**2月4日晚高峰，临登港地铁一号线因信号故障停运三小时。");
        BodyText(a).ShouldContain("😡");
        a.Body.OfType<QuoteBlock>().Single();
        a.RelatedLinks.ShouldBeEmpty();
    }

    [Fact]
    public void Cdt_english_wp_caption_pixel_youtube()
    {
        var a = Fixture("cdt/367090.md");
        a.Metadata.Language.ShouldBe("en");
        a.Body.OfType<FigureBlock>().Single().Caption.ShouldBe("Boats returning to the harbour.");
        Paragraphs(a).ShouldContain("Officials said the damage was _smaller than feared_.");
        a.Body.OfType<EmbedBlock>().Single().Url.ShouldBe("https://www.youtube.com/embed/abc123");
        HasWarning(a, "image.tracking-pixel-dropped").ShouldBeTrue();
    }

    [Fact]
    public void Index_page_fixture_is_refused()
    {
        var e = Should.Throw<ArticleFormatException>(() => Reader.Read(ArticleInput.FromFile(Path.Combine(TestPaths.Fixtures, "lists", "临登港.md"))));
        e.Problem.ShouldBe(FormatProblem.ArchiveIndex);
    }

    [Theory]
    [InlineData("empty.md", FormatProblem.Empty)]
    [InlineData("binary.md", FormatProblem.Binary)]
    [InlineData("truncated-header.md", FormatProblem.InvalidHeader)]
    [InlineData("bad-timestamp.md", FormatProblem.InvalidHeader)]
    [InlineData("missing-title.md", FormatProblem.InvalidHeader)]
    [InlineData("invalid-utf8.md", FormatProblem.InvalidEncoding)]
    public void Bad_fixtures_are_refused(string name, FormatProblem problem)
    {
        var e = Should.Throw<ArticleFormatException>(() => Reader.Read(ArticleInput.FromFile(Bad(name))));
        e.Problem.ShouldBe(problem);
        e.SourcePath.ShouldBe(Bad(name));
    }

    [Fact]
    public void Crlf_bom_fixture_is_read()
    {
        var a = Reader.Read(ArticleInput.FromFile(Bad("crlf-bom-good.md")));
        a.Metadata.Title.ShouldBe("临登港的早晨");
        a.Metadata.Published.Source.ShouldBe(DateSource.BodyWithZone);
        Paragraphs(a).ShouldBe(["临登港的早晨很安静。"]);
    }
}
