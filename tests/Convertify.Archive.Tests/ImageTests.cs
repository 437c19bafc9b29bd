using Convertify.Archive.Html;
using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

public sealed class ImageTests
{
    [Theory]
    [InlineData("https://images.weserv.nl?url=gdb.voanews.com/a_r1_s_w900.jpg", "https://gdb.voanews.com/a_r1_s_w900.jpg")]
    [InlineData("https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg", "https://static.dw.com/image/1_303.jpg")]
    [InlineData("https://images.weserv.nl/?url=https%3A%2F%2Fgdb.voanews.com%2Fb.jpg&w=640", "https://gdb.voanews.com/b.jpg")]
    [InlineData("https://images.weserv.nl/?w=640&url=http://img.example.org/c.png", "http://img.example.org/c.png")]
    [InlineData("https://images.weserv.nl/?url=ssl:img.example.org/d.png", "https://img.example.org/d.png")]
    [InlineData("https://images.weserv.nl/?url=static01.nyt.com/images/m.png?quality=75&auto=webp&width=600", "https://static01.nyt.com/images/m.png?quality=75&auto=webp&width=600")]
    [InlineData("https://thumbor.example.net/unsafe/1340x754/https://img.example.org/e.jpg", "https://img.example.org/e.jpg")]
    [InlineData("https://thumbor.example.net/unsafe/fit-in/300x200/filters:quality(80)/https://thumbor.example.net/unsafe/600x0/https://img.example.org/f.jpg", "https://img.example.org/f.jpg")]
    [InlineData("https://thumbor.ftacademy.cn/unsafe/1340x754/https://thumbor.ftacademy.cn/unsafe/picture/6/000100001_piclink.jpg", "https://i.ftimg.net/picture/6/000100001_piclink.jpg")]
    [InlineData("https://img.example.org/plain.jpg", "https://img.example.org/plain.jpg")]
    public void Proxies_are_unwrapped(string proxied, string original) => ImageUrls.Unwrap(proxied).ShouldBe(original);

    [Theory]
    [InlineData("a.jpg 240w, b.jpg 800w, c.jpg 480w", "b.jpg")]
    [InlineData("a.jpg 1x, b.jpg 2x", "b.jpg")]
    [InlineData("https://x.example/a,b.jpg 100w, https://x.example/c.jpg 50w", "https://x.example/a,b.jpg")]
    [InlineData("only.jpg", "only.jpg")]
    [InlineData("", null)]
    public void Largest_srcset_candidate_wins(string srcset, string? expected) => ImageUrls.Largest(srcset).ShouldBe(expected);

    [Fact]
    public void Image_with_small_caption_after_it_is_one_figure()
    {
        var article = Read("<img src=\"https://images.weserv.nl?url=gdb.voanews.com/x.jpg\" width=\"100%\"><div><small style=\"color: #999;\">临登港码头。</small></div><p>正文。</p>");
        var figure = Single<FigureBlock>(article);
        figure.ImageUrl.ShouldBe("https://gdb.voanews.com/x.jpg");
        figure.Caption.ShouldBe("临登港码头。");
        Paragraphs(article).ShouldBe(["正文。"]);
        article.Metadata.LeadImage.ShouldBe("https://gdb.voanews.com/x.jpg");
    }

    [Fact]
    public void Figcaption_with_cite_gives_caption_and_credit()
    {
        var article = Read("<figure><img src=\"https://img.example.org/a.jpg\"><figcaption>潮汐电站。 <cite>Mira Holm for The Times</cite></figcaption></figure><p>正文。</p>");
        var figure = Single<FigureBlock>(article);
        figure.Caption.ShouldBe("潮汐电站。");
        figure.Credit.ShouldBe("Mira Holm for The Times");
    }

    [Fact]
    public void Nyt_credit_marker_splits_the_caption()
    {
        var article = Read("<figure aria-label=\"media\" role=\"group\">Image<picture><source srcSet=\"https://images.weserv.nl/?url=static01.nyt.com/m.png?width=600\"/><source srcSet=\"https://images.weserv.nl/?url=static01.nyt.com/m.png?width=1800\"/><img></picture><figcaption>临登港地图。Credit...The Times</figcaption></figure>");
        var figure = Single<FigureBlock>(article);
        figure.ImageUrl.ShouldBe("https://static01.nyt.com/m.png?width=1800");
        figure.Caption.ShouldBe("临登港地图。");
        figure.Credit.ShouldBe("The Times");
        BodyText(article).ShouldNotContain("Image");
    }

    [Fact]
    public void Figure_without_any_image_keeps_its_caption_as_text()
    {
        var article = Read("<figure aria-label=\"media\">Image<figcaption>临登港的夜景。Credit...Some Agency</figcaption></figure>");
        article.Body.OfType<FigureBlock>().ShouldBeEmpty();
        BodyText(article).ShouldContain("临登港的夜景。");
    }

