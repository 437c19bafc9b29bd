using System.Text.Json;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>The tool's Markdown reader (format <c>md</c>) through the commands: what <c>--to md</c> wrote, edited and read back.</summary>
public sealed class MarkdownInputCommandTests
{
    [Fact]
    public void Markdown_the_tool_wrote_converts_back_to_the_same_markdown_and_to_word()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var article = CliRunner.FixtureArticles()[0];
        var markdown = folder.File("article.md");
        CliRunner.Run("convert", article, "--to", "md", "-o", markdown).ExitCode.ShouldBe(0);

        var again = CliRunner.Run("convert", markdown, "--to", "md", "-o", folder.File("again.md"));
        var word = CliRunner.Run("convert", markdown, "--to", "docx", "-o", folder.File("article.docx"));

        again.ExitCode.ShouldBe(0, again.ToString());
        File.ReadAllBytes(folder.File("again.md")).ShouldBe(File.ReadAllBytes(markdown));
        word.ExitCode.ShouldBe(0, word.ToString());
        new FileInfo(folder.File("article.docx")).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void An_edit_to_the_markdown_reaches_the_word_document()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var markdown = folder.File("article.md");
        CliRunner.Run("convert", CliRunner.FixtureArticles()[0], "--to", "md", "-o", markdown).ExitCode.ShouldBe(0);
        File.AppendAllText(markdown, "\nAn editor's closing remark, added by hand.\n");

        var result = CliRunner.Run("inspect", markdown);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("An editor's closing remark, added by hand.");
    }

    [Fact]
    public void A_batch_of_markdown_output_converts_every_article_back()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var markdown = folder.File("md");
        CliRunner.Run("batch", TestPaths.Fixtures, "--to", "md", "-o", markdown, "--quiet").ExitCode.ShouldBe(0);
        var written = Directory.GetFiles(markdown, "*.md", SearchOption.AllDirectories).Length;

        var result = CliRunner.Run("batch", markdown, "--to", "docx,xlsx", "-o", folder.File("word"), "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.File("word"), "convertify-report.json")));
        report.RootElement.GetProperty("totals").GetProperty("converted").GetInt32().ShouldBe(written);
    }

    [Fact]
    public void A_hugo_post_reads_with_its_title_tags_and_date()
    {
        var result = CliRunner.Run("convert", CliRunner.Fixture("markdown/hugo-post.md"), "--to", "md");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("date_source: \"front_matter\"");
        result.StandardOutput.ShouldContain("- \"tides\"");
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_is_one_line_naming_the_file_and_line()
    {
        using var folder = TestPaths.NewTemporaryFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture("markdown/bad-yaml.md"), "--to", "docx", "-o", folder.File("x.docx"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.Trim().Split('\n').Length.ShouldBe(1, result.StandardError);
        result.StandardError.ShouldContain("bad-yaml.md");
        result.StandardError.ShouldMatch(@"\(line \d+\)");
        File.Exists(folder.File("x.docx")).ShouldBeFalse();
    }

    [Fact]
    public void From_md_forces_the_markdown_reader_and_from_archive_refuses_a_markdown_file()
    {
        var post = CliRunner.Fixture("markdown/hugo-post.md");

        var asMarkdown = CliRunner.Run("inspect", post, "--from", "md");
        var asArchive = CliRunner.Run("inspect", post, "--from", "archive");

        asMarkdown.ExitCode.ShouldBe(0, asMarkdown.ToString());
        asArchive.ExitCode.ShouldBe(1, asArchive.ToString());
        asArchive.StandardError.ShouldContain("hugo-post.md");
    }

    [Fact]
    public void Formats_lists_the_markdown_reader_with_what_it_sniffs()
    {
        var result = CliRunner.Run("formats");

        var lines = result.StandardOutput.Split('\n');
        var readers = lines.TakeWhile(l => !l.StartsWith("Writers", StringComparison.Ordinal)).ToList();
        var md = readers.FindIndex(l => l.StartsWith("  md ", StringComparison.Ordinal));
        md.ShouldBeGreaterThanOrEqualTo(0, result.StandardOutput);
        string.Join(" ", readers.Skip(md + 1).Select(l => l.Trim())).ShouldContain("sniffs: front matter: first line ---");
    }
}
