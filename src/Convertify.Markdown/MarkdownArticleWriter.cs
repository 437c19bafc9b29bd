using System.Globalization;
using Convertify.Formats;
using Convertify.Markdown.Internal;
using Convertify.Model;

namespace Convertify.Markdown;

/// <summary>
/// Writes an article as CommonMark (with GFM pipe tables) preceded by YAML front matter that Hugo and Jekyll read.
/// Output is UTF-8 without BOM, with <c>\n</c> line ends, ending in exactly one newline. Instances are immutable
/// and thread-safe; the same article and options always give the same bytes.
/// </summary>
/// <remarks>
/// Front matter keys, in order: <c>title</c>, <c>date</c> (RFC 3339), <c>description</c>, <c>images</c> (lead image),
/// <c>categories</c> (site name), <c>author</c> (first author, a string) and <c>authors</c> (all, a list) when known,
/// <c>source</c>, <c>site</c>, <c>original_url</c>, <c>feed_time</c>, <c>date_source</c>, <c>lang</c>,
/// <c>isCJKLanguage</c> (Chinese, Japanese, Korean), <c>id</c>. Strings are always double-quoted.
/// </remarks>
public sealed class MarkdownArticleWriter : ITextArticleWriter
{
    /// <summary>Creates the writer.</summary>
    /// <param name="options">Options; <see cref="MarkdownWriterOptions.Default"/> when null.</param>
    public MarkdownArticleWriter(MarkdownWriterOptions? options = null)
    {
        Options = options ?? MarkdownWriterOptions.Default;
    }

    /// <summary>The writer's options.</summary>
    public MarkdownWriterOptions Options { get; }

    /// <inheritdoc />
    public FormatInfo Format { get; } = new("md", "Markdown (CommonMark + GFM tables) with YAML front matter for Hugo/Jekyll", ".md");

    /// <inheritdoc />
    public void Write(Article article, Stream output)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(output);
        Render(article, output, static (rendering, stream) => rendering.WriteUtf8(stream));
    }

    /// <summary>Writes the article to a text writer (the caller owns its encoding).</summary>
    public void Write(Article article, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(writer);
        Render(article, writer, static (rendering, text) =>
        {
            text.Write(rendering.Output.AsSpan());
            text.Flush();
        });
    }

    /// <summary>The Markdown of an article as a string (convenience for tests and previews).</summary>
    public string WriteToString(Article article)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(article, writer);
        return writer.ToString();
    }

    /// <summary>Renders the article into a pooled rendering and hands it to <paramref name="use"/> before returning it to the pool.</summary>
    private void Render<TState>(Article article, TState state, Action<MarkdownRendering, TState> use)
    {
        var rendering = MarkdownRendering.Rent();
        try
        {
            rendering.Render(article, Options);
            use(rendering, state);
        }
        finally
        {
            MarkdownRendering.Return(rendering);
        }
    }
}
