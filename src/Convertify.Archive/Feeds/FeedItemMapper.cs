using System.Collections.Immutable;
using System.Xml.Linq;
using Convertify.Archive.Html;
using Convertify.Archive.Sites;
using Convertify.Archive.Text;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Archive.Feeds;

/// <summary>
/// Maps one feed item (RSS 2.0 <c>item</c>, Atom <c>entry</c>, RSS 1.0 <c>item</c>) to an article; the body goes through
/// the archive's HTML normalisation (<see cref="ArticleBodyReader"/>).
/// </summary>
internal sealed class FeedItemMapper(ArticleBodyReader bodies)
{
    public Article Map(string path, FeedItem item, FeedSlugRegistry slugs)
    {
        var e = item.Element;
        var dialect = item.Channel.Dialect;
        var native = FeedNames.Native(dialect);
        var atom = dialect == FeedDialect.Atom;
        var warnings = new WarningLog();

        var link = Link(e, native, atom, item);
        var identity = Identity(e, native, atom) ?? link?.AbsoluteUri;
        var published = Published(e, native, warnings);

        // An Atom content with src= lies elsewhere: the summary stands in for it.
        var bodyElement = e.Element(FeedNames.Content + "encoded") ?? e.Elements(native + "content").FirstOrDefault(c => c.Attribute("src") is null)
            ?? e.Element(native + "description") ?? e.Element(native + "summary") ?? e.Element(FeedNames.Dc + "description");
        var bodyHtml = bodyElement is null ? string.Empty : FeedText.BodyHtml(bodyElement, atom && bodyElement.Name.Namespace == FeedNames.Atom);
        if (bodyElement is null)
        {
            warnings.Add("feed.body-missing", "the item has no content, description or summary");
        }
        // Links in the body resolve against the xml:base in scope, else the item's link (as the archive's do), else the channel's.
        var bodyBase = XmlBase.At(bodyElement ?? e, item.Base) ?? link ?? item.Channel.Link;
        var slug = slugs.Claim(FeedSlug.Of(identity ?? FeedText.Plain(e.Value)));
        var sourcePath = path + "#" + slug;
        var body = bodies.Read(sourcePath, bodyHtml, bodyBase, warnings);

        var blocks = body.Blocks;
        var plainText = body.PlainText;
        if (!BlockWalker.Figures(blocks).Any() && LeadImage(e, native, item.Base) is { } image)
        {
            blocks = blocks.Insert(0, new FigureBlock(image, string.Empty, string.Empty, string.Empty));
            plainText = PlainText.Of(blocks);
        }
        if (link is null)
        {
            warnings.Add("feed.link-missing", "the item has no usable link; it has no original URL");
        }

        var title = Title(e, native, body.PlainText, warnings);
        var site = Site(item.Channel.Link, link);
        var metadata = new ArticleMetadata(
            Id: site.Code + "/" + slug,
            SourcePath: sourcePath,
            Site: site,
            Title: title,
            OriginalUrl: link?.AbsoluteUri ?? string.Empty,
            Published: published,
            FeedTime: published.Value,
            Authors: Authors(e, native, item.Channel, body),
            Language: LanguageDetector.Detect(title, plainText),
            Description: string.Empty,
            LeadImage: null,
            OriginalSource: body.OriginalSource,
            Tags: Tags(e, native, atom, body));
        return ArticleAssembler.Assemble(metadata, blocks, body.RelatedLinks, warnings.ToImmutable(), plainText);
    }

    private static string Title(XElement e, XNamespace native, string bodyText, WarningLog warnings)
    {
        var element = e.Element(native + "title") ?? e.Element(FeedNames.Dc + "title");
        var title = element is null ? string.Empty : ArchiveArticleReader.CleanTitle(FeedText.PlainTitle(element), warnings);
        if (title.Length > 0)
        {
            return title;
        }
        warnings.Add("feed.title-missing", "the item has no title; the start of its text stands in");
        var line = bodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return line.Length > 80 ? line[..80].TrimEnd() : line;
    }

    /// <summary>RSS <c>link</c> (else a permalink <c>guid</c>), Atom's alternate <c>link</c>, RDF <c>link</c> (else <c>rdf:about</c>), made absolute.</summary>
    private static Uri? Link(XElement e, XNamespace native, bool atom, FeedItem item)
    {
        if (atom)
        {
            var alternate = e.Elements(native + "link").FirstOrDefault(FeedText.IsAlternate);
            return alternate is null ? null : XmlBase.Resolve(XmlBase.At(alternate, item.Base) ?? item.Channel.Link, alternate.Attribute("href")?.Value);
        }
        if (e.Element(native + "link") is { } link && XmlBase.Resolve(XmlBase.At(link, item.Base) ?? item.Channel.Link, link.Value) is { } resolved)
        {
            return resolved;
        }
        if (e.Element(native + "guid") is { } guid && guid.Attribute("isPermaLink")?.Value.Trim() != "false")
        {
            return XmlBase.Resolve(XmlBase.At(guid, item.Base) ?? item.Channel.Link, guid.Value);
        }
        return XmlBase.Resolve(null, e.Attribute(FeedNames.Rdf + "about")?.Value);
    }

