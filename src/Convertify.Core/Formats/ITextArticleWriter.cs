using Convertify.Model;

namespace Convertify.Formats;

/// <summary>
/// A writer whose documents are text (Markdown, HTML): <see cref="Conversion.Converter.WriteToString"/> accepts only these.
/// A host's own text writer declares the interface; the default <see cref="WriteToString"/> decodes what
/// <see cref="IArticleWriter.Write"/> writes as UTF-8.
/// </summary>
public interface ITextArticleWriter : IArticleWriter
{
    /// <summary>The document as a string.</summary>
    /// <param name="article">The article to write.</param>
    string WriteToString(Article article)
    {
        using var buffer = new MemoryStream();
        Write(article, buffer);
        return new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length));
    }
}
