using Convertify.Model;

namespace Convertify.Formats;

/// <summary>Reads one input into the canonical article model.</summary>
public interface IArticleReader
{
    /// <summary>The reader's name and description.</summary>
    FormatInfo Format { get; }

    /// <summary>Reads one article.</summary>
    /// <exception cref="Errors.ArticleFormatException">The input is not a readable article; the message names the file and the problem.</exception>
    Article Read(ArticleInput input);
}
