using System.Text;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch.Tests.Fakes;

/// <summary>A catalogue of one line per article (id, title, exported files) and per failure, in the order fed.</summary>
internal sealed class FakeCatalogWriter : IArticleSink, ICatalogWriter
{
    private readonly StringBuilder _text = new();
    private Stream? _output;

    public FormatInfo Format { get; } = new("xlsx", "fake catalogue", ".xlsx");

    public IArticleSink Open(Stream output, CatalogOptions? options = null) => new FakeCatalogWriter { _output = output };

    public void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null)
    {
        var files = exportedFiles is null ? "" : string.Join(",", exportedFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        _text.Append("article\t").Append(article.Metadata.Id).Append('\t').Append(article.Metadata.Title).Append('\t').Append(files).Append('\n');
    }

    public void AddFailure(string sourcePath, string message) => _text.Append("failure\t").Append(sourcePath).Append('\t').Append(message).Append('\n');

    public void Complete() => _output!.Write(Encoding.UTF8.GetBytes(_text.ToString()));

    public void Dispose()
    {
    }
}
