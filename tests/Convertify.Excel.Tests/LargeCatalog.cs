using System.Collections.Immutable;
using System.Globalization;
using Convertify.Model;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

/// <summary>A catalogue of many invented articles: each with two figures, two body links, a related link and exported files.</summary>
internal static class LargeCatalog
{
    public const int ImagesPerArticle = 2;
    public const int LinksPerArticle = 3;
    private static readonly string[] Sites = ["voa", "bbc", "dw"];

    public static IEnumerable<(Article Article, IReadOnlyDictionary<string, string>? Files)> Articles(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("D5", CultureInfo.InvariantCulture);
            var site = Sites[i % Sites.Length];
            ImmutableArray<Block> body =
            [
                Paragraph(new TextInline($"码头在第{i}次风暴之后重新开放。 "), Link($"https://example.org/{site}/{n}?a=1&b=2", "来源"),
                    new TextInline(" and "), Link($"https://www.example.com/news/{n}-related", "related")),
                new FigureBlock($"https://img.example.com/{site}/{n}/1.jpg", "码头", $"Caption {n}", "Photo: Agency"),
                Paragraph($"Boats returned to harbour {n} on a quiet morning, and the market opened again."),
                new FigureBlock($"https://img.example.com/{site}/{n}/2.jpg", "", "", ""),
            ];
            var article = Make(n, title: $"Harbour {n} reopens", site: site, body: body,
                published: Published.AddHours(i * 7), related: [new RelatedLink($"https://www.example.com/news/{n}/more", null)]);
            var id = article.Metadata.Id;
            yield return (article, new Dictionary<string, string> { ["md"] = id + ".md", ["docx"] = id + " draft.docx" });
        }
    }

    public static byte[] Write(int count) => CatalogFile.Write(Articles(count));
}
