using System.Text.Json;
using Convertify.Testing;
using DocumentFormat.OpenXml.Packaging;

namespace Convertify.Cli.Tests;

public sealed class ConvertCommandTests
{
    [Fact]
    public void Converts_a_fixture_to_markdown_on_standard_output()
    {
        var input = CliRunner.FixtureArticles()[0];
        var result = CliRunner.Run("convert", input, "--to", "md");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldStartWith("---\n");
        result.StandardError.ShouldBeEmpty();
    }

    [Fact]
    public void Writes_markdown_and_docx_files_with_o_and_is_deterministic()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = CliRunner.FixtureArticles()[0];
        foreach (var (format, name) in new[] { ("md", "a.md"), ("md", "b.md"), ("docx", "a.docx"), ("docx", "b.docx") })
        {
            var result = CliRunner.Run("convert", input, "--to", format, "-o", folder.File(name));
            result.ExitCode.ShouldBe(0, result.ToString());
        }

        File.ReadAllBytes(folder.File("a.md")).ShouldBe(File.ReadAllBytes(folder.File("b.md")));
        File.ReadAllBytes(folder.File("a.docx")).ShouldBe(File.ReadAllBytes(folder.File("b.docx")));
        using var document = WordprocessingDocument.Open(folder.File("a.docx"), false);
        document.MainDocumentPart!.Document!.Body!.InnerText.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Several_files_make_one_catalogue()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var inputs = CliRunner.FixtureArticles();
        var result = CliRunner.Run(["convert", .. inputs, "--to", "xlsx", "-o", folder.File("catalog.xlsx")]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var workbook = SpreadsheetDocument.Open(folder.File("catalog.xlsx"), false);
        workbook.WorkbookPart!.Workbook!.Sheets!.ChildElements.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void Several_files_to_markdown_need_an_output_folder()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var inputs = CliRunner.FixtureArticles().Take(3).ToArray();

        var refused = CliRunner.Run(["convert", .. inputs, "--to", "md"]);
        refused.ExitCode.ShouldBe(2, refused.ToString());

        var result = CliRunner.Run(["convert", .. inputs, "--to", "md", "-o", folder.Path]);
        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(folder.Path, "*.md").Length.ShouldBe(3);
    }

    [Fact]
    public void Inspect_prints_the_model_as_json()
    {
        var input = CliRunner.FixtureArticles()[0];
        var result = CliRunner.Run("inspect", input);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        json.RootElement.GetProperty("body").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void An_articles_id_and_site_do_not_depend_on_the_folder_its_path_is_named_from()
    {
        var input = CliRunner.FixtureArticles().First(p => p.Contains($"{Path.DirectorySeparatorChar}bbc{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var articles = Path.GetDirectoryName(Path.GetDirectoryName(input))!;
        string[] IdAndSite(string? workingDirectory, string path)
        {
            var result = CliRunner.RunIn(workingDirectory, "inspect", path);
            result.ExitCode.ShouldBe(0, result.ToString());
            using var json = JsonDocument.Parse(result.StandardOutput);
            return [json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("site").GetProperty("code").GetString()!];
        }

        var absolute = IdAndSite(null, input);
        absolute.ShouldBe([$"bbc/{Path.GetFileNameWithoutExtension(input)}", "bbc"]);
        IdAndSite(articles, Path.Combine("bbc", Path.GetFileName(input))).ShouldBe(absolute);
        IdAndSite(Path.GetDirectoryName(input), Path.GetFileName(input)).ShouldBe(absolute);
    }

    [Fact]
    public void Formats_lists_the_registered_readers_and_writers()
    {
        var result = CliRunner.Run("formats");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var name in new[] { "archive", "md", "docx", "xlsx" })
        {
            result.StandardOutput.ShouldContain("  " + name + " ");
        }
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("convert", "--help")]
    [InlineData("inspect", "--help")]
    [InlineData("formats", "--help")]
    public void Version_and_help_succeed(params string[] arguments)
    {
        var result = CliRunner.Run(arguments);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("convert", "x.md")]
    [InlineData("convert", "x.md", "--to", "pdf")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] arguments)
    {
        var input = CliRunner.FixtureArticles()[0];
        var result = CliRunner.Run(arguments.Select(a => a == "x.md" ? input : a).ToArray());
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldNotBeNullOrWhiteSpace();
    }
}
