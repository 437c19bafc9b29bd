using System.Collections.Immutable;
using System.Globalization;
using Convertify.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Convertify.Text;

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

    /// <summary>Appends the front matter, <c>---</c> lines included, to <paramref name="output"/>.</summary>
    public static void Write(Article article, CharBuffer output)
    {
        var start = output.Length;
        output.Append("---\n");
        if (!TryWriteDirect(article, output))
        {
            // Some value needs an escape only the emitter knows: start over through it (rare).
            output.Length = start + 4;
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            Emit(Entries(article), writer);
            output.Append(writer.GetStringBuilder().ToString());
        }
        output.Append("---\n");
    }

    /// <summary>
    /// Writes the entries of <see cref="Entries"/> as the emitter would, without building them; false (with part
    /// written) as soon as a quoted value is not <see cref="IsVerbatim"/>.
    /// </summary>
    private static bool TryWriteDirect(Article article, CharBuffer output)
    {
        var m = article.Metadata;
        if (!Quoted(output, "title", Clean(m.Title)))
        {
            return false;
        }
        output.Append("date: ");
        AppendRfc3339(output, m.Published?.Value ?? m.FeedTime);
        output.Append('\n');
        if (!string.IsNullOrWhiteSpace(m.Description) && !Quoted(output, "description", Clean(m.Description)))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(m.LeadImage) && !Quoted(output, "images", Clean(m.LeadImage), asList: true))
        {
            return false;
        }
        var siteName = Clean(m.Site?.DisplayName);
        if (!string.IsNullOrWhiteSpace(m.Site?.DisplayName) && !Quoted(output, "categories", siteName, asList: true))
        {
            return false;
        }
        if (!QuotedList(output, "tags", Tags(m)))
        {
            return false;
        }
        if (!m.Authors.IsDefaultOrEmpty && !Authors(output, m.Authors))
        {
            return false;
        }
        if (!Quoted(output, "source", siteName) || !Quoted(output, "site", Clean(m.Site?.Code)) || !Quoted(output, "original_url", Clean(m.OriginalUrl)))
        {
            return false;
        }
        var (originName, originUrl) = Origin(m);
        if ((originName.Length > 0 && !Quoted(output, "original_source", originName)) || (originUrl.Length > 0 && !Quoted(output, "original_source_url", originUrl)))
        {
            return false;
        }
        output.Append("feed_time: ");
        AppendRfc3339(output, m.FeedTime);
        output.Append('\n');
        output.Append("date_source: \"").Append(DateSourceNames.Of(m.Published?.Source ?? DateSource.FeedTime)).Append("\"\n");
        if (!Quoted(output, "lang", Clean(m.Language)))
        {
            return false;
        }
        if (IsCjkLanguage(m.Language))
        {
            output.Append("isCJKLanguage: true\n");
        }
        return Quoted(output, "id", Clean(m.Id));
    }

    /// <summary>The <c>author</c> (first non-blank name) and <c>authors</c> (all of them) entries, as <see cref="Entries"/> makes them.</summary>
    private static bool Authors(CharBuffer output, ImmutableArray<string> authors)
    {
        var first = true;
        foreach (var author in authors)
        {
            var name = Clean(author).AsSpan().Trim();
            if (name.Length == 0)
            {
                continue;
            }
            if (first)
            {
                if (!Quoted(output, "author", name))
                {
                    return false;
                }
                output.Append("authors:\n");
                first = false;
            }
            if (!IsVerbatim(name))
            {
                return false;
            }
            output.Append("- ");
            AppendQuoted(output, name);
            output.Append('\n');
        }
        return true;
    }

    /// <summary><c>key:</c> and one <c>- "value"</c> line per value; nothing for no values; false (part written) when a value needs the emitter.</summary>
    private static bool QuotedList(CharBuffer output, string key, string[] values)
    {
        if (values.Length == 0)
        {
            return true;
        }
        output.Append(key).Append(":\n");
        foreach (var value in values)
        {
            if (!IsVerbatim(value))
            {
                return false;
            }
            output.Append("- ");
            AppendQuoted(output, value);
            output.Append('\n');
        }
        return true;
    }

    /// <summary><c>key: "value"</c>, or as a one-item list; false (nothing written) when the value needs the emitter.</summary>
    private static bool Quoted(CharBuffer output, string key, ReadOnlySpan<char> value, bool asList = false)
    {
        if (!IsVerbatim(value))
        {
            return false;
        }
        output.Append(key).Append(asList ? ":\n- " : ": ");
        AppendQuoted(output, value);
        output.Append('\n');
        return true;
    }

    private static void AppendQuoted(CharBuffer output, ReadOnlySpan<char> value)
    {
        output.Append('"');
        int next;
        while ((next = value.IndexOfAny('"', '\\')) >= 0)
        {
            output.Append(value[..next]).Append('\\').Append(value[next]);
            value = value[(next + 1)..];
        }
        output.Append(value).Append('"');
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
        var tags = Tags(m);
        if (tags.Length > 0)
        {
            List("tags", tags);
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
        var (originName, originUrl) = Origin(m);
        if (originName.Length > 0)
        {
            String("original_source", originName);
        }
        if (originUrl.Length > 0)
        {
            String("original_source_url", originUrl);
        }
        Plain("feed_time", Rfc3339(m.FeedTime));
        String("date_source", DateSourceNames.Of(m.Published?.Source ?? DateSource.FeedTime));
        String("lang", m.Language);
        if (IsCjkLanguage(m.Language))
        {
            Plain("isCJKLanguage", "true");
        }
        String("id", m.Id);
        return entries;
    }

    /// <summary>The tags, cleaned, without blanks: Hugo's default <c>tags</c> taxonomy, Jekyll's <c>page.tags</c>.</summary>
    private static string[] Tags(ArticleMetadata m) =>
        m.Tags.IsDefault ? [] : [.. m.Tags.Select(t => Clean(t).Trim()).Where(t => t.Length > 0)];

    /// <summary>
    /// The original source as two flat strings (empty when absent): a template prints <c>original_source</c> as is and
    /// links it with <c>original_source_url</c> when there is one, the same shape as <c>source</c> and <c>original_url</c>.
    /// </summary>
    private static (string Name, string Url) Origin(ArticleMetadata m) =>
        m.OriginalSource is { } origin && Clean(origin.Name).Trim() is { Length: > 0 } name ? (name, Clean(origin.Url).Trim()) : ("", "");

    /// <summary>
    /// True when YamlDotNet's emitter writes <paramref name="value"/> double-quoted as itself with only <c>"</c> and
    /// <c>\</c> escaped: printable characters of the Basic Multilingual Plane without the ones it escapes (NEL, NBSP,
    /// the line and paragraph separators, the byte order mark). Nearly every title, URL and name is such a string.
    /// </summary>
    private static bool IsVerbatim(ReadOnlySpan<char> value)
    {
        var ascii = value.IndexOfAnyExceptInRange(' ', '~');
        if (ascii < 0)
        {
            return true;
        }
        foreach (var c in value[ascii..])
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
        var buffer = new CharBuffer(40);
        AppendRfc3339(buffer, time);
        return buffer.ToString();
    }

    /// <summary>
    /// Appends <paramref name="time"/> as RFC 3339: the fraction loses its trailing zeros, and its point when nothing is left.
    /// </summary>
    private static void AppendRfc3339(CharBuffer output, DateTimeOffset time)
    {
        var span = output.GetSpan(34);
        time.DateTime.TryFormat(span, out var length, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);
        if (time.Offset == TimeSpan.Zero)
        {
            span[length++] = 'Z';
        }
        else
        {
            time.TryFormat(span[length..], out var zone, "zzz", CultureInfo.InvariantCulture);
            length += zone;
        }
        output.Advance(length);
    }

    internal static bool IsCjkLanguage(string? language) =>
        !string.IsNullOrEmpty(language) && (language.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("ja", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("ko", StringComparison.OrdinalIgnoreCase));

    /// <summary>YAML cannot hold lone surrogates or most C0 controls, even escaped in every reader: they are removed.</summary>
    internal static string Clean(string? value) => XmlSafeText.CleanOrEmpty(value);

    /// <summary>One front matter key: a quoted or plain scalar, or a list of quoted scalars.</summary>
    internal sealed record Entry(string Key, string[] Values, bool Quoted, bool IsList);
}
