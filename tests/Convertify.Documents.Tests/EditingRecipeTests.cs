using Convertify.Model;
using Convertify.Testing;
using Embedding;

namespace Convertify.Documents.Tests;

/// <summary>Issue 23, point 2: the "Editing an article" recipe of docs/embedding.md (samples/Embedding/ArticleEditing.cs) on a real read.</summary>
public sealed class EditingRecipeTests
{
    private static readonly Article Article = Articles.ReadFile(Path.Combine(TestPaths.Fixtures, "articles", "voa", "1090001.md"));

    [Fact]
    public void Removing_the_first_picture_updates_the_count_the_lead_image_and_the_front_matter()
    {
        var figures = BlockWalker.Figures(Article.Body).ToList();
        figures.Count.ShouldBe(2);
        Article.Metadata.LeadImage.ShouldBe(figures[0].ImageUrl);

        var edited = ArticleEditing.WithoutFirstPicture(Article);

        edited.Statistics.Images.ShouldBe(1);
        edited.Metadata.LeadImage.ShouldBe(figures[1].ImageUrl);
        var markdown = Articles.ToMarkdown(edited);
        markdown.ShouldNotContain(figures[0].ImageUrl);
        markdown.ShouldContain($"images:\n- \"{figures[1].ImageUrl}\"\n");

        var none = ArticleEditing.WithoutFirstPicture(edited);
        none.Statistics.Images.ShouldBe(0);
        none.Metadata.LeadImage.ShouldBeNull();
        Articles.ToMarkdown(none).ShouldNotContain("images:");
    }

    [Fact]
    public void Each_recipe_edit_leaves_the_statistics_as_a_fresh_read_would_compute_them()
    {
        foreach (var edited in new[] { ArticleEditing.WithoutFirstPicture(Article), ArticleEditing.WithSecurePictures(Article), ArticleEditing.UpToFirstRule(Article) })
        {
            edited.Statistics.ShouldBe(ArticleAssembler.ComputeStatistics(edited.Body, edited.RelatedLinks));
            edited.Metadata.Id.ShouldBe(Article.Metadata.Id);
        }
        ArticleEditing.WithSecurePictures(Article).ShouldBe(Article);
        (ArticleEditing.WithSecurePictures(Article with { Body = [new FigureBlock("http://example.org/a.jpg", "", "", "")] }).Body[0] as FigureBlock)!
            .ImageUrl.ShouldBe("https://example.org/a.jpg");
    }
}
