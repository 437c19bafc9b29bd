using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Convertify.Testing;
using Convertify.Word.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Cli.Tests;

/// <summary>
/// <c>batch</c> and <c>convert</c> with <c>--fetch-images</c> against a local HTTP server on 127.0.0.1: pictures
/// embedded, every failure a warning (report and catalogue) and never a failed article, each URL requested once,
/// the cache reused, and loopback refused unless <c>--allow-private-hosts</c>.
/// </summary>
public sealed class ImageFetchCommandTests
{
    private static string Article(string folder, string id, params string[] imageUrls)
    {
        var path = Path.Combine(folder, "articles", "voa", id + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var figures = string.Concat(imageUrls.Select(u => $"<figure><img src=\"{u}\" alt=\"示意图\"><figcaption>图片说明</figcaption></figure>"));
        File.WriteAllText(path, "<!--1700000000000-->\n[测试文章 " + id + "](https://www.voachinese.com/a/" + id + ".html)\n------\n\n" +
                                "<p>这是一段用来测试图片下载的正文。</p>" + figures + "<p>结尾。</p>\n");
        return path;
    }

    private static Dictionary<string, JsonElement> ReportInputs(string output)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "convertify-report.json")));
        return report.RootElement.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("path").GetString()!, i => i.Clone());
    }

    private static List<string> Warnings(JsonElement input) =>
        input.TryGetProperty("warnings", out var w) ? [.. w.EnumerateArray().Select(e => e.GetString()!)] : [];

    private static List<string> Media(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        return [.. zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("word/media/", StringComparison.Ordinal))];
    }

    /// <summary>The Problems sheet's rows, as the texts of their cells.</summary>
    private static List<string[]> ProblemRows(string catalog)
    {
        using var workbook = SpreadsheetDocument.Open(catalog, false);
        var part = workbook.WorkbookPart!;
        var sheet = part.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == "Problems");
        var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!);
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        return [.. worksheet.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToArray())];
    }

    [Fact]
    public void Batch_embeds_pictures_once_per_url_and_every_failure_is_a_warning_not_a_failed_article()
    {
        using var server = new LocalImageServer();
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = folder.File("archive");
        var output = folder.File("out");
        var url = server.BaseUrl;
        server.Serve("/good.png", "image/png", TestImages.Png(40, 30));
        // Slow beyond the timeout; the timeout leaves time for the 10 MiB flood on a loaded machine.
        server.Serve("/slow.png", "image/png", TestImages.Png(4, 4), delay: TimeSpan.FromSeconds(30));
        server.Serve("/page.png", "text/html", "<html><body>a web page</body></html>"u8.ToArray());
        server.ServeEndless("/flood.png", 256L * 1024 * 1024);
        server.Redirect("/loop.png", url + "loop.png");
        Article(archive, "2000001", url + "good.png");
        Article(archive, "2000002", url + "slow.png");
        Article(archive, "2000003", url + "page.png");
        Article(archive, "2000004", url + "flood.png");
        Article(archive, "2000005", url + "loop.png");
        for (var i = 6; i <= 12; i++)
        {
            Article(archive, "20000" + i.ToString("00", CultureInfo.InvariantCulture), url + "good.png");
        }

        var result = CliRunner.Run("batch", archive, "--to", "docx,xlsx", "--out", output, "--jobs", "6",
            "--fetch-images", "--allow-private-hosts", "--fetch-timeout", "4", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        var inputs = ReportInputs(output);
        inputs.Count.ShouldBe(12);
        inputs.Values.ShouldAllBe(i => i.GetProperty("status").GetString() == "converted");
        server.RequestsFor("/good.png").ShouldBe(1);
        foreach (var id in new[] { "2000001", "2000006", "2000012" })
        {
            Media(Path.Combine(output, "articles", "voa", id + ".docx")).ShouldBe(["word/media/image1.png"]);
            Warnings(inputs[$"articles/voa/{id}.md"]).ShouldBeEmpty();
        }
        string Warning(string id)
        {
            Media(Path.Combine(output, "articles", "voa", id + ".docx")).ShouldBeEmpty();
            return Warnings(inputs[$"articles/voa/{id}.md"]).ShouldHaveSingleItem();
        }
        Warning("2000002").ShouldContain("timed out after 4 s");
        Warning("2000003").ShouldContain("content type is text/html, not image/*");
        Warning("2000004").ShouldContain("more than the 10485760-byte limit");
        Warning("2000005").ShouldContain("more than 5 redirects");
        server.RequestsFor("/loop.png").ShouldBe(6);
        // Dropped at the cap: the server wrote 10 MiB plus what the sockets buffer, not the 256 MiB it offered.
        server.StreamedBytes.ShouldBeLessThan(64L * 1024 * 1024);

        var problems = ProblemRows(Path.Combine(output, "catalog.xlsx"));
        var fetchProblems = problems.Where(r => r.Contains("word.image_fetch_failed")).ToList();
        fetchProblems.Count.ShouldBe(4);
        fetchProblems.ShouldContain(r => r.Any(c => c.Contains("2000004", StringComparison.Ordinal)) && r.Any(c => c.Contains("byte limit", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_second_run_reuses_the_cache_downloads_nothing_and_writes_the_same_bytes()
    {
        using var server = new LocalImageServer();
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = folder.File("archive");
        server.Serve("/a.png", "image/png", TestImages.Png(20, 10));
        server.Serve("/b.gif", "image/gif", TestImages.Gif(6, 6));
        server.Serve("/c.jpg", "image/jpeg", TestImages.Jpeg(8, 8));
        Article(archive, "3000001", server.BaseUrl + "a.png", server.BaseUrl + "b.gif");
        Article(archive, "3000002", server.BaseUrl + "c.jpg", server.BaseUrl + "a.png");
        string[] Fetch(string output, params string[] more) =>
            ["batch", archive, "--to", "docx", "--out", output, "--fetch-images", "--allow-private-hosts", "--quiet", .. more];
        var first = folder.File("first");
        var docx = Path.Combine(first, "articles", "voa", "3000002.docx");

        // Without the flags nothing is requested, and the pictures stay links.
        CliRunner.Run("batch", archive, "--to", "docx", "--out", first, "--quiet").ExitCode.ShouldBe(0);
        Media(docx).ShouldBeEmpty();
        server.Requests.ShouldBeEmpty();

        // The same output folder with --fetch-images, no --force: the changed writer settings rewrite the files.
        CliRunner.Run(Fetch(first)).ExitCode.ShouldBe(0);
        Media(docx).ShouldBe(["word/media/image1.jpeg", "word/media/image2.png"]);
        server.Requests.Count.ShouldBe(3);
        var bytes = File.ReadAllBytes(docx);
        Directory.GetFiles(Path.Combine(first, ".convertify", "images", "sha256")).Length.ShouldBe(3);

        CliRunner.Run(Fetch(first, "--force")).ExitCode.ShouldBe(0);
        server.Requests.Count.ShouldBe(3);
        File.ReadAllBytes(docx).ShouldBe(bytes);

        var second = folder.File("second");
        CliRunner.Run(Fetch(second, "--image-cache", Path.Combine(first, ".convertify", "images"))).ExitCode.ShouldBe(0);
        server.Requests.Count.ShouldBe(3);
        File.ReadAllBytes(Path.Combine(second, "articles", "voa", "3000002.docx")).ShouldBe(bytes);
    }

    [Fact]
    public void Without_allow_private_hosts_a_loopback_picture_is_refused_with_a_clear_warning_and_never_requested()
    {
        using var server = new LocalImageServer();
        using var folder = TestPaths.NewTemporaryFolder();
        server.Serve("/a.png", "image/png", TestImages.Png(4, 4));
        var article = Article(folder.File("archive"), "4000001", server.BaseUrl + "a.png");

        var batch = CliRunner.Run("batch", folder.File("archive"), "--to", "docx", "--out", folder.File("out"), "--fetch-images", "--quiet");
        var converted = CliRunner.Run("convert", article, "--to", "docx", "-o", folder.File("one.docx"), "--fetch-images");

        batch.ExitCode.ShouldBe(0, batch.ToString());
        var input = ReportInputs(folder.File("out"))["articles/voa/4000001.md"];
        input.GetProperty("status").GetString().ShouldBe("converted");
        Warnings(input).ShouldHaveSingleItem().ShouldContain("refused: 127.0.0.1 is a loopback address (--allow-private-hosts allows it)");
        converted.ExitCode.ShouldBe(0, converted.ToString());
        converted.StandardError.ShouldContain("refused: 127.0.0.1 is a loopback address");
        Media(folder.File("one.docx")).ShouldBeEmpty();
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Convert_keeps_downloads_in_an_image_cache_when_named_one()
    {
        using var server = new LocalImageServer();
        using var folder = TestPaths.NewTemporaryFolder();
        server.Serve("/a.png", "image/png", TestImages.Png(12, 12));
        var article = Article(folder.File("archive"), "5000001", server.BaseUrl + "a.png");
        string[] Convert(string name) =>
            ["convert", article, "--to", "docx", "-o", folder.File(name), "--fetch-images", "--allow-private-hosts", "--image-cache", folder.File("cache")];

        CliRunner.Run(Convert("a.docx")).ExitCode.ShouldBe(0);
        CliRunner.Run(Convert("b.docx")).ExitCode.ShouldBe(0);

        server.Requests.Count.ShouldBe(1);
        Media(folder.File("a.docx")).ShouldBe(["word/media/image1.png"]);
        File.ReadAllBytes(folder.File("b.docx")).ShouldBe(File.ReadAllBytes(folder.File("a.docx")));
    }

    [Theory]
    [InlineData("--image-cache", "x")]
    [InlineData("--allow-private-hosts")]
    public void Fetch_options_without_fetch_images_are_usage_errors(params string[] option)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var article = Article(folder.File("archive"), "6000001");

        var convert = CliRunner.Run(["convert", article, "--to", "docx", "-o", folder.File("a.docx"), .. option]);
        var batch = CliRunner.Run(["batch", folder.File("archive"), "--to", "docx", "--out", folder.File("out"), .. option]);

        convert.ExitCode.ShouldBe(2, convert.ToString());
        convert.StandardError.ShouldContain("only applies with --fetch-images");
        batch.ExitCode.ShouldBe(2, batch.ToString());
        batch.StandardError.ShouldContain("only applies with --fetch-images");
    }
}
