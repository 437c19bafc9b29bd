using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>Issue 23, point 5: the library names <c>BatchOptions</c> properties; <c>convertify batch</c> still names its flags.</summary>
public sealed class BatchUsageTextTests
{
    [Theory]
    [InlineData("no output format: set BatchOptions.Formats to writer names (md, docx, xlsx)", "no output format: use --to md,docx,xlsx")]
    [InlineData("no output folder: set BatchOptions.OutputDirectory", "no output folder: use -o/--output <dir>")]
    [InlineData("BatchOptions.Since 2024-02-01 is after BatchOptions.Until 2024-01-01", "--since 2024-02-01 is after --until 2024-01-01")]
    [InlineData("the output folder /o holds the input /o/in: outputs could overwrite inputs; choose another BatchOptions.OutputDirectory",
        "the output folder /o holds the input /o/in: outputs could overwrite inputs; choose another -o/--output")]
    [InlineData("unknown format 'pdf'; known: md", "unknown format 'pdf'; known: md")]
    public void A_library_message_is_said_with_the_commands_flags(string library, string commandLine) =>
        Commands.BatchUsageText.ForCommandLine(library).ShouldBe(commandLine);

    [Fact]
    public void Since_after_until_is_said_with_the_flags_by_the_command()
    {
        using var folder = TestPaths.NewTemporaryFolder();

        var result = CliRunner.Run("batch", Path.Combine(TestPaths.Fixtures, "articles"), "--to", "md", "-o", folder.File("out"), "--since", "2024-02-01", "--until", "2024-01-01");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldBe("convertify batch: --since 2024-02-01 is after --until 2024-01-01\n");
    }
}
