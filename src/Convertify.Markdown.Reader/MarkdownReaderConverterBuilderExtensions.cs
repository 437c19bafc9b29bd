using Convertify.Markdown.Reader;

namespace Convertify.Conversion;

/// <summary>Registers the Markdown reader with a <see cref="ConverterBuilder"/>.</summary>
public static class MarkdownReaderConverterBuilderExtensions
{
    /// <summary>Adds <see cref="MarkdownArticleReader"/> (format name <c>md</c>; sniffs a first line <c>---</c>).</summary>
    /// <param name="builder">The builder.</param>
    public static ConverterBuilder AddMarkdownReader(this ConverterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddReader(new MarkdownArticleReader());
    }
}
