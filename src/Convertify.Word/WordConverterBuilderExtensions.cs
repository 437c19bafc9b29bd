using Convertify.Word;

namespace Convertify.Conversion;

/// <summary>Registers the Word writers.</summary>
public static class WordConverterBuilderExtensions
{
    /// <summary>Adds the <c>docx</c> writer.</summary>
    /// <param name="builder">The builder to add the writer to.</param>
    /// <param name="options">The writer's options (pictures, fonts); the defaults when <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ConverterBuilder AddWord(this ConverterBuilder builder, WordWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddWriter(new WordArticleWriter(options));
    }

    /// <summary>Adds the <c>dossier</c> writer: chosen articles as one Word document.</summary>
    /// <param name="builder">The builder to add the writer to.</param>
    /// <param name="options">The options each article's section is written with; the defaults when <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ConverterBuilder AddWordDossier(this ConverterBuilder builder, WordWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDossierWriter(new WordDossierWriter(options));
    }
}
