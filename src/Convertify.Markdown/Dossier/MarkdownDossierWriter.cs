using Convertify.Formats;

namespace Convertify.Markdown.Dossier;

/// <summary>
/// Writes the articles an editor chose as ONE Markdown file (a dossier) for pandoc/PDF pipelines and Hugo: YAML front
/// matter for the collection, a table of contents, one <c>## Title {#anchor}</c> section per article (a metadata
/// line, then the body as <see cref="MarkdownArticleWriter"/> renders it, its headings one level lower), and a closing
/// Notes section. Articles are rendered to a temporary file as they arrive, so no article model is held; the same
/// articles and options always give the same bytes.
/// </summary>
/// <remarks>
/// The <c>{#anchor}</c> heading attribute is read by pandoc (<c>header_attributes</c>, on by default), Hugo
/// (goldmark's <c>parser.attribute.title</c>, on by default) and Markdig's generic attributes extension.
/// </remarks>
public sealed class MarkdownDossierWriter : IDossierWriter
{
    /// <summary>Creates the writer.</summary>
    /// <param name="options">
    /// How bodies are written (<see cref="MarkdownWriterOptions.RelatedLinks"/>); <see cref="MarkdownWriterOptions.FrontMatter"/>
    /// off writes the dossier's title as a level-1 heading instead of front matter. The defaults when null.
    /// </param>
    public MarkdownDossierWriter(MarkdownWriterOptions? options = null)
    {
        Options = options ?? MarkdownWriterOptions.Default;
    }

    /// <summary>The writer's options.</summary>
    public MarkdownWriterOptions Options { get; }

    /// <inheritdoc />
    public FormatInfo Format { get; } = new("dossier-md", "Dossier: the chosen articles as one Markdown file with front matter (pandoc, Hugo)", ".md");

    /// <inheritdoc />
    public IArticleSink Open(Stream output, DossierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new MarkdownDossierSink(output, Options, options ?? new DossierOptions());
    }
}
