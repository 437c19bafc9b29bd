using Convertify.Testing;

namespace Convertify.Cli.Tests;

public sealed class FromOptionTests
{
    [Theory]
    [InlineData("convert")]
    [InlineData("inspect")]
    public void From_archive_reads_as_the_sniffed_default_does(string command)
    {
        var input = CliRunner.FixtureArticles()[0];
        string[] to = command == "convert" ? ["--to", "md"] : [];

        var sniffed = CliRunner.Run([command, input, .. to]);
        var named = CliRunner.Run([command, input, .. to, "--from", "archive"]);

        sniffed.ExitCode.ShouldBe(0, sniffed.ToString());
        named.ExitCode.ShouldBe(0, named.ToString());
        named.StandardOutput.ShouldBe(sniffed.StandardOutput);
    }

    [Theory]
    [InlineData("convert", "--to", "md")]
    [InlineData("convert", "--to", "xlsx", "-o", "x.xlsx")]
    [InlineData("inspect")]
    [InlineData("batch", "--to", "md", "-o", "out")]
    [InlineData("dossier", "-o", "dossier.docx")]
    public void An_unknown_reader_is_a_usage_error_naming_the_known_readers(params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        var input = CliRunner.FixtureArticles()[0];

        var result = CliRunner.RunIn(folder.Path, [arguments[0], input, .. arguments[1..], "--from", "nope"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldContain("'nope'");
        result.StandardError.ShouldContain("known: archive");
        result.StandardOutput.ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Batch_from_archive_converts_the_archive()
    {
        using var folder = new TemporaryFolder();

        var result = CliRunner.Run("batch", Path.Combine(TestPaths.Fixtures, "articles"), "--to", "md", "--from", "archive", "-o", folder.File("out"), "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.EnumerateFiles(folder.File("out"), "*.md", SearchOption.AllDirectories).Count().ShouldBe(CliRunner.FixtureArticles().Count);
    }

    [Fact]
    public void Dossier_from_archive_writes_what_the_sniffed_default_writes()
    {
        using var folder = new TemporaryFolder();
        var archive = Path.Combine(TestPaths.Fixtures, "articles");

        var sniffed = CliRunner.Run("dossier", archive, "-o", folder.File("sniffed.md"), "--title", "t");
        var named = CliRunner.Run("dossier", archive, "-o", folder.File("named.md"), "--title", "t", "--from", "archive");

        sniffed.ExitCode.ShouldBe(0, sniffed.ToString());
        named.ExitCode.ShouldBe(0, named.ToString());
        File.ReadAllText(folder.File("named.md")).ShouldBe(File.ReadAllText(folder.File("sniffed.md")));
        named.StandardOutput.ShouldContain($"{CliRunner.FixtureArticles().Count} article(s)");
    }

    [Fact]
    public void Formats_says_what_each_reader_sniffs()
    {
        var result = CliRunner.Run("formats");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StandardOutput.Split('\n');
        var archive = Array.FindIndex(lines, l => l.StartsWith("  archive ", StringComparison.Ordinal));
        archive.ShouldBeGreaterThanOrEqualTo(0, result.StandardOutput);
        var entry = string.Join(" ", lines.Skip(archive + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()));
        entry.ShouldContain("sniffs: first line <!--digits-->");
        lines.ShouldAllBe(l => l.Length <= 80);
    }
}