    [Fact]
    public void Bbc_2020_off_screen_labels_and_copyright()
    {
        var article = Read("<div class=\"media-landscape has-caption full-width lead\"><span class=\"image-and-copyright-container\"><img alt=\"灯塔\" src=\"https://images.weserv.nl/?url=ichef.bbci.co.uk/news/640/a.jpg\"><span class=\"off-screen\">图片版权</span><span class=\"story-image-copyright\">Getty Images</span></span><figcaption class=\"media-caption\"><span class=\"off-screen\">Image caption</span><span class=\"media-caption__text\">修复后的灯塔</span></figcaption></div><p>正文。</p>");
        var figure = Single<FigureBlock>(article);
        figure.ImageUrl.ShouldBe("https://ichef.bbci.co.uk/news/640/a.jpg");
        figure.Alt.ShouldBe("灯塔");
        figure.Caption.ShouldBe("修复后的灯塔");
        figure.Credit.ShouldBe("Getty Images");
        BodyText(article).ShouldBe("修复后的灯塔\nGetty Images\n正文。\n");
    }

    [Fact]
    public void Bbc_2023_credit_label_and_caption_paragraph()
    {
        var article = Read("<div><div><img src=\"https://images.weserv.nl/?url=ichef.bbci.co.uk/ace/ws/640/a.jpg.webp\" srcSet=\"https://ichef.bbci.co.uk/ace/ws/240/a.jpg.webp 240w, https://ichef.bbci.co.uk/ace/ws/800/a.jpg.webp 800w\" alt=\"。\"/><p role=\"text\"><span>图像来源，</span><span>AFP</span></p></div><span data-testid=\"caption-paragraph\">新市长致意</span></div><div><p>正文。</p></div>");
        var figure = Single<FigureBlock>(article);
        figure.ImageUrl.ShouldBe("https://ichef.bbci.co.uk/ace/ws/800/a.jpg.webp");
        figure.Caption.ShouldBe("新市长致意");
        figure.Credit.ShouldBe("AFP");
    }

    [Fact]
    public void Bbc_2022_real_image_only_inside_noscript()
    {
        var article = Read("<div data-e2e=\"image-placeholder\"><div><div></div></div><noscript><picture><source srcSet=\"https://ichef.bbci.co.uk/news/800/b.jpg 800w\" type=\"image/jpeg\"/><img src=\"https://images.weserv.nl/?url=ichef.bbci.co.uk/news/640/b.jpg\" alt=\"吊车\"/></picture></noscript><p role=\"text\"><span>图像来源，</span><span>Reuters</span></p></div><p>正文。</p>");
        var figure = Single<FigureBlock>(article);
        figure.ImageUrl.ShouldBe("https://ichef.bbci.co.uk/news/640/b.jpg");
        figure.Alt.ShouldBe("吊车");
        figure.Credit.ShouldBe("Reuters");
    }

    [Fact]
    public void Lazy_image_with_noscript_duplicate_gives_one_figure()
    {
        var article = Read("<p>网民：站台上挤满了人<br><img src=\"data:image/svg+xml,%3Csvg%3E%3C/svg%3E\" data-lazy-src=\"https://cdt.example/crowd.jpg\"><noscript><img src=\"https://cdt.example/crowd.jpg\"></noscript></p>");
        Single<FigureBlock>(article).ImageUrl.ShouldBe("https://cdt.example/crowd.jpg");
        Paragraphs(article).ShouldBe(["网民：站台上挤满了人"]);
        HasWarning(article, "image.duplicate-dropped").ShouldBeTrue();
    }

    [Theory]
    [InlineData("<img data-src=\"https://img.example.org/a.jpg\" src=\"data:image/gif;base64,R0lGOD\">")]
    [InlineData("<img data-original=\"https://img.example.org/a.jpg\">")]
    [InlineData("<img data-srcset=\"https://img.example.org/small.jpg 100w, https://img.example.org/a.jpg 900w\">")]
    [InlineData("<img src=\"//img.example.org/a.jpg\">")]
    public void Lazy_loading_is_resolved(string html)
    {
        var article = Read(html + "<p>正文。</p>");
        Single<FigureBlock>(article).ImageUrl.ShouldBe("https://img.example.org/a.jpg");
    }

    [Fact]
    public void A_sites_generic_share_card_is_not_the_articles_image()
    {
        var article = Read("<div>26/02/2021 - 08:02</div><img src=\"https://static.example.fr/meta_og_twcards/SITE_FB.png\"><p>正文第一段的内容。</p>",
            path: "articles/rfi/1.md", url: "https://www.rfi.fr/cn/1");
        article.Body.OfType<FigureBlock>().ShouldBeEmpty();
        article.Metadata.LeadImage.ShouldBeNull();
        HasWarning(article, "image.share-card-dropped").ShouldBeTrue();
    }

    [Fact]
    public void Placeholders_pixels_and_icons_are_dropped_with_warnings()
    {
        var article = Read("<img src=\"data:image/svg+xml,%3Csvg%3E\"><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"><a href=\"https://x.example/big.jpg\"><img src=\"/++plone++rfa-resources/img/icon-zoom.png\"></a><p>正文。</p>");
        article.Body.OfType<FigureBlock>().ShouldBeEmpty();
        HasWarning(article, "image.placeholder-dropped").ShouldBeTrue();
        HasWarning(article, "image.tracking-pixel-dropped").ShouldBeTrue();
        HasWarning(article, "image.icon-dropped").ShouldBeTrue();
    }

