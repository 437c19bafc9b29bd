using System.Collections.Immutable;
using Convertify.Archive.Dates;
using Convertify.Archive.Header;
using Convertify.Archive.Html;
using Convertify.Archive.Sites;
using Convertify.Archive.Text;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Archive;

/// <summary>
/// Reads one article of the duty-machine news archive (<c>articles/&lt;site&gt;/&lt;id&gt;.md</c>): the header frame,
/// then the HTML body, parsed as a browser would (AngleSharp) and normalised into the canonical model.
/// Thread-safe: one instance may read many articles in parallel.
/// </summary>
public sealed class ArchiveArticleReader : IArticleReader
{
    private static readonly FormatInfo Info = new("archive", "duty-machine news archive article (Markdown frame + HTML body)", ".md");

    private readonly ArchiveReaderOptions _options;

    // AngleSharp does not promise thread safety, so each thread gets its own parser and fragment context, built once.
    private readonly ThreadLocal<FragmentParser> _parsers = new(() => new FragmentParser());

    /// <summary>Creates the reader.</summary>
    /// <param name="options">Limits; <see cref="ArchiveReaderOptions.Default"/> when null.</param>
    public ArchiveArticleReader(ArchiveReaderOptions? options = null)
    {
        _options = options ?? ArchiveReaderOptions.Default;
    }

    /// <inheritdoc />
    public FormatInfo Format => Info;

    /// <inheritdoc />
    public string SniffDescription => "first line <!--digits--> (the feed time)";

    /// <inheritdoc />
    public bool Sniffs(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }
        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || !content[start..].StartsWith("<!--"u8))
        {
            return false;
        }
        var rest = content[(start + 4)..];
        var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
        var line = (end < 0 ? rest : rest[..end]).TrimEnd(" \t"u8);
        if (!line.EndsWith("-->"u8))
        {
            return false;
        }
        var stamp = line[..^3].Trim(" \t"u8);
        return !stamp.IsEmpty && stamp.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    /// <inheritdoc />
    public Article Read(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = input.Path;
        var header = ArticleHeaderParser.Parse(path, input.Content.Span);
        var warnings = new WarningLog();
        if (header.TitleWasSplit)
        {
            warnings.Add("header.title-joined", "the title line was split over several lines and has been joined");
        }

        Uri.TryCreate(header.Url, UriKind.Absolute, out var articleUri);
        if (articleUri is null || articleUri.Scheme is not ("http" or "https"))
        {
            warnings.Add("header.url-invalid", $"the article URL '{header.Url}' is not an absolute http(s) URL; relative links are dropped");
            articleUri = null;
        }
        var articlePath = ArticlePath.Parse(input.FullPath ?? path);
        var knownSite = SiteCatalog.Resolve(articlePath.Folder, articleUri, articlePath.IsArchiveFolder);
        var site = knownSite ?? SiteCatalog.Unknown;

        var html = PrepareHtml(path, header.BodyHtml, warnings);
        var urls = new UrlResolver(articleUri);
        var images = new ImageResolver(urls);
        var body = _parsers.Value!.ParseLenient(html, warnings);
        var preprocessor = new BodyPreprocessor(path, _options, images, warnings);
        var stats = preprocessor.Run(body);
        var converter = new BodyConverter(path, _options, urls, images, warnings, stats);
        var blocks = BodyCleaner.Clean(converter.Convert(body), warnings);

        var published = PublishedTimeResolver.Resolve(preprocessor.Metadata.Date, header.FeedTime, site.Code, preprocessor.Metadata.InfoBoxDate);
        if (published.RawText is { } rawDate)
        {
            published = published with { RawText = XmlSafeText.Clean(rawDate) };
        }
        var related = converter.RelatedLinks.Select(r => r.Title is null ? r : r with { Title = XmlSafeText.Clean(r.Title) }).ToImmutableArray();
        var authors = preprocessor.Metadata.Authors.Select(a => XmlSafeText.Clean(a).Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var tags = preprocessor.Metadata.Tags.Select(t => XmlSafeText.Clean(t).Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var originalSource = preprocessor.Metadata.OriginalSource is { } origin && XmlSafeText.Clean(origin.Name).Trim() is { Length: > 0 } originName
            ? origin with { Name = originName }
            : null;
        var title = CleanTitle(header.Title, warnings);
        var plainText = PlainText.Of(blocks);
        var language = LanguageDetector.Detect(title, plainText);
        var metadata = new ArticleMetadata(
            // Without a site, no site part is made up: the id is the archive id alone.
            Id: knownSite is null ? articlePath.ArchiveId : knownSite.Code + "/" + articlePath.ArchiveId,
            SourcePath: path,
            Site: site,
            Title: title,
            OriginalUrl: header.Url,
            Published: published,
            FeedTime: header.FeedTime,
            Authors: authors,
            Language: language,
            Description: string.Empty,
            LeadImage: null,
            OriginalSource: originalSource,
            Tags: tags);
        return ArticleAssembler.Assemble(metadata, blocks, related, warnings.ToImmutable(), plainText);
    }

    /// <summary>Repairs glued attributes and refuses markup nested too deeply for the parser to finish in reasonable time.</summary>
    private string PrepareHtml(string path, string bodyHtml, WarningLog warnings)
    {
        var html = MarkupRepair.FixGluedAttributes(bodyHtml, out var repairs);
        if (repairs > 0)
        {
            warnings.Add("html.malformed", $"{repairs} tag(s) glued to their first attribute were separated");
        }
        var (depth, unbalanced) = MarkupDepthScanner.Scan(html, _options.MaxMarkupDepth);
        if (depth > _options.MaxMarkupDepth)
        {
            throw new ArticleFormatException(path, FormatProblem.LimitExceeded, $"the body's markup nests deeper than {_options.MaxMarkupDepth:N0} levels");
        }
        if (unbalanced > 0)
        {
            warnings.Add("html.malformed", $"{unbalanced} unclosed, misnested or stray tag(s) were read as a browser would");
        }
        return html;
    }

    private static string CleanTitle(string title, WarningLog warnings)
    {
        var cleaned = XmlSafeText.Clean(title, out var removed);
        if (removed > 0)
        {
            warnings.Add("text.control-removed", $"{removed} control character(s) removed from the title");
        }
        return cleaned.Trim();
    }
}
