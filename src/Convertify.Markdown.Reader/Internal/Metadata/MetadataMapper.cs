using System.Collections.Immutable;
using Convertify.Markdown.Reader.Internal.FrontMatter;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Markdown.Reader.Internal.Metadata;

/// <summary>
/// Maps front matter keys to article metadata: the keys Convertify's writer writes (read back exactly), and the usual
/// Hugo/Jekyll ones (<c>title</c>, <c>date</c>, <c>tags</c>/<c>categories</c>, <c>author</c>/<c>authors</c>,
/// <c>description</c>, <c>lang</c>, <c>image</c>, <c>url</c>). Missing title and date are warned about and filled
/// deterministically (first heading or file name; the Unix epoch), never from the file's times.
/// </summary>
internal static class MetadataMapper
{
    /// <summary>The code of the site of a post that names none.</summary>
    public static readonly SiteInfo UnknownSite = new("unknown", "unknown");

    /// <summary>The metadata of a file at <paramref name="path"/> with <paramref name="values"/> and <paramref name="body"/>.</summary>
    public static ArticleMetadata Map(string path, string? fullPath, FrontMatterValues values, ImmutableArray<Block> body, Func<string> plainText,
        List<ConversionWarning> warnings)
    {
        var ours = IsConvertifys(values);
        var name = FileName(fullPath ?? path);
        var site = Site(values);
        var title = values.Scalar("title")?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            var heading = body.OfType<HeadingBlock>().Select(h => PlainText.Of(h.Inlines).Trim()).FirstOrDefault(t => t.Length > 0);
            title = heading ?? name;
            warnings.Add(new ConversionWarning("markdown.title_missing",
                heading is null ? $"front matter has no title: the file name '{name}' is used" : $"front matter has no title: the first heading '{title}' is used"));
        }
        var published = Published(values, warnings);
        var feedTime = FrontMatterDate.TryParse(values.Scalar("feed_time"), out var feed, out _) ? feed : published.Value;
        var id = values.Text("id") ?? (ReferenceEquals(site, UnknownSite) ? name : site.Code + "/" + name);
        var language = values.Text("lang") ?? values.Text("language") ?? LanguageGuess.Of(title + "\n" + plainText());
        var description = values.Text("description") ?? values.Text("summary") ?? "";
        var leadImage = values.Strings("images").FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? values.Text("image");
        var origin = values.Text("original_source") is { } originName ? new OriginalSource(originName, values.Text("original_source_url")) : null;
        return new ArticleMetadata(id, path, site, title, OriginalUrl(values) ?? "", published, feedTime, Authors(values), language, description,
            leadImage, origin, Tags(values, ours));
    }

    /// <summary>
    /// Whether the front matter is Convertify's writer's (it names its date's source): its categories are the site, not
    /// topics, and what it leaves out was blank.
    /// </summary>
    public static bool IsConvertifys(FrontMatterValues values) => values.Has("date_source");

    private static PublishedTime Published(FrontMatterValues values, List<ConversionWarning> warnings)
    {
        var text = values.Scalar("date");
        if (FrontMatterDate.TryParse(text, out var value, out var precision))
        {
            if (DateSourceNames.TryParse(values.Scalar("date_source"), out var source))
            {
                // The writer's date is the model's time at its precision; the date-only sources are stated to the day.
                if (source is DateSource.BodyDateOnly or DateSource.InfoCard)
                {
                    precision = DatePrecision.Day;
                }
                return new PublishedTime(value, source, precision, null);
            }
            return new PublishedTime(value, DateSource.FrontMatter, precision, text);
        }
        warnings.Add(new ConversionWarning("markdown.date_missing", text is null
            ? "front matter has no date: the Unix epoch stands in (date_source: unknown)"
            : $"front matter date '{text}' is not a date: the Unix epoch stands in (date_source: unknown)"));
        return new PublishedTime(DateTimeOffset.UnixEpoch, DateSource.Unknown, DatePrecision.Second, null);
    }

    /// <summary>The site: <c>site</c> (with <c>source</c> as its name), else the host of the post's URL, else unknown.</summary>
    private static SiteInfo Site(FrontMatterValues values)
    {
        if (values.Text("site") is { } code)
        {
            // Convertify writes the site's name as "source" (empty when it has none); elsewhere "source" may be a URL.
            var display = values.Scalar("source");
            return new SiteInfo(code, display is null || AbsoluteUrl(display) is not null ? code : display);
        }
        if (AbsoluteUrl(OriginalUrl(values)) is { } url && new Uri(url).Host is { Length: > 0 } host)
        {
            host = host.ToLowerInvariant();
            host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            return new SiteInfo(host, host);
        }
        return UnknownSite;
    }

    /// <summary><c>original_url</c> as written (Convertify's key), else an absolute <c>url</c> or <c>source</c>.</summary>
    private static string? OriginalUrl(FrontMatterValues values) =>
        values.Scalar("original_url") ?? AbsoluteUrl(values.Text("url")) ?? AbsoluteUrl(values.Text("source"));

    private static string? AbsoluteUrl(string? text) =>
        text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? text.Trim() : null;

    private static ImmutableArray<string> Authors(FrontMatterValues values)
    {
        var authors = values.Has("authors") ? values.Strings("authors") : values.Strings("author");
        return [.. authors.Select(a => a.Trim()).Where(a => a.Length > 0)];
    }

    private static ImmutableArray<string> Tags(FrontMatterValues values, bool ours)
    {
        var tags = values.Strings("tags").Select(t => t.Trim()).Where(t => t.Length > 0);
        // A post's categories are topics too (Convertify's own are the site's name); a tag given as both counts once.
        return ours ? [.. tags] : [.. tags.Concat(values.Strings("categories").Select(t => t.Trim()).Where(t => t.Length > 0)).Distinct(StringComparer.Ordinal)];
    }

    private static string FileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/')[^1]);
        return name.Length == 0 ? "article" : name;
    }
}
