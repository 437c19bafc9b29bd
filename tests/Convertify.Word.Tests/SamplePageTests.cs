using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

/// <summary>
/// Renders the first page of a sample document with LibreOffice (docx → pdf → png at 60 dpi).
/// <c>CONVERTIFY_UPDATE_GOLDEN=1</c> copies the page to <c>docs/word-sample.png</c>.
/// </summary>
public sealed class SamplePageTests
{
    [Fact]
    public void First_page_of_the_sample_renders_to_png()
    {
        var soffice = ExternalClients.RequireCommand("soffice");
        var pdftoppm = ExternalClients.RequireCommand("pdftoppm");
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("photo.png"), TestImages.Png(480, 270));
        var (article, options) = Sample(folder.Path);
        var docx = folder.File("sample.docx");
        using (var stream = File.Create(docx))
        {
            new WordArticleWriter(options).Write(article, stream);
        }
        var profile = "file:///tmp/lo-word-" + Guid.NewGuid().ToString("N");
        try
        {
            var convert = ProcessRunner.Run(soffice, ["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", folder.Path, docx],
                timeout: TimeSpan.FromMinutes(3));
            convert.ExitCode.ShouldBe(0, convert.ToString());
            var render = ProcessRunner.Run(pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", folder.File("sample.pdf"), folder.File("page")]);
            render.ExitCode.ShouldBe(0, render.ToString());
            var png = folder.File("page.png");
            new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
            if (Environment.GetEnvironmentVariable("CONVERTIFY_UPDATE_GOLDEN") == "1")
            {
                var target = Path.Combine(TestPaths.RepoRoot, "docs", "word-sample.png");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(png, target, overwrite: true);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(new Uri(profile).LocalPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    // The Chinese fixture with the most kinds of blocks (its first figure shown with a generated picture), else a hand-made article.
    private static (Article Article, WordWriterOptions Options) Sample(string imageDirectory)
    {
        var root = Path.Combine(TestPaths.Fixtures, "articles");
        Article? article = null;
        if (Directory.Exists(root))
        {
            var reader = new ArchiveArticleReader();
            article = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => reader.Read(ArticleInput.FromFile(f)))
                .Where(a => a.Metadata.Language.StartsWith("zh", StringComparison.Ordinal) && a.Body.OfType<FigureBlock>().Any())
                .OrderByDescending(a => a.Body.Select(b => b.GetType()).Distinct().Count())
                .FirstOrDefault();
        }
        article ??= TestArticles.Rich();
        if (article.Body.OfType<FigureBlock>().FirstOrDefault() is { } figure)
        {
            File.Copy(Path.Combine(imageDirectory, "photo.png"), Path.Combine(imageDirectory, ImageFileNames.ContentAddressed(figure.ImageUrl) + ".png"));
        }
        return (article, new WordWriterOptions { ImageDirectory = imageDirectory });
    }
}
