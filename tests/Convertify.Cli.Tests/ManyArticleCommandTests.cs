using System.Text.Json;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Cli.Tests;

/// <summary>
/// Inputs that hold many articles (feeds) through convert, inspect and batch, with <see cref="LinesTestReader"/>
/// registered beside the tool's own formats (<see cref="InProcessCli"/>).
/// </summary>
public sealed class ManyArticleCommandTests
{
    private static string Feed(TemporaryFolder folder, string name, params string[] lines)
    {
        var path = folder.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, LinesTestReader.File(lines));
        return path;
    }

    private static string ThreeArticles(TemporaryFolder folder, string name = "news.lines") => Feed(folder, name,
        LinesTestReader.Line("a", "Item A", "Body A."),
        LinesTestReader.Line("b", "Item B", "Body B."),
        LinesTestReader.Line("a", "Item A again", "Body A2."));

    [Fact]
    public async Task Convert_writes_a_file_per_article_into_the_folder()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = ThreeArticles(folder);
        var output = folder.File("out") + "/";

        var result = await InProcessCli.RunAsync("convert", feed, "--to", "md", "-o", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["a-2.md", "a.md", "b.md"]);
        File.ReadAllText(Path.Combine(output, "a-2.md")).ShouldContain("title: \"Item A again\"");
        File.ReadAllText(Path.Combine(output, "b.md")).ShouldContain("Body B.");
    }

    [Theory]
    [InlineData("md", "out.md")]
    [InlineData("md", null)]
    [InlineData("docx", "out.docx")]
    public async Task Convert_of_many_articles_without_a_folder_is_a_usage_error_before_anything_is_written(string format, string? output)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = ThreeArticles(folder);
        string[] to = output is null ? [] : ["-o", folder.File(output)];

        var result = await InProcessCli.RunAsync(["convert", feed, "--to", format, .. to]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldBe($"convertify: {feed} holds 3 articles: give -o DIR/\n");
        result.StandardOutput.ShouldBeEmpty();
        Directory.GetFiles(folder.Path).ShouldBe([feed]);
    }

    [Fact]
    public async Task Convert_of_a_feed_of_one_article_may_write_one_file()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = Feed(folder, "one.lines", LinesTestReader.Line("x", "Only item", "Body X."));

        var toFile = await InProcessCli.RunAsync("convert", feed, "--to", "md", "-o", folder.File("only.md"));
        var toStandardOutput = await InProcessCli.RunAsync("convert", feed, "--to", "md");

        toFile.ExitCode.ShouldBe(0, toFile.ToString());
        File.ReadAllText(folder.File("only.md")).ShouldContain("Only item");
        toStandardOutput.StandardOutput.ShouldBe(File.ReadAllText(folder.File("only.md")));
    }

    [Fact]
    public async Task Convert_to_xlsx_makes_one_catalogue_of_every_article()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = ThreeArticles(folder);
        var article = CliRunner.FixtureArticles()[0];

        var result = await InProcessCli.RunAsync("convert", feed, article, "--to", "xlsx", "-o", folder.File("catalog.xlsx"));

        result.ExitCode.ShouldBe(0, result.ToString());
        var text = CatalogueText(folder.File("catalog.xlsx"));
        text.ShouldContain("Item A");
        text.ShouldContain("Item B");
        text.ShouldContain("Item A again");
        CatalogueArticleRows(folder.File("catalog.xlsx")).ShouldBe(4);
    }

    [Fact]
    public async Task Convert_of_a_feed_broken_half_way_writes_the_articles_before_and_fails_in_one_line()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = Feed(folder, "news.lines",
            LinesTestReader.Line("a", "Item A", "Body A."),
            LinesTestReader.Line("b", "Item B", "Body B."),
            "#broken",
            LinesTestReader.Line("c", "Item C", "Body C."));
        var output = folder.File("out") + "/";

        var result = await InProcessCli.RunAsync("convert", feed, "--to", "md", "-o", output);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldBe($"convertify: {feed}: malformed at line 4; 2 articles before it were written\n");
        Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["a.md", "b.md"]);
    }

    [Fact]
    public async Task Convert_of_feeds_and_articles_into_one_folder_renames_clashes_by_site()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var article = CliRunner.FixtureArticles()[0];
        var stem = Path.GetFileNameWithoutExtension(article);
        var site = Path.GetFileName(Path.GetDirectoryName(article))!;
        var feed = Feed(folder, "news.lines", LinesTestReader.Line(stem, "Same name", "Body."), LinesTestReader.Line("z", "Other", "Body Z."));
        var output = folder.File("out") + "/";

        var result = await InProcessCli.RunAsync("convert", article, feed, "--to", "md", "-o", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { $"{site}-{stem}.md", $"lines-{stem}.md", "z.md" }.Order(StringComparer.Ordinal));
        result.StandardError.ShouldContain($"convertify: note: {feed}#{stem} written as lines-{stem}.md");
    }

    [Fact]
    public async Task Inspect_prints_an_array_for_a_feed_and_an_object_for_an_article()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = ThreeArticles(folder);

        var many = await InProcessCli.RunAsync("inspect", feed);
        var one = await InProcessCli.RunAsync("inspect", CliRunner.FixtureArticles()[0]);

        many.ExitCode.ShouldBe(0, many.ToString());
        using var array = JsonDocument.Parse(many.StandardOutput);
        array.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        array.RootElement.EnumerateArray().Select(a => a.GetProperty("title").GetString()).ShouldBe(["Item A", "Item B", "Item A again"]);
        one.ExitCode.ShouldBe(0, one.ToString());
        using var single = JsonDocument.Parse(one.StandardOutput);
        single.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        one.StandardOutput.ShouldBe(CliRunner.Run("inspect", CliRunner.FixtureArticles()[0]).StandardOutput);
    }

    [Fact]
    public async Task Inspect_of_a_feed_broken_half_way_prints_the_articles_before_and_fails()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var feed = Feed(folder, "news.lines", LinesTestReader.Line("a", "Item A", "Body A."), "#broken");

        var result = await InProcessCli.RunAsync("inspect", feed);

        result.ExitCode.ShouldBe(1, result.ToString());
        using var array = JsonDocument.Parse(result.StandardOutput);
        array.RootElement.GetArrayLength().ShouldBe(1);
        result.StandardError.ShouldBe($"convertify: {feed}: malformed at line 3\n");
    }

    [Fact]
    public async Task The_content_says_which_reader_reads_an_input_not_its_name()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var article = folder.File("article.lines");
        File.Copy(CliRunner.FixtureArticles()[0], article);
        var feed = ThreeArticles(folder, "feed.md");

        var asArticle = await InProcessCli.RunAsync("convert", article, "--to", "md");
        var asFeed = await InProcessCli.RunAsync("convert", feed, "--to", "md", "-o", folder.File("out") + "/");

        asArticle.ExitCode.ShouldBe(0, asArticle.ToString());
        var title = CliRunner.Run("convert", CliRunner.FixtureArticles()[0], "--to", "md").StandardOutput.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal));
        asArticle.StandardOutput.ShouldStartWith("---\n");
        asArticle.StandardOutput.Split('\n').ShouldContain(title);
        asFeed.ExitCode.ShouldBe(0, asFeed.ToString());
        Directory.GetFiles(folder.File("out")).Length.ShouldBe(3);
    }

    [Theory]
    [InlineData("convert", "--to", "md")]
    [InlineData("inspect")]
    public async Task From_names_the_reader_whatever_the_content(params string[] arguments)
    {
        var article = CliRunner.FixtureArticles()[0];

        var result = await InProcessCli.RunAsync([arguments[0], article, .. arguments[1..], "--from", LinesTestReader.Name]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldBe($"convertify: {article}: malformed at line 1: not a lines-test file\n");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_reader_lists_the_registered_ones()
    {
        var result = await InProcessCli.RunAsync("inspect", CliRunner.FixtureArticles()[0], "--from", "rss");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldContain("--from 'rss': unknown reader; known: archive, lines-test");
    }

    [Fact]
    public async Task Completion_offers_the_registered_readers_after_from()
    {
        var line = "convert a.md --from ";

        var result = await InProcessCli.RunAsync($"[suggest:{line.Length}]", line);

        result.StandardOutput.Split('\n').ShouldContain("archive");
        result.StandardOutput.Split('\n').ShouldContain(LinesTestReader.Name);
    }

    [Fact]
    public async Task Batch_gives_a_row_and_files_per_article_and_fails_a_feed_broken_half_way()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        ThreeArticles(folder, "in/feeds/news.lines");
        Feed(folder, "in/feeds/broken.feed", LinesTestReader.Line("k", "Kept", "Body K."), "#broken");
        File.Copy(CliRunner.FixtureArticles()[0], folder.File("in/feeds/article.md"));
        var output = folder.File("out");

        var result = await InProcessCli.RunAsync("batch", folder.File("in"), "--to", "md,xlsx", "-o", output, "--quiet");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "convertify-report.json")));
        var rows = report.RootElement.GetProperty("inputs").EnumerateArray()
            .Select(i => (i.GetProperty("path").GetString(), i.GetProperty("status").GetString())).ToList();
        rows.ShouldBe(
        [
            ("feeds/article.md", "converted"),
            ("feeds/broken.feed#k", "converted"),
            ("feeds/broken.feed", "failed"),
            ("feeds/news.lines#a", "converted"),
            ("feeds/news.lines#b", "converted"),
            ("feeds/news.lines#a-2", "converted"),
        ]);
        File.Exists(Path.Combine(output, "feeds/news/a-2.md")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "feeds/broken/k.md")).ShouldBeTrue();
        CatalogueArticleRows(Path.Combine(output, "catalog.xlsx")).ShouldBe(5);
        CatalogueText(Path.Combine(output, "catalog.xlsx")).ShouldContain("malformed at line 3; 1 items before it were converted");

        var again = await InProcessCli.RunAsync("batch", folder.File("in"), "--to", "md,xlsx", "-o", output, "--quiet");
        using var second = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "convertify-report.json")));
        second.RootElement.GetProperty("inputs").EnumerateArray()
            .Where(i => i.GetProperty("path").GetString()!.StartsWith("feeds/news.lines#", StringComparison.Ordinal))
            .Select(i => i.GetProperty("status").GetString()).ShouldAllBe(s => s == "unchanged", again.ToString());
    }

    /// <summary>Every text of the workbook's cells, shared strings and inline strings alike.</summary>
    private static string CatalogueText(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable?.InnerText ?? "";
        return shared + string.Concat(document.WorkbookPart.WorksheetParts.Select(p => p.Worksheet!.InnerText));
    }

    /// <summary>The rows of the catalogue's first sheet (the articles) below its header.</summary>
    private static int CatalogueArticleRows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook!.Sheets!.Elements<Sheet>().First();
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
        return sheet.Worksheet!.Descendants<Row>().Count() - 1;
    }
}
