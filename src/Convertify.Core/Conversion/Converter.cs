using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Conversion;

/// <summary>Reads articles and writes them in any registered format. Thread-safe: readers and writers hold no per-call state.</summary>
public sealed class Converter
{
    internal Converter(FormatRegistry registry) => Registry = registry;

    /// <summary>The registered readers and writers.</summary>
    public FormatRegistry Registry { get; }

    /// <summary>Reads one article with the default reader.</summary>
    /// <exception cref="Errors.ArticleFormatException">The input is not a readable article.</exception>
    public Article Read(ArticleInput input) => Registry.GetReader().Read(input);

    /// <summary>Reads one article file with the default reader.</summary>
    /// <exception cref="Errors.ArticleFormatException">The file is missing or not a readable article.</exception>
    public Article ReadFile(string path) => Read(ArticleInput.FromFile(path));

    /// <summary>Reads one article file with the default reader, asynchronously.</summary>
    public async Task<Article> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var input = await ArticleInput.FromFileAsync(path, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(input);
    }

    /// <summary>Writes an article with the named writer.</summary>
    /// <exception cref="Errors.UnknownFormatException">No such writer.</exception>
    public void Write(Article article, string format, Stream output) => Registry.GetWriter(format).Write(article, output);

    /// <summary>Writes an article to a file with the named writer; the file appears complete or not at all.</summary>
    public void WriteFile(Article article, string format, string outputPath)
    {
        var writer = Registry.GetWriter(format);
        AtomicFile.Write(outputPath, stream => writer.Write(article, stream));
    }

    /// <summary>Converts one file to another in one call.</summary>
    public async Task ConvertFileAsync(string inputPath, string format, string outputPath, CancellationToken cancellationToken = default)
    {
        var writer = Registry.GetWriter(format);
        var article = await ReadFileAsync(inputPath, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(outputPath, stream => writer.Write(article, stream));
    }
}
