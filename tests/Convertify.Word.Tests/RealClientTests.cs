using System.Text.Json;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

public sealed class RealClientTests
{
    private const string PythonReader = """
import json, sys, docx
from docx.oxml.ns import qn
out = {}
for path in sys.argv[1:]:
    doc = docx.Document(path)
    paragraphs = []
    for p in doc.paragraphs:
        text = []
        for e in p._p.iter():
            if e.tag == qn('w:t'):
                text.append(e.text or '')
            elif e.tag == qn('w:br'):
                text.append('\n')
            elif e.tag == qn('w:tab'):
                text.append('\t')
        paragraphs.append({'style': p.style.name, 'text': ''.join(text)})
    links = sorted(r.target_ref for r in doc.part.rels.values() if r.reltype.endswith('/hyperlink') and r.is_external)
    out[path] = {'title': doc.core_properties.title, 'paragraphs': paragraphs, 'links': links}
json.dump(out, sys.stdout, ensure_ascii=False)
""";

    [Fact]
    public void Python_docx_reads_title_paragraphs_and_hyperlinks_of_every_corpus_document()
    {
        ExternalClients.RequirePythonModules("docx");
        var articles = CorpusDocuments.Articles().Where(a => a.Article is not null).ToList();
        using var folder = new TemporaryFolder();
        var files = new Dictionary<string, Article>();
        using var writer = new WordArticleWriter();
        for (var i = 0; i < articles.Count; i++)
        {
            var file = folder.File($"{i:D3}.docx");
            using (var stream = File.Create(file))
            {
                writer.Write(articles[i].Article!, stream);
            }
            files[file] = articles[i].Article!;
        }
        var script = folder.File("read.py");
        File.WriteAllText(script, PythonReader);
        var result = ProcessRunner.Run(ExternalClients.Python, [script, .. files.Keys], timeout: TimeSpan.FromMinutes(5),
            environment: new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" });
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);

        var failures = new List<string>();
        foreach (var (file, article) in files)
        {
            var name = article.Metadata.Id;
            var read = json.RootElement.GetProperty(file);
            var paragraphs = read.GetProperty("paragraphs").EnumerateArray()
                .Select(p => (Style: p.GetProperty("style").GetString()!, Text: p.GetProperty("text").GetString()!)).ToList();
            var title = Convertify.Text.XmlSafeText.Clean(article.Metadata.Title);
            if (paragraphs.Count == 0 || paragraphs[0] != ("Title", title))
            {
                failures.Add($"{name}: first paragraph is {(paragraphs.Count > 0 ? paragraphs[0] : default)}, not the title");
            }
            if (read.GetProperty("title").GetString() != title)
            {
                failures.Add($"{name}: core title is {read.GetProperty("title").GetString()}");
            }
            var texts = paragraphs.Select(p => CorpusDocuments.Squeeze(p.Text)).ToHashSet(StringComparer.Ordinal);
            foreach (var paragraph in article.Body.OfType<ParagraphBlock>())
            {
                var expected = CorpusDocuments.Squeeze(Convertify.Text.PlainText.Of(paragraph.Inlines));
                if (expected.Length > 0 && !texts.Contains(expected))
                {
                    failures.Add($"{name}: paragraph not found: {expected}");
                }
            }
            if (!paragraphs.Any(p => p.Style == "Body Text") && article.Body.OfType<ParagraphBlock>().Any())
            {
                failures.Add($"{name}: no Body Text paragraph");
            }
            var links = read.GetProperty("links").EnumerateArray().Select(l => l.GetString()!).ToHashSet(StringComparer.Ordinal);
            foreach (var url in LinkUrls(article).Append(article.Metadata.OriginalUrl))
            {
                if (LinkTargets.ToTarget(url) is { } target && !links.Contains(target))
                {
                    failures.Add($"{name}: hyperlink to {target} missing");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public void LibreOffice_converts_one_document_per_site_to_pdf_showing_the_title()
    {
        var soffice = ExternalClients.RequireCommand("soffice");
        var pdftotext = ExternalClients.RequireCommand("pdftotext");
        var sample = CorpusDocuments.Articles().Where(a => a.Article is not null)
            .GroupBy(a => a.Article!.Metadata.Site.Code).Select(g => g.First().Article!).ToList();
        sample.Count.ShouldBeGreaterThan(1);
        using var folder = new TemporaryFolder();
        using var writer = new WordArticleWriter();
        var files = new List<(string Docx, Article Article)>();
        foreach (var article in sample)
        {
            var file = folder.File(article.Metadata.Site.Code + ".docx");
            using (var stream = File.Create(file))
            {
                writer.Write(article, stream);
            }
            files.Add((file, article));
        }
        var output = Path.Combine(folder.Path, "pdf");
        var profile = "file:///tmp/lo-word-" + Guid.NewGuid().ToString("N");
        try
        {
            var result = ProcessRunner.Run(soffice,
                ["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", output, .. files.Select(f => f.Docx)],
                timeout: TimeSpan.FromMinutes(5));
            result.ExitCode.ShouldBe(0, result.ToString());
            var failures = new List<string>();
            foreach (var (docx, article) in files)
            {
                var pdf = Path.Combine(output, Path.GetFileNameWithoutExtension(docx) + ".pdf");
                if (!File.Exists(pdf))
                {
                    failures.Add($"{article.Metadata.Id}: no PDF ({result})");
                    continue;
                }
                var text = ProcessRunner.Run(pdftotext, ["-enc", "UTF-8", pdf, "-"]);
                if (!CorpusDocuments.Squeeze(text.StandardOutput).Contains(CorpusDocuments.Squeeze(article.Metadata.Title), StringComparison.Ordinal))
                {
                    failures.Add($"{article.Metadata.Id}: PDF text lacks the title {article.Metadata.Title}");
                }
            }
            failures.ShouldBeEmpty(string.Join("\n", failures));
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

    private static IEnumerable<string> LinkUrls(Article article)
    {
        var urls = new List<string>();
        void Inlines(IEnumerable<Inline> inlines)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case LinkInline l: urls.Add(l.Url); break;
                    case StrongInline s: Inlines(s.Inlines); break;
                    case EmphasisInline e: Inlines(e.Inlines); break;
                }
            }
        }
        void Blocks(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p: Inlines(p.Inlines); break;
                    case HeadingBlock h: Inlines(h.Inlines); break;
                    case QuoteBlock q: Blocks(q.Blocks); break;
                    case ListBlock l: foreach (var item in l.Items) Blocks(item.Blocks); break;
                    case TableBlock t: foreach (var row in t.Rows) foreach (var cell in row.Cells) Inlines(cell.Inlines); break;
                    case FigureBlock f: urls.Add(f.ImageUrl); break;
                    case EmbedBlock e: urls.Add(e.Url); break;
                }
            }
        }
        Blocks(article.Body);
        foreach (var related in article.RelatedLinks)
        {
            urls.Add(related.Url);
        }
        return urls;
    }
}
