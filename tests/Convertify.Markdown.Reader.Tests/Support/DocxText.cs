using Convertify.Model;
using Convertify.Word;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Markdown.Reader.Tests.Support;

/// <summary>The paragraph texts of an article's .docx, read back with the Open XML SDK.</summary>
internal static class DocxText
{
    private static readonly WordArticleWriter Writer = new();

    public static IReadOnlyList<string> Paragraphs(Article article)
    {
        using var stream = new MemoryStream();
        Writer.Write(article, stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        return [.. body.Descendants<W.Paragraph>().Select(p => p.InnerText)];
    }
}