    [Fact]
    public void A_thin_separator_strip_is_dropped_but_a_wide_picture_is_kept()
    {
        var article = Read("<p>第一节的内容。</p><img src=\"https://i.example/grey_line.png\" alt=\"分隔线\" width=\"624\" height=\"23\"><p>第二节的内容。</p>"
            + "<img src=\"https://i.example/panorama.jpg\" alt=\"海港全景\" width=\"976\" height=\"300\">");
        Single<FigureBlock>(article).ImageUrl.ShouldBe("https://i.example/panorama.jpg");
        HasWarning(article, "image.separator-dropped").ShouldBeTrue();
    }

    [Fact]
    public void Relative_image_resolves_against_the_article_url()
    {
        var article = Read("<p>图书馆。<strong><img src=\"library.jpg\" alt=\"阅览室\"/></strong>市民欢迎。</p>", url: "https://www.rfa.org/mandarin/a/lindenport.html");
        Single<FigureBlock>(article).ImageUrl.ShouldBe("https://www.rfa.org/mandarin/a/library.jpg");
        Paragraphs(article).ShouldBe(["图书馆。", "市民欢迎。"]);
        article.Body[1].ShouldBeOfType<FigureBlock>();
    }

    [Fact]
    public void Rfa_figure_inside_paragraph_with_zoom_link()
    {
        var article = Read("<p><figure class=\"image-richtext\"><img alt=\"居民合影\" src=\"https://www.rfa.org/a.html/ferry.jpg/@@images/1.jpeg\"/><figcaption class=\"image-caption\">居民与渡轮合影。（美联社）</figcaption><small></small><div id=\"zoomattribute\"><a data-fancybox=\"\" href=\"https://www.rfa.org/a.html/ferry.jpg\"><img src=\"/++plone++rfa-resources/img/icon-zoom.png\"/></a></div></figure></p><p>正文。</p>");
        var figure = Single<FigureBlock>(article);
        figure.Caption.ShouldBe("居民与渡轮合影。（美联社）");
        article.RelatedLinks.ShouldBeEmpty();
        Paragraphs(article).ShouldBe(["正文。"]);
    }

    [Fact]
    public void WordPress_caption_and_centred_span_caption()
    {
        var article = Read("<div class=\"wp-caption aligncenter\"><img src=\"https://cdt.example/a.jpg\"><p class=\"wp-caption-text\">Boats in the harbour.</p></div><p><img src=\"https://cdt.example/b.jpg\"></p><span style=\"font-size: 0.8em;color: #666;display: block;text-align: center;\">图源：网民</span><p>正文。</p>");
        var figures = article.Body.OfType<FigureBlock>().ToList();
        figures.Select(f => f.Caption).ShouldBe(["Boats in the harbour.", "图源：网民"]);
        Paragraphs(article).ShouldBe(["正文。"]);
    }

    [Fact]
    public void A_following_captioned_figure_is_not_taken_for_a_caption()
    {
        var article = Read("<img src=\"https://img.example.org/1.jpg\"><div class=\"wp-caption\"><img src=\"https://img.example.org/2.jpg\"><p class=\"wp-caption-text\">第二张。</p></div>");
        var figures = article.Body.OfType<FigureBlock>().ToList();
        figures.Select(f => f.ImageUrl).ShouldBe(["https://img.example.org/1.jpg", "https://img.example.org/2.jpg"]);
        figures.Select(f => f.Caption).ShouldBe(["", "第二张。"]);
    }

    [Fact]
    public void Gallery_item_text_is_the_caption()
    {
        var article = Read("<h3>相关图集：海藻</h3><div><img src=\"https://img.example.org/1.jpg\"><b>晾晒场</b>：清晨的晾晒场。</div><div><img src=\"https://img.example.org/2.jpg\"><b>车间</b>：工人分拣。</div>");
        article.Body.OfType<FigureBlock>().Select(f => f.Caption).ShouldBe(["晾晒场：清晨的晾晒场。", "车间：工人分拣。"]);
        article.Body[0].ShouldBeOfType<HeadingBlock>();
    }

    [Fact]
    public void Glued_image_attribute_is_repaired()
    {
        var article = Read("<imgsrc=\"https://s.example.fr/media/Lindenport-Harbour.JPG\"><p>正文。</p>");
        Single<FigureBlock>(article).ImageUrl.ShouldBe("https://s.example.fr/media/Lindenport-Harbour.JPG");
        HasWarning(article, "html.malformed").ShouldBeTrue();
    }

    [Fact]
    public void Same_image_twice_is_one_figure()
    {
        var article = Read("<img src=\"https://img.example.org/a.jpg\"><p>正文。</p><img src=\"https://images.weserv.nl/?url=img.example.org/a.jpg\">");
        article.Body.OfType<FigureBlock>().Count().ShouldBe(1);
    }
}
