using Convertify.Model;

namespace Embedding;

/// <summary>Use 5: editing an article; the derived facts (statistics, lead image, description) follow the body.</summary>
public static class ArticleEditing
{
    /// <summary>The article without its first picture, wherever it sits (at the top, in a quote, in a list).</summary>
    public static Article WithoutFirstPicture(Article article)
    {
        var first = BlockWalker.Figures(article.Body).FirstOrDefault();
        return first is null ? article : article.RewriteBody(block: b => ReferenceEquals(b, first) ? null : b);
    }

    /// <summary>The article with its pictures served over HTTPS: a block map that changes figures at any depth.</summary>
    public static Article WithSecurePictures(Article article) =>
        article.RewriteBody(block: b => b is FigureBlock f && f.ImageUrl.StartsWith("http://", StringComparison.Ordinal)
            ? f with { ImageUrl = "https://" + f.ImageUrl["http://".Length..] }
            : b);

    /// <summary>The article cut at its first thematic break: a new top-level body through <see cref="Article.WithBody"/>.</summary>
    public static Article UpToFirstRule(Article article) =>
        article.WithBody([.. article.Body.TakeWhile(b => b is not RuleBlock)]);
}
