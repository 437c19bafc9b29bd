using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Markdown.Reader.Tests.Support;

/// <summary>The Markdown fixtures (fixtures/markdown), read with the reader.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(TestPaths.Fixtures, "markdown", name);

    public static Article Read(string name) => RoundTrip.Reader.Read(ArticleInput.FromFile(Path(name)));

    public static Article ReadText(string text, string name = "post.md") => RoundTrip.Reader.Read(ArticleInput.FromString(name, text));
}
