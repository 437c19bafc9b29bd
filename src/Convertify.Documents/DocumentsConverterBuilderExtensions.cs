using Convertify.Markdown;
using Convertify.Word;

namespace Convertify.Conversion;

/// <summary>Registers the reader and the one-article document writers of the <c>Convertify.Documents</c> package.</summary>
public static class DocumentsConverterBuilderExtensions
{
    /// <summary>Adds the archive reader and the <c>md</c> and <c>docx</c> writers.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="markdown">Markdown writer options; null for the defaults.</param>
    /// <param name="word">Word writer options; null for the defaults (offline: figures become linked placeholders).</param>
    public static ConverterBuilder AddDocumentFormats(this ConverterBuilder builder, MarkdownWriterOptions? markdown = null, WordWriterOptions? word = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddArchiveReader().AddMarkdown(markdown).AddWord(word);
    }
}
