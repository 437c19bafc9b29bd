using Convertify.Conversion;
using Convertify.Markdown;
using Convertify.Model;

namespace Embedding;

/// <summary>Use 1: a CMS importer turns an archive article into Markdown for its own store.</summary>
public static class CmsImporter
{
    // Build once and share: a Converter is immutable and thread-safe.
    private static readonly Converter Converter = new ConverterBuilder()
        .AddArchiveReader()
        .AddMarkdown(new MarkdownWriterOptions(FrontMatter: false))
        .Build();

    /// <summary>Reads the article in <paramref name="source"/> and writes its Markdown body to <paramref name="destination"/>.</summary>
    /// <param name="name">The article's archive path (<c>articles/voa/1008001.md</c>): the id and site come from it.</param>
    public static async Task<Article> ImportAsync(Stream source, string name, Stream destination, CancellationToken cancellationToken)
    {
        var article = await Converter.ReadAsync(source, name, cancellationToken);
        await Converter.WriteAsync(article, "md", destination, cancellationToken);
        return article;
    }

    /// <summary>The same for an article the CMS already holds as a string.</summary>
    public static Article Read(string text, string name) => Converter.ReadString(text, name);
}
