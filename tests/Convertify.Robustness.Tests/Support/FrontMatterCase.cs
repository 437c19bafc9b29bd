using Convertify.Model;
using Convertify.Text;

namespace Convertify.Robustness.Tests.Support;

/// <summary>
/// One written front matter and the typed values it must parse back to: strings stay strings (a title "yes"
/// must not become a boolean), dates are timestamps, and no key appears that the writer did not mean to write.
/// A null string value means "any string".
/// </summary>
internal sealed record FrontMatterCase(
    string Label,
    string Yaml,
    IReadOnlyDictionary<string, string?> Strings,
    IReadOnlyDictionary<string, DateTimeOffset> Dates,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lists,
    IReadOnlyList<string> OtherKeys)
{
    public IEnumerable<string> AllKeys => Strings.Keys.Concat(Dates.Keys).Concat(Lists.Keys).Concat(OtherKeys);

    public static FrontMatterCase? From(string label, string markdown, Article article)
    {
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }
        var end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var yaml = markdown[4..(end + 1)];
        var m = article.Metadata;
        var siteName = Clean(m.Site?.DisplayName);
        var strings = new Dictionary<string, string?>
        {
            ["title"] = Clean(m.Title),
            ["source"] = siteName,
            ["site"] = Clean(m.Site?.Code),
            ["original_url"] = Clean(m.OriginalUrl),
            ["date_source"] = null,
            ["lang"] = Clean(m.Language),
            ["id"] = Clean(m.Id),
        };
        var lists = new Dictionary<string, IReadOnlyList<string>>();
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            strings["description"] = Clean(m.Description);
        }
        if (!string.IsNullOrWhiteSpace(m.LeadImage))
        {
            lists["images"] = [Clean(m.LeadImage)];
        }
        if (!string.IsNullOrWhiteSpace(siteName))
        {
            lists["categories"] = [siteName];
        }
        var authors = m.Authors.IsDefault ? [] : m.Authors.Select(a => Clean(a).Trim()).Where(a => a.Length > 0).ToArray();
        if (authors.Length > 0)
        {
            strings["author"] = authors[0];
            lists["authors"] = authors;
        }
        var tags = m.Tags.IsDefault ? [] : m.Tags.Select(t => Clean(t).Trim()).Where(t => t.Length > 0).ToArray();
        if (tags.Length > 0)
        {
            lists["tags"] = tags;
        }
        if (m.OriginalSource is { } origin && Clean(origin.Name).Trim() is { Length: > 0 } originName)
        {
            strings["original_source"] = originName;
            if (Clean(origin.Url).Trim() is { Length: > 0 } originUrl)
            {
                strings["original_source_url"] = originUrl;
            }
        }
        var dates = new Dictionary<string, DateTimeOffset>
        {
            ["date"] = m.Published?.Value ?? m.FeedTime,
            ["feed_time"] = m.FeedTime,
        };
        var cjk = m.Language is { } l && (l == "zh" || l.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) || l.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || l.StartsWith("ko", StringComparison.OrdinalIgnoreCase));
        return new FrontMatterCase(label, yaml, strings, dates, lists, cjk ? ["isCJKLanguage"] : []);
    }

    private static string Clean(string? text) => XmlSafeText.Clean(text ?? "");
}
