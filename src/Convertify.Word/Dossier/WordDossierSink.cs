using System.Globalization;
using System.Text;
using System.Xml;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Packaging;
using Convertify.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Convertify.Word;

/// <summary>
/// One dossier being written: each article is rendered as it is added and spooled to a scratch file; <see cref="Complete"/>
/// writes the package: cover, contents, the articles in the chosen order, notes.
/// </summary>
internal sealed class WordDossierSink : IArticleSink
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly (string Prefix, string Uri)[] Namespaces =
    [
        ("w", WordNs),
        ("r", RelationshipsNs),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ];

    private static readonly XmlWriterSettings FragmentSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
        CheckCharacters = true,
        ConformanceLevel = ConformanceLevel.Fragment,
    };

    private readonly Stream _output;
    private readonly DossierOptions _options;
    private readonly WordWriterOptions _wordOptions;
    private readonly ImageStore? _images;
    private readonly ArticleSpool _spool = new();
    private readonly PartRelationships _relationships = new();
    private readonly NumberingPart _numbering = new();
    private readonly string _headerId;
    private readonly List<DossierEntry> _entries = [];
    private readonly Dictionary<string, string> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byContent = new(StringComparer.Ordinal);
    private readonly List<string> _leftOut = [];
    private readonly Dictionary<string, int> _languages = new(StringComparer.Ordinal);
    private readonly MemoryStream _buffer = new();
    private int _media;
    private uint _drawings;
    private bool _completed;

    public WordDossierSink(Stream output, DossierOptions options, WordWriterOptions wordOptions, ImageStore? images)
    {
        _output = output;
        _options = options;
        _wordOptions = wordOptions;
        _images = images;
        _headerId = _relationships.Part(PartRelationships.HeaderType, "header1.xml");
    }

    public void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ObjectDisposedException.ThrowIf(_completed, this);
        var m = article.Metadata;
        var url = (m.OriginalUrl ?? string.Empty).Trim();
        var hash = article.Statistics.Characters > 0 ? article.Statistics.ContentHash ?? string.Empty : string.Empty;
        if (url.Length > 0 && _byUrl.TryGetValue(url, out var sameUrl))
        {
            _leftOut.Add($"{m.Id} “{Clean(m.Title)}”: the same original URL as {sameUrl}");
            return;
        }
        if (hash.Length > 0 && _byContent.TryGetValue(hash, out var sameContent))
        {
            _leftOut.Add($"{m.Id} “{Clean(m.Title)}”: the same text as {sameContent}");
            return;
        }
        if (url.Length > 0)
        {
            _byUrl.Add(url, m.Id);
        }
        if (hash.Length > 0)
        {
            _byContent.Add(hash, m.Id);
        }

        var profile = LanguageProfile.For(m.Language);
        _languages[m.Language ?? string.Empty] = _languages.GetValueOrDefault(m.Language ?? string.Empty) + 1;
        var resolver = new ImageResolver(_wordOptions, _images);
        resolver.Prefetch(BlockWalker.Figures(article.Body).Select(f => f.ImageUrl));
        var builder = new DocumentBuilder(article, profile, resolver, _relationships, _numbering, _media, _drawings);
        var bookmark = "_Toc" + (_entries.Count + 1).ToString(CultureInfo.InvariantCulture);
        var heading = Heading(m.Title, bookmark, _entries.Count + 1);
        var metadata = MetadataLine(m, profile);
        var body = builder.BuildBody();
        DossierRuns.Adapt([heading, metadata], profile, _wordOptions.EastAsianFont, shiftHeadings: false);
        DossierRuns.Adapt(body, profile, _wordOptions.EastAsianFont, shiftHeadings: true);
        var xml = _spool.Append(Render([heading, metadata, .. body]));

        var media = new List<(string, ArticleSpool.Segment)>(builder.Media.Count);
        foreach (var (target, image) in builder.Media)
        {
            media.Add((target, _spool.Append(image.Data)));
        }
        _media += builder.Media.Count;
        _drawings = builder.LastDrawingId;
        var warnings = new List<ConversionWarning>(article.Warnings.IsDefault ? [] : article.Warnings);
        warnings.AddRange(builder.Warnings);
        if (_wordOptions.Warn is { } warn)
        {
            builder.Warnings.ForEach(warn);
        }
        _entries.Add(new DossierEntry(_entries.Count, m.Id, m.Title, m.Site, m.Published.Value, bookmark, xml, media, warnings));
    }

    public void AddFailure(string sourcePath, string message)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _leftOut.Add($"{sourcePath}: {message}");
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        var ordered = Order(_entries, _options.Order);
        var sites = string.Join(", ", _entries.Select(e => e.Site).DistinctBy(s => s.Code).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => string.IsNullOrWhiteSpace(s.DisplayName) ? s.Code : s.DisplayName));
        var first = _entries.Count == 0 ? (DateTimeOffset?)null : _entries.MinBy(e => e.Published.UtcDateTime)!.Published;
        var last = _entries.Count == 0 ? (DateTimeOffset?)null : _entries.MaxBy(e => e.Published.UtcDateTime)!.Published;
        var dates = first is { } f && last is { } l ? $"{Day(f)} – {Day(l)}" : string.Empty;
        var title = Clean(string.IsNullOrWhiteSpace(_options.Title)
            ? (_entries.Count == 0 ? "Dossier" : $"Dossier: {sites}, {dates}")
            : _options.Title.Trim());
        var created = _options.Created ?? last ?? PackageZipWriter.DefaultEntryTime;
        // Most articles' language gives the style sheet's defaults; every run states its own language anyway.
        var language = _languages.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault();
        var parts = StaticParts.For(LanguageProfile.For(language), _wordOptions.EastAsianFont);

        using var zip = new PackageZipWriter(_output);
        zip.Add("[Content_Types].xml", DossierParts.ContentTypes);
        zip.Add("_rels/.rels", DossierParts.PackageRelationships);
        using (var stream = zip.Open("word/document.xml"))
        using (var writer = XmlWriter.Create(stream, DossierParts.XmlSettings))
        {
            WriteDocument(writer, ordered, title, sites, dates);
        }
        zip.AddXml("word/_rels/document.xml.rels", DossierParts.XmlSettings, w => DocxPackage.WriteRelationships(w, _relationships));
        zip.Add("word/styles.xml", DossierParts.Styles(parts));
        zip.Add("word/numbering.xml", _numbering.ToBytes());
        zip.Add("word/settings.xml", DossierParts.Settings(parts));
        zip.Add("word/fontTable.xml", parts.FontTable);
        zip.AddXml("word/header1.xml", DossierParts.XmlSettings, w => DossierParts.WriteHeader(w, title));
        zip.Add("word/footer1.xml", DossierParts.Footer);
        foreach (var entry in _entries)
        {
            foreach (var (target, data) in entry.Media)
            {
                zip.Add("word/" + target, _spool.Read(data), System.IO.Compression.CompressionLevel.NoCompression);
            }
        }
        zip.AddXml("docProps/core.xml", DossierParts.XmlSettings, w => DossierParts.WriteCoreProperties(w, title, sites, created));
        zip.Add("docProps/app.xml", DossierParts.AppProperties);
    }

    public void Dispose() => _spool.Dispose();

    private static List<DossierEntry> Order(List<DossierEntry> entries, DossierOrder order) => order switch
    {
        DossierOrder.Input => [.. entries],
        DossierOrder.Site => [.. entries.OrderBy(e => e.Site.Code, StringComparer.Ordinal).ThenBy(e => e.Published.UtcDateTime)
            .ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Index)],
        _ => [.. entries.OrderBy(e => e.Published.UtcDateTime).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Index)],
    };

    private void WriteDocument(XmlWriter writer, List<DossierEntry> ordered, string title, string sites, string dates)
    {
        writer.WriteStartDocument(true);
        writer.WriteStartElement("w", "document", WordNs);
        foreach (var (prefix, uri) in Namespaces.Skip(1))
        {
            writer.WriteAttributeString("xmlns", prefix, null, uri);
        }
        writer.WriteStartElement("w", "body", WordNs);
        foreach (var element in Cover(title, sites, dates))
        {
            element.WriteTo(writer);
        }
        foreach (var element in Contents(ordered))
        {
            element.WriteTo(writer);
        }
        foreach (var entry in ordered)
        {
            writer.WriteRaw(Encoding.UTF8.GetString(_spool.Read(entry.Xml)));
        }
        foreach (var element in Notes())
        {
            element.WriteTo(writer);
        }
        new W.SectionProperties(
            new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = _headerId },
            new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = PartRelationships.FooterId },
            new W.PageSize { Width = 11906U, Height = 16838U },
            new W.PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U },
            // The cover is a first page of its own: no running header or page number on it.
            new W.TitlePage())
            .WriteTo(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private IEnumerable<OpenXmlElement> Cover(string title, string sites, string dates)
    {
        yield return Text(StyleIds.Title, title);
        yield return Text(StyleIds.Subtitle, _entries.Count == 1 ? "1 article" : $"{_entries.Count.ToString(CultureInfo.InvariantCulture)} articles");
        if (sites.Length > 0)
        {
            yield return Text(StyleIds.Subtitle, "Sites: " + sites);
        }
        if (dates.Length > 0)
        {
            yield return Text(StyleIds.Subtitle, "Dates: " + dates);
        }
    }

    // A TOC field whose result is already filled in: one linked entry per article, its page number left to Word's update.
    private static IEnumerable<OpenXmlElement> Contents(List<DossierEntry> ordered)
    {
        var heading = Text(DossierParts.TocHeadingStyle, "Contents");
        heading.ParagraphProperties!.AppendChild(new W.PageBreakBefore());
        yield return heading;
        var paragraph = TocParagraph();
        paragraph.Append(
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
            new W.Run(new W.FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }));
        foreach (var entry in ordered)
        {
            paragraph.AppendChild(new W.Hyperlink(
                new W.Run(new W.Text(Clean(entry.Title)) { Space = SpaceProcessingModeValues.Preserve }),
                new W.Run(new W.TabChar()),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
                new W.Run(new W.FieldCode($" PAGEREF {entry.Bookmark} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
                new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }))
            { Anchor = entry.Bookmark, History = true });
            yield return paragraph;
            paragraph = TocParagraph();
        }
        paragraph.AppendChild(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }));
        yield return paragraph;

        static W.Paragraph TocParagraph() => new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = DossierParts.TocStyle }));
    }

    private IEnumerable<OpenXmlElement> Notes()
    {
        var heading = Text(DossierParts.TocHeadingStyle, "Notes");
        heading.ParagraphProperties!.AppendChild(new W.PageBreakBefore());
        yield return heading;
        yield return Text(StyleIds.Heading(2), "Left out");
        if (_leftOut.Count == 0)
        {
            yield return Text(StyleIds.BodyText, "Nothing was left out.");
        }
        foreach (var line in _leftOut)
        {
            yield return Bullet(line);
        }
        yield return Text(StyleIds.Heading(2), "Warnings");
        var any = false;
        foreach (var entry in _entries.Where(e => e.Warnings.Count > 0))
        {
            any = true;
            yield return Text(StyleIds.BodyText, $"{entry.Id} “{Clean(entry.Title)}”");
            foreach (var warning in entry.Warnings)
            {
                yield return Bullet(warning.ToString());
            }
        }
        if (!any)
        {
            yield return Text(StyleIds.BodyText, "No article had warnings.");
        }

        static W.Paragraph Bullet(string text)
        {
            var paragraph = new W.Paragraph(new W.ParagraphProperties(
                new W.ParagraphStyleId { Val = StyleIds.ListParagraph },
                new W.NumberingProperties(new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = NumberingPart.BulletNumberingId })));
            paragraph.AppendChild(new W.Run(new W.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
            return paragraph;
        }
    }

    private static W.Paragraph Heading(string title, string bookmark, int id)
    {
        var number = id.ToString(CultureInfo.InvariantCulture);
        return new W.Paragraph(
            new W.ParagraphProperties(new W.ParagraphStyleId { Val = StyleIds.Heading(1) }, new W.PageBreakBefore()),
            new W.BookmarkStart { Id = number, Name = bookmark },
            new W.Run(new W.Text(Clean(title)) { Space = SpaceProcessingModeValues.Preserve }),
            new W.BookmarkEnd { Id = number });
    }

    // source · date with zone · authors · original link · archive id
    private W.Paragraph MetadataLine(ArticleMetadata m, LanguageProfile profile)
    {
        var inlines = new InlineWriter(_relationships, profile.IsCjk);
        var paragraph = new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = StyleIds.Metadata }));
        var parts = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(m.Site.DisplayName))
        {
            parts.Add(m.Site.DisplayName);
        }
        parts.Add(profile.FormatPublished(m.Published));
        var authors = m.Authors.IsDefault ? [] : m.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray();
        if (authors.Length > 0)
        {
            parts.Add(string.Join(profile.IsCjk ? "、" : ", ", authors));
        }
        inlines.AppendText(paragraph, string.Join(LanguageProfile.SubtitleSeparator, parts) + LanguageProfile.SubtitleSeparator);
        if (!string.IsNullOrWhiteSpace(m.OriginalUrl))
        {
            inlines.AppendLink(paragraph, m.OriginalUrl, profile.SourceLabel.TrimEnd(' ', ':', '：'));
            inlines.AppendText(paragraph, LanguageProfile.SubtitleSeparator);
        }
        inlines.AppendText(paragraph, profile.IdLabel + m.Id);
        return paragraph;
    }

    private static W.Paragraph Text(string style, string text)
    {
        var paragraph = new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        paragraph.AppendChild(new W.Run(new W.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>The elements' XML without namespace declarations: they are written inside the document's root, which declares them.</summary>
    private byte[] Render(IEnumerable<OpenXmlElement> elements)
    {
        _buffer.SetLength(0);
        using var writer = XmlWriter.Create(_buffer, FragmentSettings);
        writer.WriteStartElement("w", "body", WordNs);
        foreach (var (prefix, uri) in Namespaces.Skip(1))
        {
            writer.WriteAttributeString("xmlns", prefix, null, uri);
        }
        writer.WriteRaw(string.Empty);
        writer.Flush();
        var start = (int)_buffer.Length;
        foreach (var element in elements)
        {
            element.WriteTo(writer);
        }
        writer.Flush();
        return _buffer.GetBuffer().AsSpan(start, (int)_buffer.Length - start).ToArray();
    }

    private static string Day(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clean(string? text) => XmlSafeText.Clean(text ?? string.Empty);
}
