using System.Text.Json;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;
using static Convertify.Word.Tests.Support.TestArticles;

namespace Convertify.Word.Tests;

/// <summary>A figure's caption is printed once, under its placeholder; alt text that says nothing or repeats the caption is not in the label.</summary>
public sealed class FigureCaptionTests
{
    private const string PythonReader = """
import json, sys, docx
from docx.oxml.ns import qn
doc = docx.Document(sys.argv[1])
paragraphs = [{'style': p.style.name, 'text': ''.join(e.text or '' for e in p._p.iter(qn('w:t')))} for p in doc.paragraphs]
json.dump(paragraphs, sys.stdout, ensure_ascii=False)
""";

    // Invented text, in the markup of the pages that show the faults: bbc's numbered alt text, an alt equal to the caption.
    private const string Body = """
<div><picture><img src="https://images.weserv.nl/?url=img.example.org/news/640/quay.jpg" alt="1"></picture><p role="text"><span>图像来源，</span><span>示例图片社</span></p></div>
<figure><img src="https://img.example.org/news/crane.jpg" alt="码头上的吊车在清晨开工。"><figcaption>码头上的吊车在清晨开工。</figcaption></figure>
<p>正文第一段。</p>
<figure><img src="https://img.example.org/news/ship.jpg" alt="货轮靠岸"><figcaption>一艘货轮在午后靠岸卸货。</figcaption></figure>
<figure><img src="https://img.example.org/news/gull.jpg" alt="img"><figcaption>海鸥落在缆桩上。</figcaption></figure>
<p><img src="https://img.example.org/news/IMG_2041.jpg" alt="IMG_2041"></p>
<p>正文第二段。</p>
""";

    [Fact]
    public void Python_docx_reads_each_caption_once_and_placeholders_without_empty_alt_text()
    {
        ExternalClients.RequirePythonModules("docx");
        var article = new ArchiveArticleReader().Read(ArticleInput.FromString("articles/bbc/1000001.md",
            $"<!--1672331948000-->\n[码头的早晨](https://www.bbc.com/zhongwen/simp/world-1000001)\n------\n\n{Body}\n"));
        article.Body.OfType<FigureBlock>().Count().ShouldBe(5);
        using var folder = new TemporaryFolder();
        var file = folder.File("figures.docx");
        File.WriteAllBytes(file, Docx.Write(article));
        var script = folder.File("read.py");
        File.WriteAllText(script, PythonReader);
        var result = ProcessRunner.Run(ExternalClients.Python, [script, file], timeout: TimeSpan.FromMinutes(1),
            environment: new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" });
        result.ExitCode.ShouldBe(0, result.ToString());
        var paragraphs = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(result.StandardOutput)!
            .Select(p => (Style: p["style"], Text: p["text"])).ToList();

        paragraphs.Where(p => p.Text.StartsWith('[')).Select(p => p.Text)
            .ShouldBe(["[图片]", "[图片]", "[图片：货轮靠岸]", "[图片]", "[图片]"]);
        var text = string.Join("\n", paragraphs.Select(p => p.Text));
        foreach (var caption in new[] { "码头上的吊车在清晨开工。", "一艘货轮在午后靠岸卸货。", "海鸥落在缆桩上。", "示例图片社" })
        {
            Occurrences(text, caption).ShouldBe(1, caption);
        }
        text.ShouldNotContain("IMG_2041");
    }

    [Theory]
    [InlineData("Cranes at dawn on the quay.", "Cranes at dawn on the quay.", "[Image]")]
    [InlineData("Cranes at dawn\non the  quay.", "Cranes at dawn on the quay.", "[Image]")]
    [InlineData("", "Cranes at dawn on the quay.", "[Image]")]
    [InlineData("", "", "[Image]")]
    [InlineData("A crane", "Cranes at dawn on the quay.", "[Image: A crane]")]
    public void The_placeholder_label_does_not_repeat_the_caption(string alt, string caption, string label)
    {
        var docx = Docx.Write(Create([new FigureBlock("https://img.example.org/crane.jpg", alt, caption, "")], language: "en"));
        var paragraphs = Docx.Paragraphs(docx);
        paragraphs.Where(p => p.Style == "Figure").Select(p => p.Text).ShouldBe([label]);
        if (caption.Length > 0)
        {
            Occurrences(Docx.BodyText(docx), "dawn").ShouldBe(1);
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
