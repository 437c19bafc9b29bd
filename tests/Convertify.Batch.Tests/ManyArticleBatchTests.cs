using System.Text.Json;
using Convertify.Batch.Sources;
using Convertify.Batch.Tests.Fakes;
using Convertify.Conversion;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>Inputs that hold many articles (feeds), through a batch: a row, outputs and a catalogue row per article.</summary>
public sealed class ManyArticleBatchTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Converter Converter()
    {
        var builder = new ConverterBuilder().AddReader(new FakeReader()).AddReader(new LinesTestReader()).AddCatalogWriter(new FakeCatalogWriter());
        builder.AddWriter(new FakeWriter("md", ".md")).AddWriter(new FakeWriter("docx", ".docx"));
        return builder.Build();
    }

    /// <summary>A folder with one ordinary article (<c>one.md</c>) and a feed of three articles, two with the same id.</summary>
    private static string WriteInputs(TemporaryFolder temp, string? feed = null)
    {
        var folder = temp.File("in");
        TestArchive.Write(folder, "one.md", TestArchive.Article("One", "https://voa.example/a/1", "Body one."));
        TestArchive.Write(folder, "feeds/news.lines", feed ?? LinesTestReader.File(
            LinesTestReader.Line("a", "Item A", "Body A."),
            LinesTestReader.Line("b", "Item B", "Body B."),
            LinesTestReader.Line("a", "Item A again", "Body A2.")));
        return folder;
    }

    private static async Task<BatchReport> Run(string input, string output, bool force = false) =>
        await new BatchRunner(Converter()).RunAsync(input, TestArchive.Options(output) with { Force = force }, null, None);

    [Fact]
    public async Task Each_article_of_a_feed_is_a_row_with_its_own_outputs_and_catalogue_row()
    {
        using var temp = new TemporaryFolder();
        var output = temp.File("out");

        var report = await Run(WriteInputs(temp), output);

        report.ExitCode.ShouldBe(0, report.Summary());
        report.Inputs.Select(i => (i.Path, i.Status)).ShouldBe(
        [
            ("feeds/news.lines#a", BatchStatus.Converted),
            ("feeds/news.lines#b", BatchStatus.Converted),
            ("feeds/news.lines#a-2", BatchStatus.Converted),
            ("one.md", BatchStatus.Converted),
        ]);
        report.Totals.Found.ShouldBe(4);
        report.Totals.Converted.ShouldBe(4);
        report.Inputs[2].Id.ShouldBe("lines/a");
        report.Inputs[2].Outputs.ShouldBe(["feeds/news/a-2.docx", "feeds/news/a-2.md"]);
        File.ReadAllText(Path.Combine(output, "feeds/news/a-2.md")).ShouldContain("Item A again");
        File.ReadAllText(Path.Combine(output, "feeds/news/b.docx")).ShouldContain("Item B");
        File.Exists(Path.Combine(output, "one.md")).ShouldBeTrue();

        var catalogue = File.ReadAllLines(Path.Combine(output, "catalog.xlsx"));
        catalogue.ShouldBe(
        [
            "article\tlines/a\tItem A\tdocx=feeds/news/a.docx,md=feeds/news/a.md",
            "article\tlines/b\tItem B\tdocx=feeds/news/b.docx,md=feeds/news/b.md",
            "article\tlines/a\tItem A again\tdocx=feeds/news/a-2.docx,md=feeds/news/a-2.md",
            "article\tunknown/one\tOne\tdocx=one.docx,md=one.md",
        ]);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchReport.FileName)));
        var inputs = json.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        inputs.Count.ShouldBe(4);
        inputs[1].GetProperty("path").GetString().ShouldBe("feeds/news.lines#b");
        inputs[1].GetProperty("status").GetString().ShouldBe("converted");
        inputs[1].GetProperty("outputs").EnumerateArray().Select(o => o.GetString()).ShouldBe(["feeds/news/b.docx", "feeds/news/b.md"]);
        json.RootElement.GetProperty("totals").GetProperty("converted").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task A_tar_gz_of_the_same_inputs_gives_the_same_outputs_catalogue_and_rows()
    {
        using var temp = new TemporaryFolder();
        var folder = WriteInputs(temp);

        var fromFolder = await Run(folder, temp.File("out1"));
        var fromTar = await Run(TestArchive.TarGz(folder, temp.File("in.tar.gz")), temp.File("out2"));

        fromTar.ExitCode.ShouldBe(0, fromTar.Summary());
        fromTar.Inputs.Select(i => i.Path.Replace("in/", "", StringComparison.Ordinal)).ShouldBe(fromFolder.Inputs.Select(i => i.Path));
        File.ReadAllText(Path.Combine(temp.File("out2"), "catalog.xlsx")).Replace("in/", "", StringComparison.Ordinal)
            .ShouldBe(File.ReadAllText(Path.Combine(temp.File("out1"), "catalog.xlsx")));
    }

    [Fact]
    public async Task An_unchanged_feed_is_not_written_again_and_a_changed_one_is_converted_again_whole()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp);
        var output = temp.File("out");
        (await Run(input, output)).ExitCode.ShouldBe(0);
        var itemB = Path.Combine(output, "feeds/news/b.md");
        File.WriteAllText(itemB, "marker: not rewritten");

        var again = await Run(input, output);

        again.Inputs.Select(i => i.Status).ShouldAllBe(s => s == BatchStatus.Unchanged, again.Summary());
        File.ReadAllText(itemB).ShouldBe("marker: not rewritten");
        File.ReadAllLines(Path.Combine(output, "catalog.xlsx")).Length.ShouldBe(4);

        TestArchive.Write(input, "feeds/news.lines", LinesTestReader.File(
            LinesTestReader.Line("a", "Item A", "Body A."),
            LinesTestReader.Line("b", "Item B changed", "Body B.")));
        var changed = await Run(input, output);

        changed.Inputs.Select(i => (i.Path, i.Status)).ShouldBe(
        [
            ("feeds/news.lines#a", BatchStatus.Converted),
            ("feeds/news.lines#b", BatchStatus.Converted),
            ("one.md", BatchStatus.Unchanged),
        ]);
        File.ReadAllText(itemB).ShouldContain("Item B changed");
        // As for a deleted input: the article no longer in the feed has no row, and its files stay.
        File.Exists(Path.Combine(output, "feeds/news/a-2.md")).ShouldBeTrue();

        var third = await Run(input, output);
        third.Inputs.Select(i => i.Status).ShouldAllBe(s => s == BatchStatus.Unchanged, third.Summary());
    }

    [Fact]
    public async Task A_missing_output_of_an_unchanged_feed_is_written_again()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp);
        var output = temp.File("out");
        await Run(input, output);
        File.Delete(Path.Combine(output, "feeds/news/b.docx"));

        var again = await Run(input, output);

        again.Inputs.Single(i => i.Path == "feeds/news.lines#b").Status.ShouldBe(BatchStatus.Converted);
        again.Inputs.Single(i => i.Path == "feeds/news.lines#a").Status.ShouldBe(BatchStatus.Unchanged);
        File.Exists(Path.Combine(output, "feeds/news/b.docx")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_fault_half_way_keeps_the_articles_before_it_and_fails_the_input_once()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp, LinesTestReader.File(
            LinesTestReader.Line("a", "Item A", "Body A."),
            LinesTestReader.Line("b", "Item B", "Body B."),
            "#broken",
            LinesTestReader.Line("c", "Item C", "Body C.")));
        var output = temp.File("out");

        var report = await Run(input, output);

        report.ExitCode.ShouldBe(1);
        report.Inputs.Select(i => (i.Path, i.Status, i.Reason)).ShouldBe(
        [
            ("feeds/news.lines#a", BatchStatus.Converted, null),
            ("feeds/news.lines#b", BatchStatus.Converted, null),
            ("feeds/news.lines", BatchStatus.Failed, "malformed at line 4; 2 items before it were converted"),
            ("one.md", BatchStatus.Converted, null),
        ]);
        report.Totals.Failed.ShouldBe(1);
        File.Exists(Path.Combine(output, "feeds/news/b.md")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "feeds/news/c.md")).ShouldBeFalse();
        File.ReadAllLines(Path.Combine(output, "catalog.xlsx")).ShouldContain("failure\tfeeds/news.lines\tmalformed at line 4; 2 items before it were converted");

        // Not recorded as done: the next run reads the feed again.
        var again = await Run(input, output);
        again.Inputs[0].Status.ShouldBe(BatchStatus.Converted);
        again.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_feed_that_fails_at_once_is_one_failed_row_and_an_empty_one_is_skipped()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp, LinesTestReader.File("#broken"));
        TestArchive.Write(input, "feeds/empty.lines", LinesTestReader.File());

        var report = await Run(input, temp.File("out"));

        report.Inputs.Select(i => (i.Path, i.Status, i.Reason)).ShouldBe(
        [
            ("feeds/empty.lines", BatchStatus.Skipped, "holds no articles"),
            ("feeds/news.lines", BatchStatus.Failed, "malformed at line 2"),
            ("one.md", BatchStatus.Converted, null),
        ]);
    }

    [Fact]
    public async Task Filters_apply_to_each_article_of_a_feed()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp);
        var output = temp.File("out");

        var report = await new BatchRunner(Converter()).RunAsync(input,
            TestArchive.Options(output) with { Since = DateOnly.FromDateTime(LinesTestReader.BaseTime.AddDays(2).DateTime) }, null, None);

        report.Inputs.Where(i => i.Path.StartsWith("feeds/", StringComparison.Ordinal)).Select(i => (i.Path, i.Status)).ShouldBe(
        [
            ("feeds/news.lines#a", BatchStatus.Skipped),
            ("feeds/news.lines#b", BatchStatus.Converted),
            ("feeds/news.lines#a-2", BatchStatus.Converted),
        ]);
        File.Exists(Path.Combine(output, "feeds/news/a.md")).ShouldBeFalse();

        // Without the filter the next run writes the article left out, and keeps the others.
        var all = await Run(input, output);
        all.Inputs.Single(i => i.Path == "feeds/news.lines#a").Status.ShouldBe(BatchStatus.Converted);
        all.Inputs.Single(i => i.Path == "feeds/news.lines#b").Status.ShouldBe(BatchStatus.Unchanged);
    }

    [Fact]
    public async Task Inputs_are_listed_by_every_registered_readers_extensions_and_read_by_their_content()
    {
        using var temp = new TemporaryFolder();
        var folder = temp.File("in");
        // An ordinary article named .lines is read as one (by its content); a feed named .md is read as a feed.
        TestArchive.Write(folder, "article.lines", TestArchive.Article("Named lines", "https://voa.example/a/2", "Body."));
        TestArchive.Write(folder, "feed.md", LinesTestReader.File(LinesTestReader.Line("x", "Item X", "Body X.")));
        TestArchive.Write(folder, "other.feed", LinesTestReader.File(LinesTestReader.Line("y", "Item Y", "Body Y.")));
        TestArchive.Write(folder, "notes.txt", "not an input\n");

        var report = await Run(folder, temp.File("out"));
        var withoutReader = await new BatchRunner(TestArchive.Converter()).RunAsync(folder, TestArchive.Options(temp.File("out2")), null, None);

        report.Inputs.Select(i => (i.Path, i.Status)).ShouldBe(
        [
            ("article.lines", BatchStatus.Converted),
            ("feed.md#x", BatchStatus.Converted),
            ("other.feed#y", BatchStatus.Converted),
        ]);
        report.Inputs[0].Outputs!.ShouldContain("article.lines.md");
        report.Inputs[1].Outputs!.ShouldContain("feed/x.md");
        withoutReader.Inputs.Select(i => i.Path).ShouldBe(["feed.md"]);
    }

    [Fact]
    public async Task Index_pages_do_not_cross_check_the_articles_of_a_feed()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        // The sample's index page lists articles/voa/9999.md ("Gone"); a feed whose name starts with that id is not it.
        TestArchive.Write(archive, "articles/dw/9999_feed.md", LinesTestReader.File(LinesTestReader.Line("x", "Item X", "Body X.")));
        var converter = new ConverterBuilder().AddReader(new FakeReader()).AddReader(new LinesTestReader())
            .AddIndexPageReader(new Archive.Indexes.ArchiveIndexPages()).AddWriter(new FakeWriter("md", ".md")).Build();

        var report = await new BatchRunner(converter).RunAsync(archive, TestArchive.Options(temp.File("out"), "md"), null, None);

        var item = report.Inputs.Single(i => i.Path == "articles/dw/9999_feed.md#x");
        item.Status.ShouldBe(BatchStatus.Converted);
        item.Warnings.ShouldBeNull();
    }

    [Fact]
    public async Task A_feed_of_ten_thousand_articles_gives_as_many_rows_in_order_and_a_cancel_half_way_one_row()
    {
        using var temp = new TemporaryFolder();
        var folder = temp.File("in");
        TestArchive.Write(folder, "big.lines", LinesTestReader.File([.. Enumerable.Range(0, 10_000).Select(n => LinesTestReader.Line($"{n:D5}", $"Item {n}", $"Body {n}."))]));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = await new BatchRunner(Converter()).RunAsync(folder, TestArchive.Options(temp.File("out"), "md", "xlsx"), null, None);

        TestContext.Current.SendDiagnosticMessage($"10,000-article feed to md+catalogue: {clock.Elapsed.TotalSeconds:F2} s");
        report.Totals.Converted.ShouldBe(10_000, report.Summary());
        report.Inputs.Select(i => i.Path).ShouldBe(Enumerable.Range(0, 10_000).Select(n => $"big.lines#{n:D5}"));
        File.ReadAllLines(Path.Combine(temp.File("out"), "catalog.xlsx")).Length.ShouldBe(10_000);

        using var cancel = new CancellationTokenSource();
        var writer = new FakeWriter("md", ".md") { OnWrite = (_, count) => { if (count == 100) cancel.Cancel(); } };
        var converter = new ConverterBuilder().AddReader(new FakeReader()).AddReader(new LinesTestReader()).AddWriter(writer).Build();
        var stopped = await new BatchRunner(converter).RunAsync(folder, TestArchive.Options(temp.File("out2"), "md") with { Force = true }, null, cancel.Token);
        stopped.Inputs.Select(i => (i.Path, i.Status)).ShouldBe([("big.lines", BatchStatus.Cancelled)]);
    }

    [Fact]
    public async Task A_writer_failing_on_one_article_fails_its_row_and_the_feed_is_converted_again_next_time()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp);
        var output = temp.File("out");
        var failing = new FakeWriter("md", ".md")
        {
            OnWrite = (article, _) =>
            {
                if (article.Metadata.Title == "Item B")
                {
                    throw new IOException("disk full");
                }
            },
        };
        var converter = new ConverterBuilder().AddReader(new FakeReader()).AddReader(new LinesTestReader()).AddWriter(failing).Build();

        var report = await new BatchRunner(converter).RunAsync(input, TestArchive.Options(output, "md"), null, None);

        report.ExitCode.ShouldBe(1);
        report.Inputs.Single(i => i.Path == "feeds/news.lines#b").Reason.ShouldBe("md writer failed (IOException): disk full");
        report.Inputs.Single(i => i.Path == "feeds/news.lines#a").Status.ShouldBe(BatchStatus.Converted);

        // The report reads the state, which the next run replaces.
        var again = await new BatchRunner(Converter()).RunAsync(input, TestArchive.Options(output, "md"), null, None);
        again.Inputs.Where(i => i.Path.StartsWith("feeds/", StringComparison.Ordinal)).Select(i => i.Status).ShouldAllBe(s => s == BatchStatus.Converted);
        again.Inputs.Single(i => i.Path == "one.md").Status.ShouldBe(BatchStatus.Unchanged);
    }

    [Fact]
    public async Task A_named_reader_reads_every_input()
    {
        using var temp = new TemporaryFolder();
        var input = WriteInputs(temp);

        var report = await new BatchRunner(Converter()).RunAsync(input, TestArchive.Options(temp.File("out")) with { Reader = LinesTestReader.Name }, null, None);

        report.Inputs.Single(i => i.Path == "one.md").Reason.ShouldBe("malformed at line 1: not a lines-test file");
        report.Inputs.Count(i => i.Status == BatchStatus.Converted).ShouldBe(3);
    }

    [Fact]
    public void Sources_list_the_extensions_they_are_given()
    {
        using var temp = new TemporaryFolder();
        var folder = temp.File("in");
        TestArchive.Write(folder, "a.lines", "x");
        TestArchive.Write(folder, "b.MD", "x");
        TestArchive.Write(folder, "c.txt", "x");
        var zip = TestArchive.Zip(folder, temp.File("in.zip"));

        using var folderSource = ArchiveSource.Open(folder, null, [".md", ".lines"]);
        using var zipSource = ArchiveSource.Open(zip, null, [".md", ".lines"]);
        using var markdownOnly = ArchiveSource.Open(folder);
        using var single = ArchiveSource.Open(Path.Combine(folder, "a.lines"), null, [".lines"]);

        folderSource.KnownPaths.ShouldBe(["a.lines", "b.MD"]);
        zipSource.KnownPaths.ShouldBe(["a.lines", "b.MD"]);
        markdownOnly.KnownPaths.ShouldBe(["b.MD"]);
        single.KnownPaths.ShouldBe(["a.lines"]);
        Should.Throw<Errors.ArticleFormatException>(() => ArchiveSource.Open(Path.Combine(folder, "c.txt"), null, [".md", ".lines"]))
            .Message.ShouldContain("a .md, .lines, .zip");
    }

    [Theory]
    [InlineData("lines/123", "123")]
    [InlineData("voa/a b:c?", "a-b-c")]
    [InlineData("https://x.example/path/", "item")]
    [InlineData("..hidden.", "hidden")]
    [InlineData("site/新闻-1", "新闻-1")]
    public void Slugs_are_the_ids_last_part_made_safe(string id, string slug) => ItemSlugs.Safe(id).ShouldBe(slug);
}
