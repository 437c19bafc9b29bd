using Convertify.Formats;
using Convertify.Json;
using Convertify.Markdown.Reader.Tests.Support;
using Convertify.Model;

namespace Convertify.Markdown.Reader.Tests;

public sealed class DeterminismTests
{
    [Theory]
    [InlineData("hugo-post.md")]
    [InlineData("jekyll-post.md")]
    [InlineData("no-title.md")]
    [InlineData("no-date.md")]
    public async Task TheSameFileReadsToTheSameArticle(string name)
    {
        var bytes = File.ReadAllBytes(Fixtures.Path(name));
        var first = Json(RoundTrip.Reader.Read(new ArticleInput(name, bytes)));
        // Another copy of the bytes, read later, on another thread: nothing but the bytes and the name count.
        var second = await Task.Run(() => Json(RoundTrip.Reader.Read(new ArticleInput(name, bytes.ToArray()))), TestContext.Current.CancellationToken);
        second.ShouldBe(first);
        RoundTrip.Markdown(Fixtures.Read(name)).ShouldBe(RoundTrip.Markdown(Fixtures.Read(name)));
    }

    [Fact]
    public void AHugoPostWrittenByUsReadsBackToTheSameMarkdown()
    {
        var once = RoundTrip.Markdown(Fixtures.Read("hugo-post.md"));
        var twice = RoundTrip.Markdown(RoundTrip.ReadMarkdown(once));
        twice.ShouldBe(once);
    }

    private static string Json(Article article)
    {
        using var stream = new MemoryStream();
        ArticleJsonWriter.Write(article, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
