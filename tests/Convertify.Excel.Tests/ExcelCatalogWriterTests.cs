using System.Collections.Immutable;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;
using OfficeOpenXml;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class ExcelCatalogWriterTests
{
    [Fact]
    public void Registers_as_the_xlsx_catalogue_writer()
    {
        var converter = new ConverterBuilder().AddExcel().Build();
        var writer = converter.Registry.FindCatalogWriter("xlsx").ShouldNotBeNull();
        writer.Format.Extension.ShouldBe(".xlsx");
        converter.Registry.FindCatalogWriter(".xlsx").ShouldBeSameAs(writer);
    }

    [Fact]
    public void Writes_the_five_sheets_in_order()
    {
        using var package = Open(Write(Make("1")));
        package.Workbook.Worksheets.Select(w => w.Name).ShouldBe(["Articles", "Images", "Links", "Sites", "Problems"]);
    }

    [Fact]
    public void Article_cells_are_typed()
    {
        using var package = Open(Write(Make("1")));
        var sheet = package.Workbook.Worksheets["Articles"];
        Cell(sheet, 2, "id").ShouldBe("voa/1");
        Cell(sheet, 2, "site").ShouldBe("voa");
        Cell(sheet, 2, "source").ShouldBe("Example Voice");
        Cell(sheet, 2, "author").ShouldBe("Ann Writer; Bo Reporter");
        Cell(sheet, 2, "language").ShouldBe("en");
        Cell(sheet, 2, "zone").ShouldBe("+08:00");
        Cell(sheet, 2, "date_source").ShouldBe("body_with_zone");
        Cell(sheet, 2, "characters").ShouldBeOfType<double>().ShouldBeGreaterThan(5);
        Cell(sheet, 2, "paragraphs").ShouldBe(1d);
        Cell(sheet, 2, "warnings").ShouldBe(0d);
        Cell(sheet, 2, "content_hash").ShouldBeOfType<string>().Length.ShouldBe(32);

        // Dates are numbers (serial days) with a visible date-time format.
        var published = sheet.Cells[2, Column(sheet, "published")];
        published.Value.ShouldBeOfType<double>();
        DateTime.FromOADate((double)published.Value).ShouldBe(new DateTime(2024, 3, 5, 14, 30, 0));
        published.Style.Numberformat.Format.ShouldBe("yyyy-mm-dd hh:mm");
        var feed = sheet.Cells[2, Column(sheet, "feed_time_utc")];
        DateTime.FromOADate((double)feed.Value).ShouldBe(new DateTime(2024, 3, 5, 7, 0, 0));
        feed.Style.Numberformat.Format.ShouldBe("yyyy-mm-dd hh:mm");
    }

    [Fact]
    public void Dates_are_written_as_numbers_with_a_date_style_in_the_xml()
    {
        var bytes = Write(Make("1"));
        var styles = Part(bytes, "xl/styles.xml");
        styles.ShouldContain("formatCode=\"yyyy-mm-dd hh:mm\"");
        var published = Named(PartXml(bytes, "xl/worksheets/sheet1.xml"), "c").Single(c => (string?)c.Attribute("r") == "G2");
        ((int)published.Attribute("s")!).ShouldBeGreaterThan(0);
        published.Attribute("t").ShouldBeNull();
        published.Value.ShouldStartWith("45356.604166");
    }

    [Fact]
    public void Title_links_to_the_original_url()
    {
        using var package = Open(Write(Make("1", url: "https://www.example.com/news/a b?x=1&y=\"2\"")));
        var sheet = package.Workbook.Worksheets["Articles"];
        var title = sheet.Cells[2, Column(sheet, "title")];
        title.Value.ShouldBe("A harbour reopens after the storm");
        title.Hyperlink.ShouldNotBeNull().AbsoluteUri.ShouldBe("https://www.example.com/news/a%20b?x=1&y=%222%22");
        Cell(sheet, 2, "url").ShouldBe("https://www.example.com/news/a b?x=1&y=\"2\"");
    }

    [Fact]
    public void An_invalid_url_gives_text_without_a_hyperlink()
    {
        using var package = Open(Write(Make("1", url: "not a url at all"), Make("2", url: "javascript:alert(1)")));
        var sheet = package.Workbook.Worksheets["Articles"];
        sheet.Cells[2, Column(sheet, "title")].Hyperlink.ShouldBeNull();
        sheet.Cells[3, Column(sheet, "title")].Hyperlink.ShouldBeNull();
        Cell(sheet, 2, "title").ShouldBe("A harbour reopens after the storm");
    }

    [Fact]
    public void Exported_files_get_relative_hyperlinks()
    {
        var files = new Dictionary<string, string> { ["md"] = "voa/1 draft.md", ["docx"] = "voa/1.docx" };
        using var package = Open(Write([(Make("1"), files), (Make("2"), null)]));
        var sheet = package.Workbook.Worksheets["Articles"];
        var markdown = sheet.Cells[2, Column(sheet, "markdown")];
        markdown.Value.ShouldBe("voa/1 draft.md");
        markdown.Hyperlink.ShouldNotBeNull().OriginalString.ShouldBe("voa/1%20draft.md");
        markdown.Hyperlink.IsAbsoluteUri.ShouldBeFalse();
        sheet.Cells[2, Column(sheet, "word")].Hyperlink!.OriginalString.ShouldBe("voa/1.docx");
        sheet.Cells[3, Column(sheet, "markdown")].Value.ShouldBeNull();
    }

    [Fact]
    public void Without_exported_files_there_are_no_file_columns()
    {
        using var package = Open(Write(Make("1")));
        var sheet = package.Workbook.Worksheets["Articles"];
        Should.Throw<InvalidOperationException>(() => Column(sheet, "markdown"));
    }

    [Fact]
    public void Duplicates_by_normalised_url_and_by_content_hash()
    {
        using var package = Open(Write(
            Make("1", url: "https://www.example.com/news/1", paragraph: "First unique body text of some length."),
            Make("2", url: "HTTPS://WWW.EXAMPLE.COM/news/1/", paragraph: "Second unique body text of some length."),
            Make("3", url: "https://www.example.com/news/3", paragraph: "First   unique body text of some length."),
            Make("4", url: "https://www.example.com/news/4", paragraph: "Another text entirely, not seen before."),
            Make("5", url: "https://www.example.com/News/1", paragraph: "Fifth unique body text of some length.")));
        var sheet = package.Workbook.Worksheets["Articles"];
        Cell(sheet, 2, "duplicate_of").ShouldBeNull();
        Cell(sheet, 3, "duplicate_of").ShouldBe("voa/1");
        Cell(sheet, 4, "duplicate_of").ShouldBe("voa/1");
        Cell(sheet, 5, "duplicate_of").ShouldBeNull();
        Cell(sheet, 6, "duplicate_of").ShouldBeNull(); // paths are case-sensitive
    }

    [Fact]
    public void Empty_bodies_are_not_duplicates_of_each_other()
    {
        using var package = Open(Write(Make("1", body: ImmutableArray<Block>.Empty), Make("2", body: ImmutableArray<Block>.Empty)));
        Cell(package.Workbook.Worksheets["Articles"], 3, "duplicate_of").ShouldBeNull();
    }

    public static TheoryData<string> InjectionStrings => ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "=HYPERLINK(\"http://x\",\"y\")"];

    [Theory]
    [MemberData(nameof(InjectionStrings))]
    public void Formula_like_text_stays_text(string text)
    {
        var bytes = Write(Make("1", title: "ok", url: "https://e.com/" + 1, paragraph: text) with { }, Make("2", title: text));
        using var package = Open(bytes);
        var sheet = package.Workbook.Worksheets["Articles"];
        sheet.Cells[3, Column(sheet, "title")].Value.ShouldBe(text);
        sheet.Cells[3, Column(sheet, "title")].Formula.ShouldBeEmpty();
        foreach (var part in PartNames(bytes).Where(p => p.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            Named(PartXml(bytes, part), "f").ShouldBeEmpty();
        }
    }

    [Fact]
    public void Carriage_returns_become_line_feeds_and_stay_text()
    {
        using var package = Open(Write(Make("1", title: "\rx")));
        Cell(package.Workbook.Worksheets["Articles"], 2, "title").ShouldBe("\nx");
    }

    [Fact]
    public void Forbidden_xml_characters_are_removed_with_a_warning()
    {
        using var package = Open(Write(Make("1", title: "bell\u0007 and\u0001 nul\u0000")));
        var sheet = package.Workbook.Worksheets["Articles"];
        Cell(sheet, 2, "title").ShouldBe("bell and nul");
        Cell(sheet, 2, "warnings").ShouldBe(1d);
        var problems = package.Workbook.Worksheets["Problems"];
        Cell(problems, 2, "article_id").ShouldBe("voa/1");
        Cell(problems, 2, "severity").ShouldBe("warning");
        Cell(problems, 2, "source").ShouldBe("articles/voa/1.md");
        Cell(problems, 2, "message").ShouldBeOfType<string>().ShouldContain("title: removed 3 character(s)");
    }

    [Fact]
    public void Text_over_the_cell_limit_is_truncated_with_a_marker_and_a_warning()
    {
        var title = new string('x', 40_000);
        using var package = Open(Write(Make("1", title: title)));
        var value = Cell(package.Workbook.Worksheets["Articles"], 2, "title").ShouldBeOfType<string>();
        value.Length.ShouldBe(32_767);
        value.ShouldEndWith("…[truncated]");
        Cell(package.Workbook.Worksheets["Problems"], 2, "message").ShouldBeOfType<string>().ShouldContain("truncated");
    }

    [Fact]
    public void Truncation_does_not_split_a_surrogate_pair()
    {
        var title = string.Concat(Enumerable.Repeat("𠀀", 20_000));
        using var package = Open(Write(Make("1", title: title)));
        var value = Cell(package.Workbook.Worksheets["Articles"], 2, "title").ShouldBeOfType<string>();
        value.ShouldEndWith("…[truncated]");
        Convertify.Text.XmlSafeText.IsSafe(value).ShouldBeTrue();
    }

    [Fact]
    public void Reader_warnings_and_failures_go_to_the_problems_sheet()
    {
        var article = Make("1", warnings: [new ConversionWarning("html.malformed", "unclosed <div>")]);
        using var package = Open(Write([(article, null)], [("articles/voa/broken.md", "articles/voa/broken.md: the header is missing")]));
        Cell(package.Workbook.Worksheets["Articles"], 2, "warnings").ShouldBe(1d);
        var problems = package.Workbook.Worksheets["Problems"];
        Cell(problems, 2, "code").ShouldBe("html.malformed");
        Cell(problems, 2, "message").ShouldBe("unclosed <div>");
        Cell(problems, 3, "source").ShouldBe("articles/voa/broken.md");
        Cell(problems, 3, "severity").ShouldBe("error");
        Cell(problems, 3, "article_id").ShouldBeNull();
    }

    [Fact]
    public void Images_are_collected_from_nested_blocks()
    {
        ImmutableArray<Block> body =
        [
            new FigureBlock("https://img.example.com/1.jpg", "a quay", "The quay at dawn", "Photo: Agency"),
            new QuoteBlock([new FigureBlock("https://img.example.com/2.jpg", "", "inside a quote", "")]),
            new ListBlock(false, [new ListItem([new FigureBlock("https://img.example.com/3.jpg", "", "", "")])]),
        ];
        using var package = Open(Write(Make("1", body: body)));
        var images = package.Workbook.Worksheets["Images"];
        images.Dimension.End.Row.ShouldBe(4);
        Cell(images, 2, "article_id").ShouldBe("voa/1");
        Cell(images, 2, "position").ShouldBe(1d);
        Cell(images, 2, "url").ShouldBe("https://img.example.com/1.jpg");
        Cell(images, 2, "alt").ShouldBe("a quay");
        Cell(images, 2, "caption").ShouldBe("The quay at dawn");
        Cell(images, 2, "credit").ShouldBe("Photo: Agency");
        Cell(images, 3, "caption").ShouldBe("inside a quote");
        Cell(images, 4, "position").ShouldBe(3d);
        Cell(package.Workbook.Worksheets["Articles"], 2, "lead_image").ShouldBe("https://img.example.com/1.jpg");
    }

    [Fact]
    public void Links_are_classified_internal_or_external()
    {
        ImmutableArray<Block> body =
        [
            Paragraph(Link("https://example.com/news/other", "same site"), new TextInline(" and "), new StrongInline([Link("https://elsewhere.org/x", "elsewhere")])),
            new ListBlock(true, [new ListItem([Paragraph(Link("https://archive.example.net/articles/voa/9.md", "archived"))])]),
            new EmbedBlock(EmbedKind.Video, "https://video.example.org/v/1", "a clip"),
        ];
        using var package = Open(Write(Make("1", body: body, related: [new RelatedLink("https://www.example.com/related", null)])));
        var links = package.Workbook.Worksheets["Links"];
        var rows = Enumerable.Range(2, links.Dimension.End.Row - 1)
            .Select(r => ((string)Cell(links, r, "text")!, (string)Cell(links, r, "url")!, (string)Cell(links, r, "kind")!))
            .ToList();
        rows.ShouldBe([
            ("same site", "https://example.com/news/other", "internal"),
            ("elsewhere", "https://elsewhere.org/x", "external"),
            ("archived", "https://archive.example.net/articles/voa/9.md", "internal"),
            ("a clip", "https://video.example.org/v/1", "external"),
            (null!, "https://www.example.com/related", "internal"),
        ]);
    }

    [Fact]
    public void Sites_sheet_summarises_sites_and_months()
    {
        using var package = Open(Write(
            Make("1", published: new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(8))),
            Make("2", published: new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.FromHours(8))),
            Make("3", site: "bbc", siteName: "Example Broadcaster", published: new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero))));
        var sites = package.Workbook.Worksheets["Sites"];
        sites.Cells["A1:F1"].Select(c => c.Value).ShouldBe(["site", "source", "articles", "first_published", "last_published", "characters"]);
        sites.Cells["A2"].Value.ShouldBe("bbc");
        sites.Cells["A3"].Value.ShouldBe("voa");
        sites.Cells["C3"].Value.ShouldBe(2d);
        DateTime.FromOADate((double)sites.Cells["D3"].Value).ShouldBe(new DateTime(2024, 1, 10, 9, 0, 0));
        DateTime.FromOADate((double)sites.Cells["E3"].Value).ShouldBe(new DateTime(2024, 3, 2, 9, 0, 0));
        // Months table: every month from first to last, one column per site.
        sites.Cells["H1:J1"].Select(c => c.Value).ShouldBe(["month", "bbc", "voa"]);
        sites.Cells["H2:H4"].Select(c => c.Value).ShouldBe(["2024-01", "2024-02", "2024-03"]);
        sites.Cells["I2:I4"].Select(c => c.Value).ShouldBe([0d, 0d, 1d]);
        sites.Cells["J2:J4"].Select(c => c.Value).ShouldBe([1d, 0d, 1d]);
        sites.Tables.Select(t => t.Name).ShouldBe(["Sites", "ArticlesPerMonth"]);
        sites.Drawings.Count.ShouldBe(1);
    }

    [Fact]
    public void Header_is_frozen_and_each_sheet_is_a_styled_table()
    {
        var bytes = Write(Make("1"));
        using var package = Open(bytes);
        foreach (var sheet in package.Workbook.Worksheets)
        {
            sheet.Tables.Count.ShouldBeGreaterThan(0, sheet.Name);
            sheet.Tables[0].ShowHeader.ShouldBeTrue();
            sheet.AutoFilterAddress.ShouldBeNull(sheet.Name); // the table's own filter, no sheet filter
        }
        var xml = PartXml(bytes, "xl/worksheets/sheet1.xml");
        var pane = Named(xml, "pane").Single();
        ((string?)pane.Attribute("ySplit"), (string?)pane.Attribute("topLeftCell"), (string?)pane.Attribute("state")).ShouldBe(("1", "A2", "frozen"));
        Named(xml, "autoFilter").ShouldBeEmpty();
        Part(bytes, "xl/tables/table1.xml").ShouldContain("<autoFilter ref=\"A1:");
        // EPPlus does not read a table's style back, so look at the parts: one styled table per table part.
        var tables = PartNames(bytes).Where(p => p.StartsWith("xl/tables/", StringComparison.Ordinal)).ToList();
        tables.Count.ShouldBe(6); // Articles, Images, Links, Problems, and the two of Sites
        tables.ShouldAllBe(t => Part(bytes, t).Contains("<tableStyleInfo name=\"TableStyleMedium2\""));
    }

    [Fact]
    public void A_cjk_title_column_is_wider_than_a_latin_one_of_the_same_length()
    {
        var latin = new string('a', 30);
        var cjk = new string('港', 30);
        using var latinPackage = Open(Write(Make("1", title: latin)));
        using var cjkPackage = Open(Write(Make("1", title: cjk)));
        double Width(ExcelPackage p) => p.Workbook.Worksheets["Articles"].Column(Column(p.Workbook.Worksheets["Articles"], "title")).Width;
        Width(cjkPackage).ShouldBeGreaterThan(Width(latinPackage) + 20);
    }

    [Fact]
    public void Long_columns_are_capped_and_wrapped()
    {
        using var package = Open(Write(Make("1", paragraph: string.Join(' ', Enumerable.Repeat("many words make a long description", 10)))));
        var sheet = package.Workbook.Worksheets["Articles"];
        var column = Column(sheet, "description");
        sheet.Column(column).Width.ShouldBeLessThanOrEqualTo(61);
        sheet.Cells[2, column].Style.WrapText.ShouldBeTrue();
        sheet.Cells[2, Column(sheet, "id")].Style.WrapText.ShouldBeFalse();
    }

    [Fact]
    public void Same_input_gives_identical_bytes()
    {
        var articles = new[] { Make("1"), Make("2", site: "bbc"), Make("3", title: "=1+1") };
        var first = Write(articles);
        Thread.Sleep(2100); // zip times have two-second resolution
        var second = Write(articles);
        second.ShouldBe(first);
    }

    [Fact]
    public void Workbook_properties_use_the_given_or_a_fixed_creation_time()
    {
        var created = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var bytes = Write([(Make("1"), null)], catalogOptions: new CatalogOptions("Harbour news", created));
        var core = Part(bytes, "docProps/core.xml");
        core.ShouldContain("<dc:title>Harbour news</dc:title>");
        core.ShouldContain("2025-06-01T12:00:00Z");
        Part(Write(Make("1")), "docProps/core.xml").ShouldContain("2000-01-01T00:00:00Z");
    }

    [Fact]
    public void An_empty_catalogue_is_still_a_valid_workbook()
    {
        using var package = Open(Write());
        package.Workbook.Worksheets["Articles"].Tables.Count.ShouldBe(1);
        package.Workbook.Worksheets["Sites"].Drawings.Count.ShouldBe(0);
    }

    [Fact]
    public void A_completed_sink_refuses_more_articles()
    {
        using var output = new MemoryStream();
        using var sink = new ExcelCatalogWriter().Open(output);
        sink.Complete();
        Should.Throw<InvalidOperationException>(() => sink.Add(Make("1")));
    }
}
