using System.Collections.Immutable;
using System.Text;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Archive.Tests;

/// <summary>Builds small archive articles in memory and reads them.</summary>
internal static class ArchiveInput
{
    public const long FeedMs = 1672331948000; // 2022-12-29T16:39:08Z

    public static readonly ArchiveArticleReader Reader = new();

    public static string Frame(string body, string title = "临登港的早晨", string url = "https://www.voachinese.com/a/lindenport/1.html", long feedMs = FeedMs) =>
        $"<!--{feedMs}-->\n[{title}]({url})\n------\n\n{body}\n";

    public static Article Read(string body, string path = "articles/voa/1000001.md", string url = "https://www.voachinese.com/a/lindenport/1.html", long feedMs = FeedMs, string title = "临登港的早晨") =>
        Reader.Read(ArticleInput.FromString(path, Frame(body, title, url, feedMs)));

    public static Article ReadText(string text, string path = "articles/voa/1000001.md") =>
        Reader.Read(ArticleInput.FromString(path, text));

    public static Article ReadBytes(byte[] bytes, string path = "articles/voa/1000001.md") =>
        Reader.Read(new ArticleInput(path, bytes));

    public static string BodyText(Article article) => PlainText.Of(article.Body);

    public static T Single<T>(Article article) where T : Block => article.Body.OfType<T>().ShouldHaveSingleItem();

    public static string Inlines(ImmutableArray<Inline> inlines) => Render(inlines);

    /// <summary>A compact Markdown-like rendering for assertions: **strong**, _em_, [text](url), ⏎ for line breaks.</summary>
    public static string Render(ImmutableArray<Inline> inlines)
    {
        var b = new StringBuilder();
        foreach (var inline in inlines)
        {
            b.Append(inline switch
            {
                TextInline t => t.Text,
                StrongInline s => "**" + Render(s.Inlines) + "**",
                EmphasisInline e => "_" + Render(e.Inlines) + "_",
                LinkInline l => "[" + Render(l.Inlines) + "](" + l.Url + ")",
                LineBreakInline => "⏎",
                _ => "?",
            });
        }
        return b.ToString();
    }

    public static IReadOnlyList<string> Paragraphs(Article article) =>
        article.Body.OfType<ParagraphBlock>().Select(p => Render(p.Inlines)).ToList();

    public static bool HasWarning(Article article, string code) => article.Warnings.Any(w => w.Code == code);
}
