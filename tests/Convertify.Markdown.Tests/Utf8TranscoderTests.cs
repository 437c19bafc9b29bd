using System.Text;
using Convertify.Markdown.Internal;

namespace Convertify.Markdown.Tests;

/// <summary>The writer's UTF-8 encoder must give exactly the bytes of <see cref="UTF8Encoding"/>.</summary>
public sealed class Utf8TranscoderTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // ASCII runs of every length around the 16-character block, two-, three- and four-byte characters, lone surrogates.
    private static readonly string[] Pieces =
    [
        "a", "**", "0123456789abcdef", "0123456789abcdefg", "é", "ß", "\u07FF", "\u0800", "中", "，", "\uFFFD", "\uFFFF",
        "😀", "𠀀", "\U0010FFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\n", "\u007F", "\u0080",
    ];

    [Fact]
    public void Gives_the_bytes_of_UTF8Encoding()
    {
        var random = new Random(7);
        var failures = new List<string>();
        for (var n = 0; n < 20000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 30);
            for (var i = 0; i < count; i++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }
            var text = builder.ToString();
            var bytes = new byte[Utf8Transcoder.MaxBytes(text.Length)];
            var written = Utf8Transcoder.Encode(text, bytes);
            if (!bytes.AsSpan(0, written).SequenceEqual(Utf8.GetBytes(text)))
            {
                failures.Add(string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        failures.ShouldBeEmpty();
    }

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
