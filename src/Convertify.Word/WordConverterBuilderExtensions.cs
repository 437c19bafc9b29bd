using Convertify.Word;

namespace Convertify.Conversion;

/// <summary>Registers the Word writers.</summary>
public static class WordConverterBuilderExtensions
{
    /// <summary>Adds the <c>docx</c> writer.</summary>
    public static ConverterBuilder AddWord(this ConverterBuilder b, WordWriterOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.AddWriter(new WordArticleWriter(o));
    }

    /// <summary>Adds the <c>dossier</c> writer: chosen articles as one Word document.</summary>
    public static ConverterBuilder AddWordDossier(this ConverterBuilder b, WordWriterOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.AddDossierWriter(new WordDossierWriter(o));
    }
}
