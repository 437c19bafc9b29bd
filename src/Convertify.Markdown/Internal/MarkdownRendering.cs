using System.Buffers;
using System.Text.Unicode;
using Convertify.Model;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Everything one Markdown document is written with: the output characters, the document and block writers and
/// their scratch buffers, and the bytes the output is encoded into. Writing an article allocates nothing of its own
/// when a thread's instance is reused (<see cref="Rent"/>, <see cref="Return"/>), which a batch does thousands of times.
/// </summary>
internal sealed class MarkdownRendering
{
    private const int InitialChars = 16 * 1024;
    private const int MaxKeptChars = 1024 * 1024;
    private const int ByteChunk = 64 * 1024;

    [ThreadStatic]
    private static MarkdownRendering? t_cached;

    private readonly MarkdownDocumentWriter _document = new();
    private readonly MarkdownBlockWriter _body;
    private byte[]? _bytes;

    private MarkdownRendering()
    {
        _body = new MarkdownBlockWriter(_document);
    }

    /// <summary>The document's text, after <see cref="Render"/>.</summary>
    public CharBuffer Output { get; } = new(InitialChars);

    /// <summary>This thread's instance (a new one if it is in use, say by a nested call).</summary>
    public static MarkdownRendering Rent()
    {
        var rendering = t_cached ?? new MarkdownRendering();
        t_cached = null;
        return rendering;
    }

    /// <summary>Gives the instance back for the thread's next document.</summary>
    public static void Return(MarkdownRendering rendering)
    {
        // One huge article should not pin its buffer for the rest of the run.
        rendering.Output.Trim(MaxKeptChars, InitialChars);
        t_cached = rendering;
    }

    /// <summary>Writes <paramref name="article"/> to <see cref="Output"/> (cleared first).</summary>
    public void Render(Article article, MarkdownWriterOptions options)
    {
        var output = Output;
        output.Clear();
        _document.Reset(output);
        if (options.FrontMatter)
        {
            FrontMatterWriter.Write(article, output);
            _document.MarkExternalContent();
        }
        _body.Reset(article.Metadata.Language);
        if (options.WritesTitleHeading)
        {
            _body.WriteTitle(article.Metadata.Title ?? "");
        }
        _body.WriteBlocks(article.Body.IsDefault ? [] : article.Body);
        if (options.RelatedLinks)
        {
            _body.WriteRelatedLinks(article.RelatedLinks);
        }
        _document.Finish();
    }

    /// <summary>
    /// Writes the body of <paramref name="article"/> as <see cref="Render"/> does without front matter and title, its
    /// headings below <paramref name="sectionLevel"/> (the dossier's section for the article), to <see cref="Output"/>.
    /// </summary>
    public void RenderSection(Article article, MarkdownWriterOptions options, int sectionLevel)
    {
        var output = Output;
        output.Clear();
        _document.Reset(output);
        _body.Reset(article.Metadata.Language, sectionLevel);
        _body.WriteBlocks(article.Body.IsDefault ? [] : article.Body);
        if (options.RelatedLinks)
        {
            _body.WriteRelatedLinks(article.RelatedLinks);
        }
        _document.Finish();
    }

    /// <summary>
    /// Writes <see cref="Output"/> to <paramref name="stream"/> as UTF-8 (lone surrogates as U+FFFD, as
    /// <see cref="System.Text.UTF8Encoding"/> writes them): one encoding pass and one write for a typical article.
    /// </summary>
    public void WriteUtf8(Stream stream)
    {
        var chars = Output.AsSpan();
        var bytes = _bytes ??= GC.AllocateUninitializedArray<byte>(ByteChunk);
        while (true)
        {
            var status = Utf8.FromUtf16(chars, bytes, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            stream.Write(bytes, 0, written);
            if (status != OperationStatus.DestinationTooSmall)
            {
                return;
            }
            chars = chars[read..];
        }
    }
}
