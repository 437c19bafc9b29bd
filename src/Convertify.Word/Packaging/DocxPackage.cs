using System.IO.Compression;
using System.Text;
using System.Xml;
using Convertify.Json;
using Convertify.Model;
using Convertify.Packaging;
using Convertify.Text;

namespace Convertify.Word;

/// <summary>
/// Writes the .docx package through <see cref="PackageZipWriter"/>: a fixed entry order and a fixed entry time
/// (1980-01-01), so the same article always gives the same bytes.
/// </summary>
internal static class DocxPackage
{
    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        CheckCharacters = true,
    };

    private const string ContentTypes = """
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>
""";

    private const string PackageRelationships = """
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>
""";

    private const string AppProperties = """
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Convertify</Application><DocSecurity>0</DocSecurity></Properties>
""";

    // The page number, centred, as a PAGE field.
    private const string Footer = """
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
""";

    private const CompressionLevel Stored = CompressionLevel.NoCompression;

    private static readonly byte[] FooterBytes = Encoding.UTF8.GetBytes(Footer);
    private static readonly byte[] ContentTypesBytes = Encoding.UTF8.GetBytes(ContentTypes);
    private static readonly byte[] PackageRelationshipsBytes = Encoding.UTF8.GetBytes(PackageRelationships);
    private static readonly byte[] AppPropertiesBytes = Encoding.UTF8.GetBytes(AppProperties);

    /// <summary>Writes the package of a built document to <paramref name="output"/> (left open).</summary>
    /// <remarks>
    /// Only the document, the style sheet, the numbering and the content types are deflated. The other parts (relationships,
    /// properties, settings, font table, footer) are stored: each deflated entry sets up a zlib stream, which costs about
    /// as much as deflating a part of a kilobyte, to save a few hundred bytes on each of these. Images are compressed already.
    /// </remarks>
    public static void Write(Stream output, Article article, DocumentFormat.OpenXml.Wordprocessing.Document document,
        DocumentBuilder builder, StaticParts.Rendered parts)
    {
        using var zip = new PackageZipWriter(output);
        zip.Add("[Content_Types].xml", ContentTypesBytes);
        zip.Add("_rels/.rels", PackageRelationshipsBytes, Stored);
        zip.AddXml("word/document.xml", XmlSettings, writer =>
        {
            writer.WriteStartDocument(true);
            document.WriteTo(writer);
        });
        zip.AddXml("word/_rels/document.xml.rels", XmlSettings, writer => WriteRelationships(writer, builder.Relationships), Stored);
        zip.Add("word/styles.xml", parts.Styles);
        zip.Add("word/numbering.xml", builder.Numbering.ToBytes());
        zip.Add("word/settings.xml", parts.Settings, Stored);
        zip.Add("word/fontTable.xml", parts.FontTable, Stored);
        zip.Add("word/footer1.xml", FooterBytes, Stored);
        foreach (var (target, image) in builder.Media)
        {
            zip.Add("word/" + target, image.Data, Stored);
        }
        zip.AddXml("docProps/core.xml", XmlSettings, writer => WriteCoreProperties(writer, article), Stored);
        zip.Add("docProps/app.xml", AppPropertiesBytes, Stored);
        zip.AddXml("docProps/custom.xml", XmlSettings, writer => WriteCustomProperties(writer, article), Stored);
    }

    internal static void WriteRelationships(XmlWriter writer, PartRelationships relationships)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        writer.WriteStartDocument(true);
        writer.WriteStartElement("Relationships", ns);
        foreach (var r in relationships.All)
        {
            writer.WriteStartElement("Relationship", ns);
            writer.WriteAttributeString("Id", r.Id);
            writer.WriteAttributeString("Type", r.Type);
            writer.WriteAttributeString("Target", r.Target);
            if (r.External)
            {
                writer.WriteAttributeString("TargetMode", "External");
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteCoreProperties(XmlWriter writer, Article article)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var m = article.Metadata;
        writer.WriteStartDocument(true);
        writer.WriteStartElement("cp", "coreProperties", cp);
        writer.WriteAttributeString("xmlns", "dc", null, dc);
        writer.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        writer.WriteAttributeString("xmlns", "dcmitype", null, "http://purl.org/dc/dcmitype/");
        writer.WriteAttributeString("xmlns", "xsi", null, xsi);
        writer.WriteElementString("dc", "title", dc, Clean(m.Title));
        writer.WriteElementString("dc", "creator", dc, Clean(m.Site.DisplayName));
        // The topic tags when the archive gives some (Word's "Tags", python-docx's core_properties.keywords), else the site.
        var tags = m.Tags.IsDefaultOrEmpty ? [] : m.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        writer.WriteElementString("cp", "keywords", cp, Clean(tags.Length > 0 ? string.Join("; ", tags) : m.Site.DisplayName));
        writer.WriteElementString("dc", "description", dc, Clean(m.Description));
        writer.WriteElementString("dc", "identifier", dc, Clean(m.Id));
        writer.WriteElementString("dc", "language", dc, Clean(m.Language));
        var created = m.Published.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        WriteDate(writer, "created", created);
        WriteDate(writer, "modified", created);
        writer.WriteEndElement();
        writer.WriteEndDocument();

        static void WriteDate(XmlWriter writer, string name, string value)
        {
            writer.WriteStartElement("dcterms", name, dcterms);
            writer.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
            writer.WriteString(value);
            writer.WriteEndElement();
        }
    }

    private static void WriteCustomProperties(XmlWriter writer, Article article)
    {
        const string ns = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
        const string vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
        var m = article.Metadata;
        writer.WriteStartDocument(true);
        writer.WriteStartElement("Properties", ns);
        writer.WriteAttributeString("xmlns", "vt", null, vt);
        (string Name, string Value)[] properties =
        [
            ("original_url", m.OriginalUrl),
            ("site", m.Site.Code),
            ("id", m.Id),
            ("feed_time", ArticleJsonWriter.FormatTime(m.FeedTime)),
            ("published", ArticleJsonWriter.FormatTime(m.Published.Value)),
        ];
        var pid = 2;
        foreach (var (name, value) in properties)
        {
            writer.WriteStartElement("property", ns);
            writer.WriteAttributeString("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
            writer.WriteAttributeString("pid", (pid++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteAttributeString("name", name);
            writer.WriteElementString("vt", "lpwstr", vt, Clean(value));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static string Clean(string? text) => XmlSafeText.Clean(text ?? string.Empty);
}
