using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>One exit-code rule for batch and convert (2: the command line is wrong, 1: an input cannot be converted), and filters that match nothing.</summary>
public sealed class BatchExitCodeTests
{
    [Fact]
    public void A_missing_input_is_exit_1_in_batch_as_in_convert_with_the_same_one_line()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var missing = folder.File("nope.md");

        var batch = CliRunner.Run("batch", missing, "--to", "md", "--out", folder.File("out"));
        var convert = CliRunner.Run("convert", missing, "--to", "md", "-o", folder.File("out.md"));

        batch.ExitCode.ShouldBe(1, batch.ToString());
        convert.ExitCode.ShouldBe(1, convert.ToString());
        batch.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()
            .ShouldBe($"convertify: {missing}: file or folder not found");
        convert.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith($"convertify: {missing}: ");
        Directory.Exists(folder.File("out")).ShouldBeFalse();
    }

    [Fact]
    public void An_input_of_an_unknown_kind_cannot_be_converted_exit_1()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var rar = folder.File("archive.rar");
        File.WriteAllText(rar, "not an archive");

        var batch = CliRunner.Run("batch", rar, "--to", "md", "-o", folder.File("out"));

        batch.ExitCode.ShouldBe(1, batch.ToString());
        batch.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()
            .ShouldBe($"convertify: {rar}: not an archive: expected a folder, a glob, a .md, .xml, .rss, .atom, .markdown, .zip, .tar, .tar.gz or .tgz file");
        Directory.Exists(folder.File("out")).ShouldBeFalse();
    }

    [Fact]
    public void A_wrong_command_line_stays_exit_2()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var result = CliRunner.Run("batch", folder.File("nope"), "--to", "pdf", "--out", folder.File("out"));
        result.ExitCode.ShouldBe(2, result.ToString());
    }

    [Fact]
    public void Filters_that_match_nothing_say_so_and_fail_only_when_asked()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var articles = CliRunner.FixtureArticles();
        CliRunner.CopyFixtureArchive(folder);

        var result = CliRunner.Run("batch", folder.File("archive"), "--to", "md", "--out", folder.File("out"), "--lang", "xx");
        var strict = CliRunner.Run("batch", folder.File("archive"), "--to", "md", "--out", folder.File("strict"), "--lang", "xx", "--fail-on-empty");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain($"\nno article matched the filters: --lang xx removed {articles.Count}\n");
        strict.ExitCode.ShouldBe(1, strict.ToString());
        strict.StandardOutput.ShouldContain("no article matched the filters");
        var some = CliRunner.Run("batch", folder.File("archive"), "--to", "md", "--out", folder.File("some"), "--site", "voa", "--fail-on-empty");
        some.ExitCode.ShouldBe(0, some.ToString());
        some.StandardOutput.ShouldNotContain("no article matched");
    }
}
