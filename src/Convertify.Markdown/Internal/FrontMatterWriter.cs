using System.Globalization;
using Convertify.Model;
using Convertify.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Writes YAML front matter through YamlDotNet's event emitter. Every string is double-quoted, so no title can be
/// read as another type (<c>no</c>, <c>1.20</c>, <c>2021-01-01</c>) or inject a key; times are plain RFC 3339
/// timestamps, which Hugo reads as dates and YAML 1.1 readers as datetimes.
/// </summary>
internal static class FrontMatterWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024,
        skipAnchorName: false, indentSequences: false, newLine: "\n", useUtf16SurrogatePairs: false);

    public static void Write(Article article, TextWriter writer)
    {
        var m = article.Metadata;
        writer.Write("---\n");
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));

        String(emitter, "title", m.Title);
        Plain(emitter, "date", Rfc3339(m.Published?.Value ?? m.FeedTime));
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            String(emitter, "description", m.Description);
        }
        if (!string.IsNullOrWhiteSpace(m.LeadImage))
        {
            List(emitter, "images", [m.LeadImage!]);
        }
        var siteName = m.Site?.DisplayName ?? "";
        if (!string.IsNullOrWhiteSpace(siteName))
        {
            List(emitter, "categories", [siteName]);
        }
        var authors = m.Authors.IsDefault ? [] : m.Authors.Select(a => Clean(a).Trim()).Where(a => a.Length > 0).ToArray();
        if (authors.Length > 0)
        {
            // "author" (the first name, a string) is what Jekyll themes and most Hugo themes print; "authors" keeps them all.
            String(emitter, "author", authors[0]);
            List(emitter, "authors", authors);
        }
        String(emitter, "source", siteName);
        String(emitter, "site", m.Site?.Code);
        String(emitter, "original_url", m.OriginalUrl);
        Plain(emitter, "feed_time", Rfc3339(m.FeedTime));
        String(emitter, "date_source", DateSourceName(m.Published?.Source ?? DateSource.FeedTime));
        String(emitter, "lang", m.Language);
        if (IsCjkLanguage(m.Language))
        {
            Plain(emitter, "isCJKLanguage", "true");
        }
        String(emitter, "id", m.Id);

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        writer.Write("---\n");
    }

    /// <summary>RFC 3339 with seconds, a fraction only when there is one, and <c>Z</c> for UTC.</summary>
    internal static string Rfc3339(DateTimeOffset time)
    {
        var text = time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);
        if (time.Offset == TimeSpan.Zero)
        {
            return text + "Z";
        }
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return text + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + ":" + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    internal static string DateSourceName(DateSource source) => source switch
    {
        DateSource.BodyWithZone => "body_with_zone",
        DateSource.BodyReconciled => "body_reconciled",
        DateSource.BodyDateOnly => "body_date_only",
        _ => "feed_time",
    };

    internal static bool IsCjkLanguage(string? language) =>
        !string.IsNullOrEmpty(language) && (language.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("ja", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("ko", StringComparison.OrdinalIgnoreCase));

    /// <summary>YAML cannot hold lone surrogates or most C0 controls, even escaped in every reader: they are removed.</summary>
    private static string Clean(string? value) => XmlSafeText.Clean(value ?? "");

    private static void Key(IEmitter emitter, string key) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static void String(IEmitter emitter, string key, string? value)
    {
        Key(emitter, key);
        Quoted(emitter, value);
    }

    private static void Quoted(IEmitter emitter, string? value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, Clean(value), ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));

    private static void Plain(IEmitter emitter, string key, string value)
    {
        Key(emitter, key);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
    }

    private static void List(IEmitter emitter, string key, IEnumerable<string> values)
    {
        Key(emitter, key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
        {
            Quoted(emitter, value);
        }
        emitter.Emit(new SequenceEnd());
    }
}
