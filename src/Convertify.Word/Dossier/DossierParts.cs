using System.Globalization;
using System.Text;
using System.Xml;
using Convertify.Text;

namespace Convertify.Word;

/// <summary>The parts a dossier has beyond a single article's: its styles and settings, the header and footer, the properties.</summary>
internal static class DossierParts
{
    public const string TocStyle = "TOC1";
    public const string TocHeadingStyle = "TOCHeading";
    public const string HeaderStyle = "Header";

    public static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        CheckCharacters = true,
    };

    public static readonly byte[] ContentTypes = Encoding.UTF8.GetBytes("""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
""");

    public static readonly byte[] PackageRelationships = Encoding.UTF8.GetBytes("""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
""");

    public static readonly byte[] AppProperties = Encoding.UTF8.GetBytes("""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Convertify</Application><DocSecurity>0</DocSecurity></Properties>
""");

    // "Page X of Y": the PAGE and NUMPAGES fields.
    public static readonly byte[] Footer = Encoding.UTF8.GetBytes("""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
""");

    private const string ExtraStyles = """<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs><w:spacing w:after="100"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/></w:pPr><w:rPr><w:color w:val="6B7280"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style></w:styles>""";

    /// <summary>The single article's style sheet plus the table of contents and header styles.</summary>
    public static byte[] Styles(StaticParts.Rendered parts) => Splice(parts.Styles, "</w:styles>", ExtraStyles);

    /// <summary>The single article's settings, marked so that Word updates the fields (the contents' page numbers) on opening.</summary>
    public static byte[] Settings(StaticParts.Rendered parts) =>
        Splice(parts.Settings, "<w:compat>", """<w:updateFields w:val="true"/><w:compat>""");

    private static byte[] Splice(byte[] part, string marker, string replacement)
    {
        var text = Encoding.UTF8.GetString(part);
        var at = text.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("The part has no " + marker);
        }
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + marker.Length)));
    }

    /// <summary>The header: the dossier's title, right-aligned.</summary>
    public static void WriteHeader(XmlWriter writer, string title)
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        writer.WriteStartDocument(true);
        writer.WriteStartElement("w", "hdr", w);
        writer.WriteStartElement("w", "p", w);
        writer.WriteStartElement("w", "pPr", w);
        writer.WriteStartElement("w", "pStyle", w);
        writer.WriteAttributeString("w", "val", w, HeaderStyle);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement("w", "r", w);
        writer.WriteStartElement("w", "t", w);
        writer.WriteAttributeString("xml", "space", null, "preserve");
        writer.WriteString(XmlSafeText.Clean(title));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>The core properties: the title, the sites as keywords, and the creation time.</summary>
    public static void WriteCoreProperties(XmlWriter writer, string title, string sites, DateTimeOffset created)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        writer.WriteStartDocument(true);
        writer.WriteStartElement("cp", "coreProperties", cp);
        writer.WriteAttributeString("xmlns", "dc", null, dc);
        writer.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        writer.WriteAttributeString("xmlns", "xsi", null, xsi);
        writer.WriteElementString("dc", "title", dc, XmlSafeText.Clean(title));
        writer.WriteElementString("dc", "creator", dc, "Convertify");
        writer.WriteElementString("cp", "keywords", cp, XmlSafeText.Clean(sites));
        var time = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var name in new[] { "created", "modified" })
        {
            writer.WriteStartElement("dcterms", name, dcterms);
            writer.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
            writer.WriteString(time);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
