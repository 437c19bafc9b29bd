using System.Xml.Linq;
using Convertify.Model;
using Convertify.Word.Tests.Support;
using static Convertify.Word.Tests.Support.TestArticles;

namespace Convertify.Word.Tests;

public sealed class ImageFetchTests
{
    private static readonly XNamespace WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    private static (byte[] Docx, IReadOnlyList<ConversionWarning> Warnings) Write(string url, WordWriterOptions options)
    {
        using var writer = new WordArticleWriter(options with { FetchImages = true, AllowPrivateHosts = true });
        using var stream = new MemoryStream();
        var warnings = writer.WriteWithWarnings(Create([new FigureBlock(url, "", "说明", "")]), stream);
        return (stream.ToArray(), warnings);
    }

    private static int Pictures(byte[] docx) => Docx.Part(docx, "word/document.xml").Descendants(WP + "inline").Count();

    [Fact]
    public void Downloads_an_image_over_http_and_follows_http_redirects()
    {
        using var server = new LocalImageServer();
        server.Serve("/img/a.png", "image/png", TestImages.Png(40, 20));
        server.Redirect("/moved.png", server.BaseUrl + "img/a.png");
        var (docx, warnings) = Write(server.BaseUrl + "moved.png", new WordWriterOptions());
        warnings.ShouldBeEmpty();
        Pictures(docx).ShouldBe(1);
        Docx.EntryNames(docx).ShouldContain("word/media/image1.png");
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        server.Requests.ShouldBe(["/moved.png", "/img/a.png"]);
    }

    [Fact]
    public void Local_copy_wins_over_download()
    {
        using var server = new LocalImageServer();
        using var folder = new Convertify.Testing.TemporaryFolder();
        File.WriteAllBytes(folder.File("b.gif"), TestImages.Gif(5, 5));
        var (docx, warnings) = Write(server.BaseUrl + "b.gif", new WordWriterOptions { ImageDirectory = folder.Path });
        warnings.ShouldBeEmpty();
        Pictures(docx).ShouldBe(1);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Redirect_to_another_scheme_is_refused()
    {
        using var server = new LocalImageServer();
        server.Redirect("/evil.png", "file:///etc/passwd");
        var (docx, warnings) = Write(server.BaseUrl + "evil.png", new WordWriterOptions());
        warnings.Single().Code.ShouldBe("word.image_fetch_failed");
        warnings.Single().Message.ShouldContain("file");
        Pictures(docx).ShouldBe(0);
        Docx.Paragraphs(docx).ShouldContain(("Figure", "[图片]"));
    }

    [Fact]
    public void Non_http_urls_are_never_fetched()
    {
        var (docx, warnings) = Write("file:///etc/hostname", new WordWriterOptions());
        warnings.Single().Message.ShouldContain("only http and https");
        Pictures(docx).ShouldBe(0);
    }

    [Fact]
    public void Content_type_must_be_an_image()
    {
        using var server = new LocalImageServer();
        server.Serve("/page.png", "text/html", TestImages.Png(4, 4));
        var (_, warnings) = Write(server.BaseUrl + "page.png", new WordWriterOptions());
        warnings.Single().Message.ShouldContain("text/html");
    }

    [Fact]
    public void Images_over_the_size_cap_are_refused()
    {
        using var server = new LocalImageServer();
        server.Serve("/big.png", "image/png", TestImages.Png(64, 64));
        var (docx, warnings) = Write(server.BaseUrl + "big.png", new WordWriterOptions { MaxImageBytes = 100 });
        warnings.Single().Message.ShouldContain("100-byte limit");
        Pictures(docx).ShouldBe(0);
    }

    [Fact]
    public void Slow_servers_time_out()
    {
        using var server = new LocalImageServer();
        server.Serve("/slow.png", "image/png", TestImages.Png(4, 4), delay: TimeSpan.FromSeconds(5));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (docx, warnings) = Write(server.BaseUrl + "slow.png", new WordWriterOptions { FetchTimeout = TimeSpan.FromMilliseconds(300) });
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        warnings.Single().Message.ShouldContain("timed out");
        Pictures(docx).ShouldBe(0);
    }

    [Fact]
    public void Http_errors_and_webp_downloads_become_warnings()
    {
        using var server = new LocalImageServer();
        server.Serve("/p.webp", "image/webp", TestImages.WebP());
        var (_, missing) = Write(server.BaseUrl + "absent.png", new WordWriterOptions());
        missing.Single().Message.ShouldContain("HTTP 404");
        var (_, webp) = Write(server.BaseUrl + "p.webp", new WordWriterOptions());
        webp.Single().Code.ShouldBe("word.image_webp");
    }

    [Fact]
    public void An_injected_handler_is_used()
    {
        var handler = new CannedHandler(TestImages.Jpeg(10, 10));
        var (docx, warnings) = Write("https://images.example.org/x.jpg", new WordWriterOptions { HttpHandler = handler });
        warnings.ShouldBeEmpty();
        Pictures(docx).ShouldBe(1);
        handler.Requested.ShouldBe(["https://images.example.org/x.jpg"]);
    }

    private sealed class CannedHandler(byte[] body) : HttpMessageHandler
    {
        public List<string> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!.AbsoluteUri);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content });
        }
    }
}
