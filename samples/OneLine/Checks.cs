using System.IO.Compression;
using Convertify.Model;

namespace OneLine;

/// <summary>Checks what the one-line calls of Program.cs produced (pack-smoke runs this sample on a fixture).</summary>
internal static class Checks
{
    public static int Run(Article article, string markdown, string markdownOfFile, string markdownOfStream, string viaConverter,
        byte[] docx, byte[] docxOfFile, byte[] docxViaConverter)
    {
        var problems = 0;
        void Check(bool ok, string what)
        {
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
            problems += ok ? 0 : 1;
        }
        Check(markdownOfFile.StartsWith("---\ntitle: ", StringComparison.Ordinal) && markdownOfFile.Contains($"id: \"{article.Metadata.Id}\"", StringComparison.Ordinal),
            $"FileToMarkdown: front matter of {article.Metadata.Id} ({markdownOfFile.Length} chars)");
        Check(markdownOfStream == markdownOfFile && viaConverter == markdownOfFile, "ToMarkdownAsync(stream, path) and Converter.WriteToString equal FileToMarkdown");
        var site = article.Metadata.Site.Code;
        Check(markdown == markdownOfFile.Replace($"id: \"{article.Metadata.Id}\"", $"id: \"{site}/article\"", StringComparison.Ordinal),
            $"ToMarkdown(text): the same document, id {site}/article (no name given)");
        Check(docxOfFile.AsSpan().SequenceEqual(docxViaConverter) && HasDocument(docxOfFile) && HasDocument(docx),
            $"FileToDocx, ToDocx and Converter.WriteToBytes: Word packages ({docxOfFile.Length} bytes)");
        Console.WriteLine(problems == 0 ? "one-line calls: all checks passed" : $"one-line calls: {problems} checks failed");
        return problems == 0 ? 0 : 1;
    }

    private static bool HasDocument(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        return zip.GetEntry("word/document.xml") is not null;
    }
}
