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

    private readonly ArticleBodyReader _bodies;

    /// <summary>Creates the reader.</summary>
    /// <param name="options">Limits; <see cref="ArchiveReaderOptions.Default"/> when null.</param>
    public ArchiveArticleReader(ArchiveReaderOptions? options = null)
    {
        _bodies = new ArticleBodyReader(options ?? ArchiveReaderOptions.Default);
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

        var body = _bodies.Read(path, header.BodyHtml, articleUri, warnings);
        var published = PublishedTimeResolver.Resolve(body.Date, header.FeedTime, site.Code, body.InfoBoxDate);
        if (published.RawText is { } rawDate)
        {
            published = published with { RawText = XmlSafeText.Clean(rawDate) };
        }
        var title = CleanTitle(header.Title, warnings);
        var language = LanguageDetector.Detect(title, body.PlainText);
        var metadata = new ArticleMetadata(
            // Without a site, no site part is made up: the id is the archive id alone.
            Id: knownSite is null ? articlePath.ArchiveId : knownSite.Code + "/" + articlePath.ArchiveId,
            SourcePath: path,
            Site: site,
            Title: title,
            OriginalUrl: header.Url,
            Published: published,
            FeedTime: header.FeedTime,
            Authors: body.Authors,
            Language: language,
            Description: string.Empty,
            LeadImage: null,
            OriginalSource: body.OriginalSource,
            Tags: body.Tags);
        return ArticleAssembler.Assemble(metadata, body.Blocks, body.RelatedLinks, warnings.ToImmutable(), body.PlainText);
    }

    internal static string CleanTitle(string title, WarningLog warnings)
    {
        var cleaned = XmlSafeText.Clean(title, out var removed);
        if (removed > 0)
        {
            warnings.Add("text.control-removed", $"{removed} control character(s) removed from the title");
        }
        return cleaned.Trim();
    }
}
