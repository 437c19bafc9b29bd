using System.Text.Json;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

/// <summary>The original source (linked) and the tags in the metadata block, the tags as the document's keywords; read by python-docx.</summary>
public sealed class OriginalSourceAndTagsTests
{
    private const string PythonReader = """
import json, sys, docx
from docx.oxml.ns import qn
out = {}
for path in sys.argv[1:]:
    doc = docx.Document(path)
    rels = doc.part.rels
    paragraphs = []
    for p in doc.paragraphs:
        links = []
        for h in p._p.iter(qn('w:hyperlink')):
            rid = h.get(qn('r:id'))
            text = ''.join(t.text or '' for t in h.iter(qn('w:t')))
            links.append({'url': rels[rid].target_ref if rid in rels else None, 'text': text})
        paragraphs.append({'style': p.style.name, 'text': ''.join(t.text or '' for t in p._p.iter(qn('w:t'))), 'links': links})
    out[path] = {'keywords': doc.core_properties.keywords, 'paragraphs': paragraphs}
json.dump(out, sys.stdout, ensure_ascii=False)
""";

    [Fact]
    public void Python_docx_reads_the_source_its_link_the_tags_and_the_keywords()
    {
        ExternalClients.RequirePythonModules("docx");
        var reader = new ArchiveArticleReader();
        var articles = Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "articles", "cdt"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => reader.Read(ArticleInput.FromFile(f))).ToList();
        if (Corpus.TryRoot() is not null)
        {
            articles.AddRange(CorpusDocuments.Articles().Select(a => a.Article).OfType<Article>().Where(a => a.Metadata.Site.Code == "cdt"));
        }
        articles.ShouldContain(a => a.Metadata.OriginalSource != null && a.Metadata.OriginalSource.Url != null && a.Metadata.Tags.Length > 1);
        articles.ShouldContain(a => a.Metadata.OriginalSource != null && a.Metadata.OriginalSource.Url == null);
        articles.ShouldContain(a => a.Metadata.Tags.IsEmpty);

        using var folder = new TemporaryFolder();
        var files = new Dictionary<string, Article>();
        for (var i = 0; i < articles.Count; i++)
        {
            var file = folder.File($"{i:D3}.docx");
            File.WriteAllBytes(file, Docx.Write(articles[i]));
            files[file] = articles[i];
        }
        var script = folder.File("read.py");
        File.WriteAllText(script, PythonReader);
        var result = ProcessRunner.Run(ExternalClients.Python, [script, .. files.Keys], timeout: TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" });
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);

        var failures = new List<string>();
        foreach (var (file, article) in files)
        {
            var m = article.Metadata;
            var read = json.RootElement.GetProperty(file);
            var expectedKeywords = m.Tags.IsEmpty ? m.Site.DisplayName : string.Join("; ", m.Tags);
            if (read.GetProperty("keywords").GetString() != expectedKeywords)
            {
                failures.Add($"{m.Id}: keywords '{read.GetProperty("keywords").GetString()}', expected '{expectedKeywords}'");
            }
            // The metadata block: the paragraphs before the first separator.
            var block = read.GetProperty("paragraphs").EnumerateArray().TakeWhile(p => p.GetProperty("style").GetString() != "Separator").ToList();
            var source = block.Where(p => p.GetProperty("text").GetString()!.StartsWith("原始来源：", StringComparison.Ordinal)).ToList();
            if (m.OriginalSource is not { } origin)
            {
                if (source.Count != 0) failures.Add($"{m.Id}: a source line without a source");
            }
            else if (source.Count != 1 || source[0].GetProperty("text").GetString() != "原始来源：" + origin.Name)
            {
                failures.Add($"{m.Id}: source line [{string.Join(" | ", source.Select(p => p.GetProperty("text").GetString()))}], expected '{origin.Name}'");
            }
            else
            {
                var links = source[0].GetProperty("links").EnumerateArray().Select(l => (Url: l.GetProperty("url").GetString(), Text: l.GetProperty("text").GetString())).ToList();
                var expectedLinks = origin.Url is null ? [] : new[] { (Url: (string?)origin.Url, Text: (string?)origin.Name) };
                if (!links.SequenceEqual(expectedLinks))
                {
                    failures.Add($"{m.Id}: source links [{string.Join(", ", links)}], expected [{string.Join(", ", expectedLinks)}]");
                }
            }
            var tagLines = block.Select(p => p.GetProperty("text").GetString()!).Where(t => t.StartsWith("标签：", StringComparison.Ordinal)).ToList();
            var expectedTagLines = m.Tags.IsEmpty ? [] : new[] { "标签：" + string.Join("、", m.Tags) };
            if (!tagLines.SequenceEqual(expectedTagLines))
            {
                failures.Add($"{m.Id}: tag lines [{string.Join(" | ", tagLines)}], expected [{string.Join(" | ", expectedTagLines)}]");
            }
        }
        failures.ShouldBeEmpty();
    }
}
