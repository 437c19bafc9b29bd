using System.Diagnostics;
using System.Xml.Linq;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;
using static Convertify.Word.Tests.Support.TestArticles;

namespace Convertify.Word.Tests;

/// <summary>Downloads an untrusted archive may ask for: refused addresses, loops, floods, disguised bodies, and the shared cache.</summary>
public sealed class ImageSafetyTests
{
    private static readonly XNamespace WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    private static Article WithFigures(params string[] urls) => Create([.. urls.Select(u => (Block)new FigureBlock(u, "", "说明", ""))]);

    private static (byte[] Docx, IReadOnlyList<ConversionWarning> Warnings) Write(WordArticleWriter writer, Article article)
    {
        using var stream = new MemoryStream();
        var warnings = writer.WriteWithWarnings(article, stream);
        return (stream.ToArray(), warnings);
    }

    private static int Pictures(byte[] docx) => Docx.Part(docx, "word/document.xml").Descendants(WP + "inline").Count();

    [Theory]
    [InlineData("http://127.0.0.1:{port}/a.png", "127.0.0.1 is a loopback address")]
    [InlineData("http://localhost:{port}/a.png", "localhost resolves only to non-public addresses")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/a.png", "IPv4-mapped loopback")]
    public void Loopback_is_refused_without_allow_private_hosts_and_the_server_sees_nothing(string pattern, string reason)
    {
        using var server = new LocalImageServer();
        server.Serve("/a.png", "image/png", TestImages.Png(4, 4));
        var url = pattern.Replace("{port}", new Uri(server.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var writer = new WordArticleWriter(new WordWriterOptions { FetchImages = true });

        var (docx, warnings) = Write(writer, WithFigures(url));

        warnings.Single().Code.ShouldBe("word.image_fetch_failed");
        warnings.Single().Message.ShouldContain(reason);
        warnings.Single().Message.ShouldContain("--allow-private-hosts");
        Pictures(docx).ShouldBe(0);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void A_redirect_loop_stops_at_the_limit()
    {
        using var server = new LocalImageServer();
        server.Redirect("/loop.png", server.BaseUrl + "loop.png");
        using var writer = new WordArticleWriter(new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true });

        var (docx, warnings) = Write(writer, WithFigures(server.BaseUrl + "loop.png"));

        warnings.Single().Message.ShouldContain($"more than {ImageFetcher.MaxRedirects} redirects");
        server.RequestsFor("/loop.png").ShouldBe(ImageFetcher.MaxRedirects + 1);
        Pictures(docx).ShouldBe(0);
    }

    [Fact]
    public void A_body_larger_than_the_cap_without_content_length_is_dropped_at_the_cap()
    {
        using var server = new LocalImageServer();
        const long offered = 256L * 1024 * 1024;
        server.ServeEndless("/flood.png", offered);
        using var writer = new WordArticleWriter(new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true, MaxImageBytes = 1024 * 1024 });

        var (docx, warnings) = Write(writer, WithFigures(server.BaseUrl + "flood.png"));

        warnings.Single().Message.ShouldContain("more than the 1048576-byte limit");
        Pictures(docx).ShouldBe(0);
        // The server got to write the cap plus what the sockets' buffers hold, far from all it offered.
        server.StreamedBytes.ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public void An_image_content_type_with_a_body_that_is_no_image_is_refused()
    {
        using var server = new LocalImageServer();
        server.Serve("/fake.png", "image/png", "<html><body>not a picture</body></html>"u8.ToArray());
        using var writer = new WordArticleWriter(new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true });

        var (_, warnings) = Write(writer, WithFigures(server.BaseUrl + "fake.png"));

        warnings.Single().Message.ShouldContain("not a PNG, JPEG, GIF or WebP");
    }

    [Fact]
    public void A_url_named_by_many_articles_written_at_once_is_downloaded_once_and_failures_are_remembered()
    {
        using var server = new LocalImageServer();
        server.Serve("/shared.png", "image/png", TestImages.Png(8, 8), delay: TimeSpan.FromMilliseconds(200));
        using var writer = new WordArticleWriter(new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true });
        var article = WithFigures(server.BaseUrl + "shared.png", server.BaseUrl + "missing.png");

        var results = Enumerable.Range(0, 12).AsParallel().WithDegreeOfParallelism(6).Select(_ => Write(writer, article)).ToList();

        results.ShouldAllBe(r => Pictures(r.Docx) == 1 && r.Warnings.Count == 1);
        server.RequestsFor("/shared.png").ShouldBe(1);
        server.RequestsFor("/missing.png").ShouldBe(1);
        results.Select(r => r.Docx).Distinct(new BytesComparer()).Count().ShouldBe(1);
    }

    [Fact]
    public void Downloads_run_side_by_side_up_to_the_cap()
    {
        using var server = new LocalImageServer();
        var urls = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            server.Serve($"/p{i}.png", "image/png", TestImages.Png(4 + i, 4), delay: TimeSpan.FromMilliseconds(300));
            urls.Add($"{server.BaseUrl}p{i}.png");
        }
        using var writer = new WordArticleWriter(new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true });

