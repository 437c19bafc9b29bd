using Convertify.Conversion;

namespace Embedding;

/// <summary>Use 4, continued: the host's reader is registered in one line; its files are then sniffed like any other.</summary>
public static class JsonImport
{
    private static readonly Converter Converter = new ConverterBuilder()
        .AddArchiveReader()
        .AddReader(new JsonArticleReader())
        .AddMarkdown()
        .Build();

    /// <summary>Converts a CMS story or an archive article (whichever <paramref name="input"/> is) to Markdown.</summary>
    public static void ToMarkdown(string input, string markdownPath) =>
        Converter.WriteFile(Converter.ReadFile(input), "md", markdownPath);
}
