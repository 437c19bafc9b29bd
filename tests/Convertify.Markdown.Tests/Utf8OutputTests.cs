using System.Text;

namespace Convertify.Markdown.Tests;

/// <summary>The writer encodes its output in pieces: the bytes must be those of <see cref="UTF8Encoding"/> for the whole text.</summary>
public sealed class Utf8OutputTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public void Writes_a_long_document_in_pieces_without_splitting_a_pair()
    {
        // Longer than the writer's 64 KB chunk; shifted a character at a time, so some run has a pair across the boundary.
        var writer = new MarkdownArticleWriter();
        for (var shift = 0; shift < 11; shift++)
        {
            var text = new string('x', shift) + string.Concat(Enumerable.Repeat("中文 text 😀 ", 8000));
            var article = Support.TestArticles.Create([new Model.ParagraphBlock([new Model.TextInline(text)])]);
            using var stream = new MemoryStream();
            writer.Write(article, stream);
            stream.ToArray().ShouldBe(Utf8.GetBytes(writer.WriteToString(article)), $"shift {shift}");
        }
    }
}