        var clock = Stopwatch.StartNew();
        var (docx, warnings) = Write(writer, WithFigures([.. urls]));
        clock.Stop();

        warnings.ShouldBeEmpty();
        Pictures(docx).ShouldBe(12);
        server.MaxConcurrent.ShouldBeLessThanOrEqualTo(WordWriterOptions.DefaultMaxParallelFetches);
        server.MaxConcurrent.ShouldBeGreaterThan(1);
        // 12 downloads of 300 ms, 4 at a time: three rounds, not twelve.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(12 * 300 - 600));
    }

    [Fact]
    public void The_cache_folder_is_content_addressed_and_a_second_writer_downloads_nothing()
    {
        using var server = new LocalImageServer();
        var png = TestImages.Png(16, 9);
        server.Serve("/a.png", "image/png", png);
        server.Serve("/same-bytes.png", "image/png", png);
        using var cache = new TemporaryFolder();
        var options = new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true, ImageCacheDirectory = cache.Path };
        var article = WithFigures(server.BaseUrl + "a.png", server.BaseUrl + "same-bytes.png");

        byte[] first;
        using (var writer = new WordArticleWriter(options))
        {
            first = Write(writer, article).Docx;
        }
        server.Requests.Count.ShouldBe(2);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        Directory.GetFiles(Path.Combine(cache.Path, "sha256")).Select(Path.GetFileName).ShouldBe([hash + ".png"]);
        Directory.GetFiles(Path.Combine(cache.Path, "urls")).Length.ShouldBe(2);

        using (var writer = new WordArticleWriter(options))
        {
            var (second, warnings) = Write(writer, article);
            warnings.ShouldBeEmpty();
            second.ShouldBe(first);
        }
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public void A_damaged_cache_entry_is_downloaded_again()
    {
        using var server = new LocalImageServer();
        server.Serve("/a.png", "image/png", TestImages.Png(5, 5));
        using var cache = new TemporaryFolder();
        var options = new WordWriterOptions { FetchImages = true, AllowPrivateHosts = true, ImageCacheDirectory = cache.Path };
        using (var writer = new WordArticleWriter(options))
        {
            Write(writer, WithFigures(server.BaseUrl + "a.png"));
        }
        var blob = Directory.GetFiles(Path.Combine(cache.Path, "sha256")).Single();
        File.WriteAllBytes(blob, TestImages.Gif(1, 1));

        using (var writer = new WordArticleWriter(options))
        {
            var (docx, warnings) = Write(writer, WithFigures(server.BaseUrl + "a.png"));
            warnings.ShouldBeEmpty();
            Docx.EntryNames(docx).ShouldContain("word/media/image1.png");
        }
        server.RequestsFor("/a.png").ShouldBe(2);
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
