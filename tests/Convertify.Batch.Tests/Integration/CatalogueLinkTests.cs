using System.Text.Json;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Integration;

public sealed class CatalogueLinkTests
{
    private const string Script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Articles"]
        id = [c.value for c in ws[1]].index("id")
        rows = [r for r in ws.iter_rows(min_row=2) if r[id].value not in (None, "")]
        links = [c.hyperlink.target for r in ws.iter_rows(min_row=2) for c in r if c.hyperlink is not None and c.hyperlink.target]
        print(json.dumps({"rows": len(rows), "links": links}))
        """;

    [Fact]
    public async Task The_catalogue_lists_every_article_once_with_relative_links_that_resolve()
    {
        var archive = Corpus.Archive();
        ExternalClients.RequirePythonModules("openpyxl");
        using var temp = new TemporaryFolder();
        var output = temp.File("out");
        var report = await new BatchRunner(RealFormats.Converter()).RunAsync(archive, TestArchive.Options(output), null, TestContext.Current.CancellationToken);
        report.ExitCode.ShouldBe(0, report.Summary());

        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", Script, Path.Combine(output, "catalog.xlsx")]);
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("rows").GetInt32().ShouldBe(Corpus.ArticleFiles().Count);
        var local = json.RootElement.GetProperty("links").EnumerateArray().Select(l => l.GetString()!)
            .Where(l => !l.Contains("://", StringComparison.Ordinal)).ToList();
        local.Count.ShouldBe(2 * Corpus.ArticleFiles().Count, "one Markdown and one Word link per article");
        local.Where(l => !File.Exists(Path.Combine(output, Uri.UnescapeDataString(l)))).ShouldBeEmpty();
    }
}
