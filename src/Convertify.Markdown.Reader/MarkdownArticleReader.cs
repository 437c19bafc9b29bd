using System.Text;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Markdown.Reader.Internal.Body;
using Convertify.Markdown.Reader.Internal.FrontMatter;
using Convertify.Markdown.Reader.Internal.Metadata;
using Convertify.Model;
using Convertify.Text;
using Markdig;

namespace Convertify.Markdown.Reader;

/// <summary>
/// Reads Markdown with YAML front matter into the article model: what Convertify's Markdown writer writes (written
/// again, it gives the same bytes) and ordinary Hugo/Jekyll posts. The body is parsed by Markdig (CommonMark and pipe
/// tables), the front matter by YamlDotNet's event parser. Instances hold no per-call state and are thread-safe.
/// </summary>
/// <remarks>
/// Code blocks are read as paragraphs of their lines and HTML blocks as their text (the writer's own HTML tables as
/// tables). Without a <c>lang</c> key the language is guessed from the characters (kana, Hangul, ideographs and a few
/// dozen characters whose Traditional and Simplified forms differ). A missing title or date is warned about and filled
/// deterministically: the first heading or the file name; the Unix epoch with <see cref="DateSource.Unknown"/>.
/// </remarks>
public sealed class MarkdownArticleReader : IArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public FormatInfo Format { get; } = new("md", "Markdown with YAML front matter (what Convertify writes; Hugo/Jekyll posts)", ".md")
    {
        Extensions = [".markdown"],
    };

    /// <inheritdoc />
    public string SniffDescription => "front matter: first line ---";

    /// <inheritdoc />
    public bool Sniffs(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }
        if (!content.StartsWith("---"u8))
        {
            return false;
        }
        content = content[3..];
        var i = 0;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }
        return i < content.Length && (content[i] == '\n' || content[i] == '\r' && i + 1 < content.Length && content[i + 1] == '\n');
    }

    /// <inheritdoc />
    public Article Read(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Decode(input);
        var split = FrontMatterSplit.Cut(text)
            ?? throw FrontMatterParser.Malformed(input.Path, "the closing --- line is missing", 1);
        var values = split.Yaml is null ? new FrontMatterValues() : FrontMatterParser.Parse(input.Path, split.Yaml, split.YamlFirstLine);
        var warnings = new List<ConversionWarning>();
        if (split.Yaml is null)
        {
            warnings.Add(new ConversionWarning("markdown.front_matter_missing", "the file has no front matter"));
        }
        var document = Parse(input.Path, split.Body);
        var labels = WriterLabels.For(values.Text("lang") ?? values.Text("language"));
        var (body, relatedLinks) = new BodyConverter(labels).Convert(document);
        string? plainText = null;
        var metadata = MetadataMapper.Map(input.Path, input.FullPath, values, body, () => plainText ??= PlainText.Of(body), warnings);
        var article = ArticleAssembler.Assemble(metadata, body, relatedLinks, [.. warnings], plainText);
        if (MetadataMapper.IsConvertifys(values))
        {
            // Convertify's writer leaves out a blank description and lead image: they were blank, not to be derived again
            // from the body (where a figure without an address, or a caption read as a paragraph, would give another).
            article = article with
            {
                Metadata = article.Metadata with
                {
                    Description = values.Has("description") ? article.Metadata.Description : "",
                    LeadImage = values.Has("images") ? article.Metadata.LeadImage : null,
                },
            };
        }
        return article;
    }

    private static Markdig.Syntax.MarkdownDocument Parse(string path, string markdown)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's guard against blocks or inlines nested past its depth limit (128).
            throw new ArticleFormatException(path, FormatProblem.LimitExceeded, "the Markdown nests blocks or inlines deeper than 128 levels");
        }
    }

    private static string Decode(ArticleInput input)
    {
        var bytes = input.Content.Span;
        if (bytes.IsEmpty)
        {
            throw new ArticleFormatException(input.Path, FormatProblem.Empty, "the file is empty");
        }
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Contains('\0', StringComparison.Ordinal)
                ? throw new ArticleFormatException(input.Path, FormatProblem.Binary, "the file holds NUL bytes: it is binary, not Markdown")
                : text;
        }
        catch (DecoderFallbackException)
        {
            throw new ArticleFormatException(input.Path, FormatProblem.InvalidEncoding, "the file is not valid UTF-8");
        }
    }
}
