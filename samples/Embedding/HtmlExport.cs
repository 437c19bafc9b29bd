using Convertify.Conversion;

namespace Embedding;

/// <summary>Use 3, continued: registering the host's writer through the same builder.</summary>
public static class HtmlExport
{
    /// <summary>Converts one article file to an HTML page with the host's own writer.</summary>
    public static void Convert(string articlePath, string htmlPath)
    {
        var converter = new ConverterBuilder()
            .AddArchiveReader()
            .AddWriter(new HtmlArticleWriter())
            .Build();
        converter.WriteFile(converter.ReadFile(articlePath), "html", htmlPath);
    }
}
