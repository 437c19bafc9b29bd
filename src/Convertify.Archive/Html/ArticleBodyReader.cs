using System.Collections.Immutable;
using Convertify.Errors;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>
/// Turns one article's body HTML into blocks and the metadata it states: repair, HTML5 parse, the sites' passes
/// (leading metadata, info boxes, footers), conversion and cleaning. The one normalisation every reader of HTML bodies
/// (the archive's articles, a feed's items) goes through, so their outputs look alike. Thread-safe.
/// </summary>
internal sealed class ArticleBodyReader(ArchiveReaderOptions options)
{
    // AngleSharp does not promise thread safety, so each thread gets its own parser and fragment context, built once.
    private readonly ThreadLocal<FragmentParser> _parsers = new(() => new FragmentParser());

    public ArchiveReaderOptions Options { get; } = options;

    /// <summary>Reads <paramref name="bodyHtml"/>, resolving its links against <paramref name="baseUri"/>.</summary>
    /// <exception cref="ArticleFormatException">The body exceeds the reader's limits.</exception>
    public ConvertedBody Read(string path, string bodyHtml, Uri? baseUri, WarningLog warnings)
    {
        var html = PrepareHtml(path, bodyHtml, warnings);
        var urls = new UrlResolver(baseUri);
        var images = new ImageResolver(urls);
        var body = _parsers.Value!.ParseLenient(html, warnings);
        var preprocessor = new BodyPreprocessor(path, Options, images, warnings);
        var stats = preprocessor.Run(body);
        var converter = new BodyConverter(path, Options, urls, images, warnings, stats, preprocessor.Boilerplate);
        var blocks = BodyCleaner.Clean(converter.Convert(body), warnings);

        var found = preprocessor.Metadata;
        var related = converter.RelatedLinks.Select(r => r.Title is null ? r : r with { Title = XmlSafeText.Clean(r.Title) }).ToImmutableArray();
        var authors = found.Authors.Select(a => XmlSafeText.Clean(a).Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var tags = found.Tags.Select(t => XmlSafeText.Clean(t).Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var originalSource = found.OriginalSource is { } origin && XmlSafeText.Clean(origin.Name).Trim() is { Length: > 0 } originName
            ? origin with { Name = originName }
            : null;
        return new ConvertedBody(blocks, related, PlainText.Of(blocks), found.Date, found.InfoBoxDate, authors, tags, originalSource);
    }

    /// <summary>Repairs glued attributes and refuses markup nested too deeply for the parser to finish in reasonable time.</summary>
    private string PrepareHtml(string path, string bodyHtml, WarningLog warnings)
    {
        var html = MarkupRepair.FixGluedAttributes(bodyHtml, out var repairs);
        if (repairs > 0)
        {
            warnings.Add("html.malformed", $"{repairs} tag(s) glued to their first attribute were separated");
        }
        var (depth, unbalanced) = MarkupDepthScanner.Scan(html, Options.MaxMarkupDepth);
        if (depth > Options.MaxMarkupDepth)
        {
            throw new ArticleFormatException(path, FormatProblem.LimitExceeded, $"the body's markup nests deeper than {Options.MaxMarkupDepth:N0} levels");
        }
        if (unbalanced > 0)
        {
            warnings.Add("html.malformed", $"{unbalanced} unclosed, misnested or stray tag(s) were read as a browser would");
        }
        return html;
    }
}
