using Convertify.Model;

namespace Convertify.Formats;

/// <summary>
/// A writer that can say what it could not render as asked (e.g. a picture left as a link because its download was
/// refused), so a batch can record those warnings with the article and list them in the catalogue.
/// </summary>
public interface IWarningArticleWriter : IArticleWriter
{
    /// <summary>Writes the article like <see cref="IArticleWriter.Write"/> and returns the writer's own warnings (empty when none).</summary>
    IReadOnlyList<ConversionWarning> WriteWithWarnings(Article article, Stream output);
}
