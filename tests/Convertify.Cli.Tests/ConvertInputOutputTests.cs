using System.Text.Json;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>What <c>convert</c> reads (files, '-') and where it writes (a file, a folder, standard output).</summary>
public sealed class ConvertInputOutputTests
{
    private static string Fixture(string site) =>
        CliRunner.FixtureArticles().First(p => Path.GetFileName(Path.GetDirectoryName(p)) == site);

    private static string UrlStem(string article)
    {
        var url = File.ReadLines(article).ElementAt(1);
        var address = new Uri(url[(url.LastIndexOf("](", StringComparison.Ordinal) + 2)..^1]);
        return Path.GetFileNameWithoutExtension(address.AbsolutePath.TrimEnd('/').Split('/')[^1]);
    }

    private static (string Id, string Site) IdAndSite(string json)
    {
        using var document = JsonDocument.Parse(json);
        var site = document.RootElement.GetProperty("site").GetProperty("code").GetString()!;
        return (document.RootElement.GetProperty("id").GetString()!, site);
    }

    [Fact]
    public void Dash_reads_the_article_from_standard_input_named_by_its_url()
    {
        var article = Fixture("voa");

        var result = CliRunner.RunWith(null, File.ReadAllText(article), null, "convert", "-", "--to", "md");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain($"id: \"voa/{UrlStem(article)}\"");
        result.StandardOutput.ShouldContain("site: \"voa\"");
    }

    [Fact]
    public void Dash_with_name_takes_the_site_and_id_given()
    {
        var article = Fixture("voa");

        var result = CliRunner.RunWith(null, File.ReadAllText(article), null, "convert", "-", "--name", "dw/77", "--to", "md");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("id: \"dw/77\"");
        result.StandardOutput.ShouldContain("site: \"dw\"");
    }

    [Fact]
    public void Dash_without_name_and_without_a_url_to_name_it_by_is_an_input_error()
    {
        var article = "<!--1672331948000-->\n[标题](https://example.org/)\n------\n\n<p>正文</p>\n";

        var result = CliRunner.RunWith(null, article, null, "convert", "-", "--to", "md");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldBe("convertify: -: the article's URL has no last part to name it by: name it with --name site/id\n");
        CliRunner.RunWith(null, article, null, "convert", "-", "--name", "voa/1", "--to", "md").StandardOutput.ShouldContain("id: \"voa/1\"");
    }

    [Theory]
    [InlineData("dw")]
    [InlineData("dw/77/1")]
    [InlineData("/77")]
    public void A_name_that_is_not_site_slash_id_is_a_usage_error(string name)
    {
        var result = CliRunner.RunWith(null, File.ReadAllText(Fixture("voa")), null, "convert", "-", "--name", name, "--to", "md");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldBe($"convertify: --name '{name}': expected site/id, like voa/1008880\n");
    }

    [Fact]
    public void Dash_into_a_folder_writes_the_file_named_by_the_id()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var article = Fixture("voa");

        var result = CliRunner.RunWith(null, File.ReadAllText(article), null, "convert", "-", "--to", "md", "-o", folder.Path + "/");

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(folder.Path).Select(Path.GetFileName).ShouldBe([UrlStem(article) + ".md"]);
    }

    [Fact]
    public void A_folder_as_input_points_to_batch_exit_1()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        Directory.CreateDirectory(folder.File("somefolder"));

        var result = CliRunner.RunIn(folder.Path, "convert", "somefolder", "--to", "md");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldBe("convertify: somefolder is a folder: use 'convertify batch somefolder'\n");
    }

    [Theory]
    [InlineData("md", false)]
    [InlineData("docx", true)]
    public void An_existing_folder_or_a_path_ending_in_a_slash_as_o_gets_name_dot_ext_inside(string format, bool newFolder)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = CliRunner.FixtureArticles()[0];
        var output = newFolder ? folder.File("new") + "/" : folder.Path;

        var result = CliRunner.Run("convert", input, "--to", format, "-o", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(input) + "." + format)).ShouldBeTrue(result.ToString());
    }

    [Fact]
    public void Inputs_whose_names_clash_are_all_named_site_dash_id_and_listed()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        foreach (var site in new[] { "voa", "dw" })
        {
            Directory.CreateDirectory(folder.File(site));
            File.Copy(Fixture(site), Path.Combine(folder.File(site), "5000.md"));
        }
        var other = Fixture("bbc");

        var result = CliRunner.RunIn(folder.Path, "convert", "voa/5000.md", "dw/5000.md", other, "--to", "md", "-o", "out");

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(folder.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { "dw-5000.md", "voa-5000.md", Path.GetFileNameWithoutExtension(other) + ".md" }.Order(StringComparer.Ordinal));
        result.StandardError.ShouldBe("convertify: note: voa/5000.md written as voa-5000.md\nconvertify: note: dw/5000.md written as dw-5000.md\n");
    }

    [Theory]
    [InlineData(2, "--to", "md", "--bogus")]
    [InlineData(2, "--to", "xlsx", "--bogus", "-o", "OUT/catalog.xlsx")]
    [InlineData(2, "--to", "pdf")]
    [InlineData(2, "--to", "docx", "--fetch-timeout", "soon", "-o", "OUT/a.docx")]
    [InlineData(2)]
    [InlineData(1, "missing.md", "--to", "md")]
    [InlineData(1, "OUT", "--to", "md")]
    public void Exit_2_means_the_command_line_is_wrong_and_1_that_an_input_could_not_be_converted(int exit, params string[] arguments)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = CliRunner.FixtureArticles()[0];
        string[] line = arguments.Length > 0 && !arguments[0].StartsWith('-') ? ["convert", .. arguments] : ["convert", input, .. arguments];

        var result = CliRunner.RunIn(folder.Path, [.. line.Select(a => a.Replace("OUT", folder.Path, StringComparison.Ordinal))]);

        result.ExitCode.ShouldBe(exit, result.ToString());
        result.StandardError.ShouldNotBeNullOrWhiteSpace();
    }
}
