using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary><c>convertify completion bash|zsh|fish</c>: scripts the shells accept, which complete commands and options.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void The_completion_script_is_accepted_by_its_shell(string shell)
    {
        var path = ExternalClients.RequireCommand(shell);
        using var folder = TestPaths.NewTemporaryFolder();
        var script = CliRunner.Run("completion", shell);
        script.ExitCode.ShouldBe(0, script.ToString());
        File.WriteAllText(folder.File("script"), script.StandardOutput);

        var check = ProcessRunner.Run(path, ["-n", folder.File("script")]);

        check.ExitCode.ShouldBe(0, check.ToString());
        check.StandardError.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("convertify con", "convert")]
    [InlineData("convertify ", "batch")]
    [InlineData("convertify convert a.md --ou", "--output")]
    [InlineData("convertify convert a.md --to ", "docx")]
    [InlineData("convertify convert a.md --from ", "archive")]
    [InlineData("convertify inspect a.md --from ", "archive")]
    [InlineData("convertify batch in --ou", "--output")]
    [InlineData("convertify catalog m", "merge")]
    public void Bash_completes_commands_options_and_formats(string line, string expected)
    {
        var bash = ExternalClients.FindCommand("bash");
        if (bash is null)
        {
            Assert.Skip("bash is not installed");
        }
        using var folder = TestPaths.NewTemporaryFolder();
        var launcher = CliRunner.WriteLauncher(folder.Path);
        File.WriteAllText(folder.File("script"), CliRunner.Run("completion", "bash").StandardOutput);
        var words = line.Split(' ');
        var driver = $"""
            source {folder.File("script")}
            COMP_LINE='{line}'
            COMP_POINT={line.Length}
            COMP_WORDS=({string.Join(' ', words.Select((w, i) => i == 0 ? $"'{launcher}'" : $"'{w}'"))})
            COMP_CWORD={words.Length - 1}
            COMP_LINE="${"{"}COMP_LINE/convertify/{launcher}{"}"}"
            COMP_POINT=${"{"}#COMP_LINE{"}"}
            _convertify_complete
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
            """;
        File.WriteAllText(folder.File("driver"), driver);

        var result = ProcessRunner.Run(bash, [folder.File("driver")]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.Split('\n').ShouldContain(expected, result.ToString());
        var typed = words[^1];
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldAllBe(s => s.StartsWith(typed, StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var result = CliRunner.Run("completion", "powershell");

        result.ExitCode.ShouldBe(2, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("convertify completion: Argument 'powershell' not recognized. Must be one of: 'bash' 'zsh' 'fish'");
        lines.Length.ShouldBe(2, result.ToString());
    }
}
