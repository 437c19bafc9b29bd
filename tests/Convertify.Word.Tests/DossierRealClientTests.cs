using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

public sealed partial class DossierRealClientTests
{
    private const string PythonReader = """
import json, sys, docx
from docx.oxml.ns import qn
out = {}
for path in sys.argv[1:]:
    doc = docx.Document(path)
    body = doc.element.body
    headings = [p.text for p in doc.paragraphs if p.style.name == 'Heading 1']
    toc = [t.text for t in body.iter(qn('w:instrText')) if t.text.strip().startswith('TOC ')]
    entries = [h.get(qn('w:anchor')) for p in doc.paragraphs if p.style.name == 'toc 1' for h in p._p.iter(qn('w:hyperlink'))]
    anchors = [h.get(qn('w:anchor')) for h in body.iter(qn('w:hyperlink')) if h.get(qn('w:anchor')) is not None]
    bookmarks = [b.get(qn('w:name')) for b in body.iter(qn('w:bookmarkStart'))]
    out[path] = {'headings': headings, 'toc': toc, 'entries': entries, 'anchors': anchors, 'bookmarks': bookmarks}
json.dump(out, sys.stdout, ensure_ascii=False)
""";

    [Fact]
    public void Python_docx_reads_one_heading_1_per_article_in_date_and_input_order_a_toc_entry_each_and_resolving_bookmarks()
    {
        ExternalClients.RequirePythonModules("docx");
        var articles = DossierDocuments.Corpus();
        var distinct = DossierDocuments.Distinct(articles);
        // The input order is the corpus backwards, so that it differs from the date order.
        var input = Enumerable.Reverse(articles).ToList();
        var cases = new (string Name, List<Article> Input, DossierOrder Order, List<Article> Expected)[]
        {
            ("date", articles, DossierOrder.Date, [.. distinct.OrderBy(a => a.Metadata.Published.Value.UtcDateTime).ThenBy(a => a.Metadata.Id, StringComparer.Ordinal)]),
            ("input", input, DossierOrder.Input, DossierDocuments.Distinct(input)),
        };
        cases[0].Expected.Select(a => a.Metadata.Id).ShouldNotBe(cases[1].Expected.Select(a => a.Metadata.Id));
        using var folder = new TemporaryFolder();
        foreach (var c in cases)
        {
            File.WriteAllBytes(folder.File(c.Name + ".docx"), DossierDocuments.Write(c.Input, new DossierOptions(Order: c.Order)));
        }
        var script = folder.File("read.py");
        File.WriteAllText(script, PythonReader);
        var result = ProcessRunner.Run(ExternalClients.Python, [script, .. cases.Select(c => folder.File(c.Name + ".docx"))],
            timeout: TimeSpan.FromMinutes(5), environment: new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" });
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        foreach (var c in cases)
        {
            var read = json.RootElement.GetProperty(folder.File(c.Name + ".docx"));
            Strings(read, "headings").Select(CorpusDocuments.Squeeze)
                .ShouldBe(c.Expected.Select(a => CorpusDocuments.Squeeze(Convertify.Text.XmlSafeText.Clean(a.Metadata.Title))), c.Name);
            Strings(read, "toc").Count.ShouldBe(1, c.Name);
            var entries = Strings(read, "entries");
            entries.Count.ShouldBe(c.Expected.Count, c.Name);
            var bookmarks = Strings(read, "bookmarks").ToHashSet(StringComparer.Ordinal);
            Strings(read, "anchors").Where(a => !bookmarks.Contains(a)).ShouldBeEmpty(c.Name);
            entries.Distinct(StringComparer.Ordinal).Count().ShouldBe(entries.Count, c.Name);
        }
    }

    [Fact]
    public void LibreOffice_prints_the_corpus_dossier_on_at_least_one_page_per_article()
    {
        var soffice = ExternalClients.RequireCommand("soffice");
        var pdfinfo = ExternalClients.RequireCommand("pdfinfo");
        var articles = DossierDocuments.Corpus();
        using var folder = new TemporaryFolder();
        var docx = folder.File("dossier.docx");
        File.WriteAllBytes(docx, DossierDocuments.Write(articles));
        var output = Path.Combine(folder.Path, "pdf");
        var profile = "file:///tmp/lo-dossier-" + Guid.NewGuid().ToString("N");
        try
        {
            var result = ProcessRunner.Run(soffice,
                ["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", output, docx],
                timeout: TimeSpan.FromMinutes(10));
            result.ExitCode.ShouldBe(0, result.ToString());
            var pdf = Path.Combine(output, "dossier.pdf");
            File.Exists(pdf).ShouldBeTrue(result.ToString());
            var info = ProcessRunner.Run(pdfinfo, [pdf]);
            info.ExitCode.ShouldBe(0, info.ToString());
            var pages = int.Parse(PagesLine().Match(info.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);
            pages.ShouldBeGreaterThanOrEqualTo(DossierDocuments.Distinct(articles).Count);
        }
        finally
        {
            try
            {
                Directory.Delete(new Uri(profile).LocalPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
