using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Convertify.Model;

namespace Convertify.Json;

/// <summary>Writes the canonical model as JSON by hand (no reflection), as <c>convertify inspect</c> prints it.</summary>
public static class ArticleJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the article as indented UTF-8 JSON.</summary>
    public static void Write(Article article, Stream output)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var writer = new Utf8JsonWriter(output, Options);
        Write(article, writer);
        writer.Flush();
    }

    /// <summary>Writes the article as one JSON object to <paramref name="writer"/>.</summary>
    public static void Write(Article article, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(writer);
        var m = article.Metadata;
        writer.WriteStartObject();
        writer.WriteString("id", m.Id);
        if (m.SourcePath is not null) writer.WriteString("source_path", m.SourcePath);
        writer.WriteStartObject("site");
        writer.WriteString("code", m.Site.Code);
        writer.WriteString("name", m.Site.DisplayName);
        writer.WriteEndObject();
        writer.WriteString("title", m.Title);
        writer.WriteString("original_url", m.OriginalUrl);
        writer.WriteStartObject("published");
        writer.WriteString("value", FormatTime(m.Published.Value));
        writer.WriteString("source", DateSourceNames.Of(m.Published.Source));
        writer.WriteString("precision", Snake(m.Published.Precision.ToString()));
        if (m.Published.RawText is not null) writer.WriteString("raw", m.Published.RawText);
        writer.WriteEndObject();
        writer.WriteString("feed_time", FormatTime(m.FeedTime));
        WriteStrings(writer, "authors", m.Authors);
        writer.WriteString("language", m.Language);
        writer.WriteString("description", m.Description);
        if (m.LeadImage is null) writer.WriteNull("lead_image"); else writer.WriteString("lead_image", m.LeadImage);
        if (m.OriginalSource is { } origin)
        {
            writer.WriteStartObject("original_source");
            writer.WriteString("name", origin.Name);
            if (origin.Url is null) writer.WriteNull("url"); else writer.WriteString("url", origin.Url);
            writer.WriteEndObject();
        }
        WriteStrings(writer, "tags", m.Tags);
        var s = article.Statistics;
        writer.WriteStartObject("statistics");
        writer.WriteNumber("characters", s.Characters);
        writer.WriteNumber("paragraphs", s.Paragraphs);
        writer.WriteNumber("images", s.Images);
        writer.WriteNumber("links", s.Links);
        writer.WriteString("content_hash", s.ContentHash);
        writer.WriteEndObject();
        writer.WriteStartArray("warnings");
        foreach (var w in article.Warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", w.Code);
            writer.WriteString("message", w.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("related_links");
        foreach (var link in article.RelatedLinks)
        {
            writer.WriteStartObject();
            writer.WriteString("url", link.Url);
            if (link.Title is not null) writer.WriteString("title", link.Title);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WritePropertyName("body");
        WriteBlocks(writer, article.Body);
        writer.WriteEndObject();
    }

    /// <summary>Formats a time as RFC 3339 with its offset, seconds always, fractions only when present.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.ToString(value.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteBlocks(Utf8JsonWriter writer, ImmutableArray<Block> blocks)
    {
        writer.WriteStartArray();
        foreach (var block in blocks)
        {
            writer.WriteStartObject();
            switch (block)
            {
                case ParagraphBlock p:
                    writer.WriteString("type", "paragraph");
                    WriteInlinesProperty(writer, p.Inlines);
                    break;
                case HeadingBlock h:
                    writer.WriteString("type", "heading");
                    writer.WriteNumber("level", h.Level);
                    WriteInlinesProperty(writer, h.Inlines);
                    break;
                case FigureBlock f:
                    writer.WriteString("type", "figure");
                    writer.WriteString("url", f.ImageUrl);
                    writer.WriteString("alt", f.Alt);
                    writer.WriteString("caption", f.Caption);
                    writer.WriteString("credit", f.Credit);
                    break;
                case QuoteBlock q:
                    writer.WriteString("type", "quote");
                    writer.WritePropertyName("blocks");
                    WriteBlocks(writer, q.Blocks);
                    break;
                case ListBlock l:
                    writer.WriteString("type", "list");
                    writer.WriteBoolean("ordered", l.Ordered);
                    if (l.Ordered) writer.WriteNumber("start", l.Start);
                    writer.WriteStartArray("items");
                    foreach (var item in l.Items)
                    {
                        WriteBlocks(writer, item.Blocks);
                    }
                    writer.WriteEndArray();
                    break;
                case TableBlock t:
                    writer.WriteString("type", "table");
                    if (t.Caption.Length > 0) writer.WriteString("caption", t.Caption);
                    writer.WriteStartArray("rows");
                    foreach (var row in t.Rows)
                    {
                        writer.WriteStartObject();
                        writer.WriteBoolean("header", row.IsHeader);
                        writer.WriteStartArray("cells");
                        foreach (var cell in row.Cells)
                        {
                            writer.WriteStartObject();
                            if (cell.ColumnSpan != 1) writer.WriteNumber("colspan", cell.ColumnSpan);
                            if (cell.RowSpan != 1) writer.WriteNumber("rowspan", cell.RowSpan);
                            WriteInlinesProperty(writer, cell.Inlines);
                            writer.WriteEndObject();
                        }
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    break;
                case EmbedBlock e:
                    writer.WriteString("type", "embed");
                    writer.WriteString("kind", Snake(e.Kind.ToString()));
                    writer.WriteString("url", e.Url);
                    writer.WriteString("title", e.Title);
                    break;
                case RuleBlock:
                    writer.WriteString("type", "rule");
                    break;
                default:
                    writer.WriteString("type", "unknown");
                    break;
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteInlinesProperty(Utf8JsonWriter writer, ImmutableArray<Inline> inlines)
    {
        writer.WritePropertyName("inlines");
        WriteInlines(writer, inlines);
    }

    private static void WriteInlines(Utf8JsonWriter writer, ImmutableArray<Inline> inlines)
    {
        writer.WriteStartArray();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    writer.WriteStringValue(t.Text);
                    break;
                case StrongInline s:
                    writer.WriteStartObject();
                    writer.WritePropertyName("strong");
                    WriteInlines(writer, s.Inlines);
                    writer.WriteEndObject();
                    break;
                case EmphasisInline e:
                    writer.WriteStartObject();
                    writer.WritePropertyName("emphasis");
                    WriteInlines(writer, e.Inlines);
                    writer.WriteEndObject();
                    break;
                case LinkInline l:
                    writer.WriteStartObject();
                    writer.WriteString("link", l.Url);
                    if (l.Title.Length > 0) writer.WriteString("title", l.Title);
                    writer.WritePropertyName("inlines");
                    WriteInlines(writer, l.Inlines);
                    writer.WriteEndObject();
                    break;
                case LineBreakInline:
                    writer.WriteStartObject();
                    writer.WriteBoolean("break", true);
                    writer.WriteEndObject();
                    break;
            }
        }
        writer.WriteEndArray();
    }

    private static string Snake(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