    private static string? Identity(XElement e, XNamespace native, bool atom)
    {
        var id = (atom ? e.Element(native + "id") : e.Element(native + "guid"))?.Value.Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>The first date that parses of <c>pubDate</c>, Atom <c>published</c> then <c>updated</c>, <c>dc:date</c>; else the epoch, as unknown.</summary>
    private static PublishedTime Published(XElement e, XNamespace native, WarningLog warnings)
    {
        var candidates = new[] { e.Element(native + "pubDate"), e.Element(FeedNames.Atom + "published"), e.Element(FeedNames.Atom + "updated"), e.Element(FeedNames.Dc + "date") };
        foreach (var candidate in candidates)
        {
            if (candidate is null)
            {
                continue;
            }
            var raw = FeedText.Plain(candidate.Value);
            if (Iso8601Date.TryParse(raw, out var value, out var precision) || Rfc822Date.TryParse(raw, out value, out precision))
            {
                return new PublishedTime(value, DateSource.FeedItem, precision, XmlSafeText.Clean(raw));
            }
            warnings.Add("feed.date-invalid", $"the item's <{candidate.Name.LocalName}> '{XmlSafeText.Clean(raw)}' is not a date");
        }
        warnings.Add("feed.date-missing", "the item states no date; the published time is unknown (shown as 1970-01-01)");
        return new PublishedTime(DateTimeOffset.UnixEpoch, DateSource.Unknown, DatePrecision.Day, null);
    }

    private static ImmutableArray<string> Authors(XElement e, XNamespace native, FeedChannel channel, ConvertedBody body)
    {
        var names = new List<string>();
        names.AddRange(e.Elements(FeedNames.None + "author").Select(a => FeedText.AuthorName(a.Value)));
        names.AddRange(e.Elements(FeedNames.Dc + "creator").Select(c => FeedText.Plain(c.Value)));
        names.AddRange(e.Elements(FeedNames.Atom + "author").Select(a => FeedText.Plain(a.Element(FeedNames.Atom + "name")?.Value)));
        if (names.All(n => n.Length == 0) && native == FeedNames.Atom)
        {
            names.AddRange(channel.Authors);
        }
        var cleaned = names.Select(n => XmlSafeText.Clean(n).Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return cleaned.IsEmpty ? body.Authors : cleaned;
    }

    private static ImmutableArray<string> Tags(XElement e, XNamespace native, bool atom, ConvertedBody body)
    {
        var tags = atom
            ? e.Elements(native + "category").Select(c => c.Attribute("label")?.Value is { Length: > 0 } label ? label : c.Attribute("term")?.Value)
            : e.Elements(native + "category").Select(c => c.Value);
        return tags.Concat(e.Elements(FeedNames.Dc + "subject").Select(s => s.Value))
            .Select(t => XmlSafeText.Clean(FeedText.Plain(t)))
            .Concat(body.Tags)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>An image <c>enclosure</c> (RSS, or Atom <c>link rel="enclosure"</c>), <c>media:content</c>, then <c>media:thumbnail</c>.</summary>
    private static string? LeadImage(XElement e, XNamespace native, Uri? outer)
    {
        var media = e.Elements().Concat(e.Elements(FeedNames.Media + "group").Elements()).ToList();
        var candidates = media.Where(m => m.Name == native + "enclosure" && IsImageType(m))
            .Select(m => (m, m.Attribute("url")?.Value))
            .Concat(media.Where(m => m.Name == FeedNames.Atom + "link" && m.Attribute("rel")?.Value == "enclosure" && IsImageType(m)).Select(m => (m, m.Attribute("href")?.Value)))
            .Concat(media.Where(m => m.Name == FeedNames.Media + "content" && (m.Attribute("medium")?.Value == "image" || IsImageType(m))).Select(m => (m, m.Attribute("url")?.Value)))
            .Concat(media.Where(m => m.Name == FeedNames.Media + "thumbnail").Select(m => (m, m.Attribute("url")?.Value)));
        foreach (var (element, url) in candidates)
        {
            if (XmlBase.Resolve(XmlBase.At(element, outer), url) is { } resolved)
            {
                return ImageUrls.Unwrap(resolved.AbsoluteUri);
            }
        }
        return null;
    }

    private static bool IsImageType(XElement element) =>
        element.Attribute("type")?.Value.Trim().StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The known site of the channel's link host, else of the item's; else a site named after the host (without <c>www.</c>).</summary>
    private static SiteInfo Site(Uri? channelLink, Uri? itemLink)
    {
        var known = SiteCatalog.FromHost(channelLink?.Host) ?? SiteCatalog.FromHost(itemLink?.Host);
        if (known is not null)
        {
            return known;
        }
        var host = (channelLink ?? itemLink)?.Host.ToLowerInvariant();
        if (string.IsNullOrEmpty(host))
        {
            return SiteCatalog.Unknown;
        }
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return new SiteInfo(host, host);
    }
}
