using Convertify.Markdown;

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
}
