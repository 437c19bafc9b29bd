using System.Text;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Batch.Tests.Fakes;

/// <summary>Writes id, title, URL and body text; calls <see cref="OnWrite"/> first (to cancel or throw mid-run).</summary>
internal sealed class FakeWriter(string name, string extension) : IArticleWriter
{
    private int _writes;

    public FormatInfo Format { get; } = new(name, "fake " + name, extension);

    public Action<Article, int>? OnWrite { get; init; }

    public int Writes => Volatile.Read(ref _writes);

    public void Write(Article article, Stream output)
    {
        var count = Interlocked.Increment(ref _writes);
        OnWrite?.Invoke(article, count);
        var text = $"{Format.Name}\n{article.Metadata.Id}\n{article.Metadata.Title}\n{article.Metadata.OriginalUrl}\n{PlainText.Of(article.Body)}";
        output.Write(Encoding.UTF8.GetBytes(text));
    }
}
