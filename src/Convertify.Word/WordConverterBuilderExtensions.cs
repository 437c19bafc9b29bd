using Convertify.Word;

namespace Convertify.Conversion;

/// <summary>Registers the Word writer.</summary>
public static class WordConverterBuilderExtensions
{
    /// <summary>Adds the <c>docx</c> writer.</summary>
    public static ConverterBuilder AddWord(this ConverterBuilder b, WordWriterOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(b);
        return b.AddWriter(new WordArticleWriter(o));
    }
}
