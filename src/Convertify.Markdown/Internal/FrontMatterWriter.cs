using System.Globalization;
using Convertify.Model;
using Convertify.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Writes YAML front matter: through YamlDotNet's event emitter, or, when no value needs an escape other than <c>\"</c>
/// and <c>\\</c> (nearly always), directly with the same bytes, which is several times cheaper. Every string is double-quoted, so no title can be
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
        var entries = Entries(article);
        writer.Write("---\n");
        if (entries.TrueForAll(e => e.Values.All(v => !e.Quoted || IsVerbatim(v))))
        {
            WriteDirect(entries, writer);
        }
        else
        {
            Emit(entries, writer);
        }
        writer.Write("---\n");
    }

    /// <summary>The front matter's keys and values in order; values already cleaned of what YAML cannot hold.</summary>
    private static List<Entry> Entries(Article article)
    {
        var m = article.Metadata;
        var entries = new List<Entry>(16);
        void String(string key, string? value) => entries.Add(new Entry(key, [Clean(value)], Quoted: true, IsList: false));
        void Plain(string key, string value) => entries.Add(new Entry(key, [value], Quoted: false, IsList: false));
        void List(string key, string[] values) => entries.Add(new Entry(key, [.. values.Select(Clean)], Quoted: true, IsList: true));

        String("title", m.Title);
        Plain("date", Rfc3339(m.Published?.Value ?? m.FeedTime));
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            String("description", m.Description);
        }
        if (!string.IsNullOrWhiteSpace(m.LeadImage))
        {
            List("images", [m.LeadImage!]);
        }
        var siteName = m.Site?.DisplayName ?? "";
        if (!string.IsNullOrWhiteSpace(siteName))
        {
            List("categories", [siteName]);
        }
        var authors = m.Authors.IsDefault ? [] : m.Authors.Select(a => Clean(a).Trim()).Where(a => a.Length > 0).ToArray();
        if (authors.Length > 0)
        {
            // "author" (the first name, a string) is what Jekyll themes and most Hugo themes print; "authors" keeps them all.
            String("author", authors[0]);
            List("authors", authors);
        }
        String("source", siteName);
        String("site", m.Site?.Code);
        String("original_url", m.OriginalUrl);
        Plain("feed_time", Rfc3339(m.FeedTime));
        String("date_source", DateSourceName(m.Published?.Source ?? DateSource.FeedTime));
        String("lang", m.Language);
        if (IsCjkLanguage(m.Language))
        {
            Plain("isCJKLanguage", "true");
        }
        String("id", m.Id);
        return entries;
    }

    /// <summary>
    /// True when YamlDotNet's emitter writes <paramref name="value"/> double-quoted as itself with only <c>"</c> and
    /// <c>\</c> escaped: printable characters of the Basic Multilingual Plane without the ones it escapes (NEL, NBSP,
    /// the line and paragraph separators, the byte order mark). Nearly every title, URL and name is such a string.
    /// </summary>
    internal static bool IsVerbatim(string value)
    {
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~')
            {
                continue;
            }
            if (c < '\u00A1' || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes what the emitter would for entries whose quoted values are all <see cref="IsVerbatim"/>.</summary>
    internal static void WriteDirect(List<Entry> entries, TextWriter writer)
    {
        foreach (var entry in entries)
        {
            writer.Write(entry.Key);
            if (entry.IsList)
            {
                writer.Write(":\n");
                foreach (var value in entry.Values)
                {
                    writer.Write("- ");
                    WriteValue(writer, value, entry.Quoted);
                    writer.Write('\n');
                }
            }
            else
            {
                writer.Write(": ");
                WriteValue(writer, entry.Values[0], entry.Quoted);
                writer.Write('\n');
            }
        }
    }

    private static void WriteValue(TextWriter writer, string value, bool quoted)
    {
        if (!quoted)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        var span = value.AsSpan();
        int next;
        while ((next = span.IndexOfAny('"', '\\')) >= 0)
        {
            writer.Write(span[..next]);
            writer.Write('\\');
            writer.Write(span[next]);
            span = span[(next + 1)..];
        }
        writer.Write(span);
        writer.Write('"');
    }

    /// <summary>Writes the entries through YamlDotNet's emitter, which escapes whatever needs it.</summary>
    internal static void Emit(List<Entry> entries, TextWriter writer)
    {
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
        foreach (var entry in entries)
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, entry.Key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            if (entry.IsList)
            {
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
            }
            foreach (var value in entry.Values)
            {
                emitter.Emit(entry.Quoted
                    ? new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true)
                    : new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            }
            if (entry.IsList)
            {
                emitter.Emit(new SequenceEnd());
            }
        }
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
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

    /// <summary>One front matter key: a quoted or plain scalar, or a list of quoted scalars.</summary>
    internal sealed record Entry(string Key, string[] Values, bool Quoted, bool IsList);
}
