using Convertify.Model;

namespace Convertify.Formats;

/// <summary>Writes one article as one document.</summary>
public interface IArticleWriter
{
    /// <summary>The writer's name, description and file extension.</summary>
    FormatInfo Format { get; }

    /// <summary>Writes the article to <paramref name="output"/>. Never throws for an article a reader produced.</summary>
    void Write(Article article, Stream output);
}
