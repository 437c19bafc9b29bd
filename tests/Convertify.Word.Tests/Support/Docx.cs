using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Convertify.Model;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Convertify.Word.Tests.Support;

/// <summary>Writes articles to bytes and reads parts back.</summary>
internal static class Docx
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace Rel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static byte[] Write(Article article, WordWriterOptions? options = null)
    {
        using var writer = new WordArticleWriter(options);
        using var stream = new MemoryStream();
        writer.Write(article, stream);
        return stream.ToArray();
    }

    public static string PartText(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException("no part " + name);
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static XDocument Part(byte[] docx, string name) => XDocument.Parse(PartText(docx, name));

    public static IReadOnlyList<string> EntryNames(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>Validation errors the Open XML SDK reports, one line each.</summary>
    public static List<string> ValidationErrors(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var validator = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019);
        return validator.Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>The paragraphs of the body as (style, text); tabs and breaks become \t and \n.</summary>
    public static List<(string Style, string Text)> Paragraphs(byte[] docx) =>
        Part(docx, "word/document.xml").Descendants(W + "p").Select(p =>
            ((string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val") ?? "", TextOf(p))).ToList();

    public static string TextOf(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var e in element.Descendants())
        {
            if (e.Name == W + "t") builder.Append(e.Value);
            else if (e.Name == W + "br") builder.Append('\n');
            else if (e.Name == W + "tab") builder.Append('\t');
        }
        return builder.ToString();
    }

    /// <summary>The whole body text, paragraphs separated by newlines.</summary>
    public static string BodyText(byte[] docx) =>
        string.Join("\n", Part(docx, "word/document.xml").Descendants(W + "p").Select(TextOf));

    public static Dictionary<string, XElement> Relationships(byte[] docx) =>
        Part(docx, "word/_rels/document.xml.rels").Root!.Elements(Rel + "Relationship").ToDictionary(e => (string)e.Attribute("Id")!);
}
