using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>The conventions of the command line as a whole: usage errors, help, --version, completion.</summary>
public sealed class CommandLineConventionTests
{
    [Theory]
    [InlineData("--bogus", null)]
    [InlineData("--image", "--images")]
    [InlineData("--fetch-image", "--fetch-images")]
    [InlineData("--outpt", "--output")]
    [InlineData("-x", null)]
    public void An_unknown_option_is_a_usage_error_naming_it_with_the_close_option(string option, string? suggestion)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = CliRunner.FixtureArticles()[0];

        var result = CliRunner.Run("convert", input, option, "voa", "--to", "xlsx", "-o", folder.File("catalog.xlsx"));

        result.ExitCode.ShouldBe(2, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe($"convertify convert: unknown option {option}" + (suggestion is null ? "" : $" (did you mean {suggestion}?)"));
        lines.Length.ShouldBe(2, result.ToString());
        result.StandardError.ShouldNotContain("   at ");
        File.Exists(folder.File("catalog.xlsx")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("batch x --to md -o out --job 2", "convertify batch: unknown option --job (did you mean --jobs?)")]
    [InlineData("catalog merge a.xlsx --bogus -o all.xlsx", "convertify catalog merge: unknown option --bogus")]
    [InlineData("--verbos", "convertify: unknown option --verbos (did you mean --verbose?)")]
    public void Every_command_refuses_unknown_options(string line, string error)
    {
        using var folder = TestPaths.NewTemporaryFolder();

        var result = CliRunner.RunIn(folder.Path, line.Split(' '));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.Split('\n')[0].ShouldBe(error);
        Directory.EnumerateFileSystemEntries(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_file_named_like_an_option_is_read_after_double_dash()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        File.Copy(CliRunner.FixtureArticles()[0], folder.File("--x"));

        var refused = CliRunner.RunIn(folder.Path, "convert", "--x", "--to", "md");
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.StandardError.ShouldContain("unknown option --x");

        var result = CliRunner.RunIn(folder.Path, "convert", "--to", "md", "--", "--x");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldStartWith("---\n");
    }

    [Fact]
    public void Bare_convertify_prints_its_help_and_exits_0_as_help_does()
    {
        var bare = CliRunner.Run();
        var help = CliRunner.Run("--help");

        bare.ExitCode.ShouldBe(0, bare.ToString());
        bare.StandardError.ShouldBeEmpty();
        bare.StandardOutput.ShouldBe(help.StandardOutput);
        bare.StandardOutput.ShouldContain("Usage:");
        bare.StandardOutput.ShouldContain("convert <file>");
    }

    [Fact]
    public void A_command_that_only_groups_others_prints_its_own_help()
    {
        var result = CliRunner.Run("catalog");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("convertify catalog [command]");
        result.StandardOutput.ShouldContain("merge <catalogs>");
        result.StandardError.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("convert", "Option '--to' is required.")]
    [InlineData("batch", "Option '--output' is required.")]
    [InlineData("catalog merge", "Option '--output' is required.")]
    public void A_command_given_nothing_prints_its_help_and_what_is_missing_on_stderr_exit_2(string command, string error)
    {
        var result = CliRunner.Run(command.Split(' '));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.ShouldContain($"Usage:\n  convertify {command} <");
        result.StandardError.ShouldContain($"convertify {command}: {error}");
    }

    [Fact]
    public void A_mistyped_command_gets_a_suggestion()
    {
        var result = CliRunner.Run("conver", "a.md");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldStartWith("convertify: Unrecognized command or argument 'conver' (did you mean convert?)\n");
    }

    [Fact]
    public void Batch_help_shows_each_default_once_and_output_once_with_its_aliases()
    {
        var help = Regex.Replace(CliRunner.Run("batch", "--help").StandardOutput, @"\s+", " ");

        help.ShouldContain("(default: processor count)");
        help.ShouldNotContain("processor count) [default:");
        Regex.Matches(help, @"--out\b").Count.ShouldBe(1, help);
        help.ShouldContain("-o, --out, --output <DIR>");
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("-o")]
    [InlineData("--out")]
    public void Batch_takes_its_output_folder_as_o_output_or_out(string option)
    {
        using var folder = TestPaths.NewTemporaryFolder();

        var result = CliRunner.Run("batch", Path.Combine(TestPaths.Fixtures, "articles"), "--to", "md", option, folder.File("out"), "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.EnumerateFiles(folder.File("out"), "*.md", SearchOption.AllDirectories).Count().ShouldBe(CliRunner.FixtureArticles().Count);
    }

    public static TheoryData<string> Commands => new() { "", "convert", "batch", "inspect", "formats", "catalog", "catalog merge", "completion", "dossier" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_fits_in_80_columns(string command)
    {
        var result = CliRunner.RunWith(null, null, new Dictionary<string, string?> { ["COLUMNS"] = "80" },
            [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            line.TrimEnd().Length.ShouldBeLessThanOrEqualTo(80, line);
        }
    }

    [Fact]
    public void Help_without_columns_also_fits_in_80_columns_and_says_what_v_is()
    {
        var result = CliRunner.RunWith(null, null, new Dictionary<string, string?> { ["COLUMNS"] = null }, "--help");

        result.StandardOutput.Split('\n').Max(l => l.TrimEnd().Length).ShouldBeLessThanOrEqualTo(80);
        Regex.Replace(result.StandardOutput, @"\s+", " ").ShouldContain("-v, --verbose Print stack traces and details with errors (-v is --verbose; the version is --version)");
    }

    [Fact]
    public void Version_names_the_version_and_the_commit_it_was_built_from()
    {
        if (ProcessRunner.Run("git", ["rev-parse", "HEAD"], workingDirectory: TestPaths.RepoRoot).ExitCode != 0)
        {
            Assert.Skip("the sources are not a git checkout: the build cannot know its commit");
        }
        var result = CliRunner.Run("--version");

        result.ExitCode.ShouldBe(0, result.ToString());
        // The tests run the JIT build; scripts/aot-smoke.sh checks that the NativeAOT binary says "native".
        result.StandardOutput.ShouldMatch($@"^convertify \d+\.\d+\.\d+\S* \(commit [0-9a-f]{{12}}; \.NET {Regex.Escape(Environment.Version.ToString())} {Regex.Escape(RuntimeInformation.RuntimeIdentifier)}\)\n$");
        var commit = Regex.Match(result.StandardOutput, "commit ([0-9a-f]+)").Groups[1].Value;
        var known = ProcessRunner.Run("git", ["cat-file", "-e", commit + "^{commit}"], workingDirectory: TestPaths.RepoRoot);
        known.ExitCode.ShouldBe(0, $"{commit} is not a commit of this repository: {known}");
    }
}
