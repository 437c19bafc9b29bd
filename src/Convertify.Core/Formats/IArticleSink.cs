using Convertify.Model;

namespace Convertify.Formats;

/// <summary>Receives articles (and failures) one at a time; <see cref="Complete"/> writes the result.</summary>
public interface IArticleSink : IDisposable
{
    /// <summary>Adds one article.</summary>
    /// <param name="article">The article.</param>
    /// <param name="exportedFiles">Files exported for it, by format name, as paths relative to the catalogue.</param>
    void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null);

    /// <summary>Records an input that could not be converted.</summary>
    void AddFailure(string sourcePath, string message);

    /// <summary>Writes the catalogue to its stream. Call once, after the last article.</summary>
    void Complete();
}
