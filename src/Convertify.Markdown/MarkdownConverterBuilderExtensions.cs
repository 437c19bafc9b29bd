using Convertify.Markdown;
using Convertify.Markdown.Dossier;

namespace Convertify.Conversion;

/// <summary>Registers the Markdown writer with a <see cref="ConverterBuilder"/>.</summary>
public static class MarkdownConverterBuilderExtensions
{
    /// <summary>Adds the Markdown writer (format <c>md</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Writer options; the defaults when null.</param>
    public static ConverterBuilder AddMarkdown(this ConverterBuilder builder, MarkdownWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddWriter(new MarkdownArticleWriter(options));
    }

    /// <summary>Adds the Markdown dossier writer (format <c>dossier-md</c>): the chosen articles as one Markdown file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">How article bodies are written; the defaults when null.</param>
    public static ConverterBuilder AddMarkdownDossier(this ConverterBuilder builder, MarkdownWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDossierWriter(new MarkdownDossierWriter(options));
    }
}
