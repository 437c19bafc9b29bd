using System.Collections.Immutable;
using Convertify.Model;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

/// <summary>A small catalogue exercising every sheet, hyperlinks, exported files and formula-like text.</summary>
internal static class SampleCatalog
{
    public static readonly string[] InjectionTitles = ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"];

    public static byte[] Write()
    {
        var articles = new List<(Article, IReadOnlyDictionary<string, string>?)>();
        ImmutableArray<Block> body =
        [
            Paragraph(new TextInline("港口在风暴后重新开放，渔船陆续返回。"), Link("https://elsewhere.org/a?b=1&c=2", "a source")),
            new FigureBlock("https://img.example.com/quay.jpg", "码头", "清晨的码头", "图片：通讯社"),
        ];
        articles.Add((Make("100", title: "港口在风暴后重新开放", body: body, site: "bbc", siteName: "示例广播"),
            new Dictionary<string, string> { ["md"] = "bbc/100.md", ["docx"] = "bbc/100.docx" }));
        for (var i = 0; i < InjectionTitles.Length; i++)
        {
            articles.Add((Make((200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), title: InjectionTitles[i],
                published: Published.AddDays(40 * i)), new Dictionary<string, string> { ["md"] = $"voa/{200 + i}.md" }));
        }
        return CatalogFile.Write(articles, [("articles/voa/bad.md", "articles/voa/bad.md: not an article")]);
    }
}
