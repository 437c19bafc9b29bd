using Convertify.Word;

namespace Convertify.Conversion;

/// <summary>Registers the Word writers.</summary>
public static class WordConverterBuilderExtensions
{
    /// <summary>
    /// Adds the <c>docx</c> writer. Each built converter gets its own writer and disposes it (releasing the download
    /// client of <see cref="WordWriterOptions.FetchImages"/>) when the converter is disposed.
    /// </summary>
    /// <param name="builder">The builder to add the writer to.</param>
    /// <param name="options">Writer options; null for the defaults (offline: figures become linked placeholders).</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ConverterBuilder AddWord(this ConverterBuilder builder, WordWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddWriter(() => new WordArticleWriter(options));
    }

    /// <summary>
    /// Adds the <c>dossier</c> writer: chosen articles as one Word document. Each built converter gets its own writer and
    /// disposes it when the converter is disposed.
    /// </summary>
    /// <param name="builder">The builder to add the writer to.</param>
    /// <param name="options">Writer options (images, fonts, warnings); null for the defaults.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ConverterBuilder AddWordDossier(this ConverterBuilder builder, WordWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDossierWriter(() => new WordDossierWriter(options));
    }
}
